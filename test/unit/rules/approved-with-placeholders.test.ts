import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, lines, only } from '../helpers';
import { HEAD } from './helpers';

test('TS901: Approved while placeholders remain is an error on the Status value, pointing at each', () => {
  const text = lines(...HEAD, '## Overview', '', '[Summary] of [thing].');
  const [d, ...rest] = only(diagnose(text), 'TS901', 'TS902');
  assert.deepEqual(rest, []);
  assert.equal(d.code, 'TS901');
  assert.equal(d.severity, 1);
  assert.deepEqual(at(d), [2, 14, 2, 22]);
  assert.equal(
    d.message,
    'Status is Approved but 2 template placeholders remain (the first, [Summary], on line 10): fill them in, or set Status back to In Review.',
  );
  assert.deepEqual(d.data, { rule: 'approved-with-placeholders', fix: { kind: 'setStatus' } });
  assert.deepEqual(
    d.relatedInformation?.map((r) => [r.message, r.location.range.start.line, r.location.range.start.character]),
    [
      ['Placeholder [Summary]', 9, 0],
      ['Placeholder [thing]', 9, 13],
    ],
  );
});

test('TS901/TS902: not raised when Status is not Approved', () => {
  for (const status of ['In Review', 'Draft']) {
    const text = lines('# Technical Spec: X', '', `> **Status**: ${status}`, '', '## Open Questions', '', '- [ ] [Question]');
    assert.deepEqual(only(diagnose(text), 'TS901', 'TS902'), [], status);
  }
});

test('TS901: Approved in any case counts as ready', () => {
  const text = lines('# Technical Spec: X', '', '> **Status**: approved', '', '## Open Questions', '', '- [x] [Question]');
  assert.deepEqual(
    only(diagnose(text), 'TS901', 'TS902').map((d) => d.message),
    ['Status is approved but 1 template placeholder remains (the first, [Question], on line 7): fill them in, or set Status back to In Review.'],
  );
});

test('TS901/TS902: a complete Approved spec passes', () => {
  const text = lines(...HEAD, '## Open Questions / Decisions Needed', '', '- [x] Which queue? SQS.');
  assert.deepEqual(only(diagnose(text), 'TS901', 'TS902', 'TS301'), []);
});
