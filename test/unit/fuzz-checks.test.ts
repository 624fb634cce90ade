import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineLengths, rangeProblem } from '../fuzz/checks';

const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

test('lineLengths counts \\n, \\r\\n and lone \\r as line ends', () => {
  assert.deepEqual(lineLengths('ab\ncd\r\ne\rfgh'), [2, 2, 1, 3]);
  assert.deepEqual(lineLengths(''), [0]);
  assert.deepEqual(lineLengths('x\n'), [1, 0]);
  assert.deepEqual(lineLengths('\u{1F600}'), [2]);
});

test('rangeProblem accepts ranges inside, including at line end and on the empty last line', () => {
  const l = lineLengths('ab\ncd\r\ne\rfgh\n');
  assert.equal(rangeProblem(r(0, 0, 0, 2), l), undefined);
  assert.equal(rangeProblem(r(2, 1, 3, 3), l), undefined);
  assert.equal(rangeProblem(r(4, 0, 4, 0), l), undefined);
});

test('rangeProblem rejects ranges outside or reversed', () => {
  const l = lineLengths('ab\ncd\r\ne\rfgh');
  assert.match(rangeProblem(r(0, 0, 0, 3), l)!, /character 3 > line length 2/);
  assert.match(rangeProblem(r(4, 0, 4, 0), l)!, /line 4 >= lineCount 4/);
  assert.match(rangeProblem(r(1, 2, 1, 1), l)!, /start after end/);
  assert.match(rangeProblem(r(2, 0, 1, 0), l)!, /start after end/);
  assert.match(rangeProblem(r(0, -1, 0, 0), l)!, /not a position/);
  // a lone \r ends line 2, so "e" is 1 long, not 5
  assert.match(rangeProblem(r(2, 0, 2, 2), l)!, /character 2 > line length 1/);
});
