import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, lines, only } from '../helpers';

/** A table under "## Security Considerations" whose header is on line 4 and rows from line 6. */
const table = (...rows: string[]) => lines('# Technical Spec: X', '', '## Security Considerations', '', '| A | B | C |', '|---|---|---|', ...rows);

const cellCount = (text: string) => only(diagnose(text), 'TS601');

test('TS601: a row with fewer cells than its header, ranged on the row', () => {
  const [d, ...rest] = cellCount(table('| 1 | 2 |', '| 1 | 2 | 3 |'));
  assert.deepEqual(rest, []);
  assert.equal(d.code, 'TS601');
  assert.equal(d.severity, 2);
  assert.deepEqual(at(d), [6, 0, 6, 9]);
  assert.equal(d.message, 'This row has 2 cells but the header has 3: add the missing cell.');
  assert.equal(cellCount(table('| 1 |'))[0].message, 'This row has 1 cell but the header has 3: add the missing cells.');
});

test('TS601: a row with more cells than its header', () => {
  const [d] = cellCount(table('| 1 | 2 | 3 | 4 |'));
  assert.deepEqual(at(d), [6, 0, 6, 17]);
  assert.equal(d.message, 'This row has 4 cells but the header has 3: remove the extra cell, or write a pipe inside a cell as \\|.');
});

test('TS601: escaped pipes, in text and in code spans, are not separators', () => {
  assert.deepEqual(cellCount(table('| a \\| b | `x \\| y` | c |', '| `a\\|b` | **\\|** | c |')), []);
});

test('TS601: an unescaped pipe in a code span splits the cell (as GFM does) and is flagged', () => {
  const [d] = cellCount(table('| `a | b` | c | d |'));
  assert.deepEqual(at(d), [6, 0, 6, 19]);
  assert.match(String(d.message), /has 4 cells but the header has 3/);
});

test('TS601: rows without outer pipes and with empty cells count as written', () => {
  assert.deepEqual(cellCount(table('1 | 2 | 3', '|  |  |  |', '| a | b | |')), []);
  assert.deepEqual(cellCount(table('1 | 2')).map(at), [[6, 0, 6, 5]]);
});

test('TS601: every table of the document is checked, wherever it is', () => {
  const text = lines(
    '# Technical Spec: X',
    '',
    '| K | V |',
    '|---|---|',
    '| a |',
    '',
    '## Rollout Plan',
    '',
    '> | Flag | Default |',
    '> |------|---------|',
    '> | x | false | extra |',
  );
  assert.deepEqual(cellCount(text).map(at), [
    [4, 0, 4, 5],
    [10, 2, 10, 23],
  ]);
});

test('malformed tables: a delimiter row that does not match the header is no table, and nothing throws', () => {
  const text = lines(
    '# Technical Spec: X',
    '',
    '| A | B |',
    '|---|---|---|',
    '| 1 | 2 |',
    '',
    '| only header |',
    '',
    '|---|',
    '| x |',
    '',
    '| A |',
    '|:-:|',
    '',
  );
  assert.deepEqual(cellCount(text), []);
});
