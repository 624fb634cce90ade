import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, lines, only } from '../helpers';
import { brief } from './helpers';
import { statedTotal } from '../../../engine/rules/stated-total-mismatch';

/** A task table (rows from line 6) of three tasks, ~100 + ~200 + ~300 = ~600 lines, then `after` from line 10. */
const spec = (...after: string[]) =>
  lines(
    '# Technical Spec: X',
    '',
    '## Task Breakdown',
    '',
    '| ID | Task | Est. Lines | Dependencies |',
    '|----|------|------------|--------------|',
    '| T1 | a | ~100 | None |',
    '| T2 | b | ~200 | T1 |',
    '| T3 | c | ~300 | T2 |',
    '',
    ...after,
  );

const totals = (text: string) => brief(only(diagnose(text), 'TS1101'));

test('statedTotal: lines (with ~, k, commas) and a count of PRs or tasks, only on a Total line', () => {
  assert.deepEqual(statedTotal('**Total Estimated**: ~4,000 lines across 25 PRs.'), { lines: 4000, approx: true, count: 25 });
  assert.deepEqual(statedTotal('Total: about 4k LOC'), { lines: 4000, approx: true, count: undefined });
  assert.deepEqual(statedTotal('**Total**: 14 tasks, 1200 lines'), { lines: 1200, approx: false, count: 14 });
  assert.equal(statedTotal('About 4,000 lines in 25 PRs.'), undefined);
  assert.equal(statedTotal('Total effort is unclear.'), undefined);
});

test('TS1101: a total that agrees (within 10% when approximate) gets nothing', () => {
  assert.deepEqual(totals(spec('**Total**: ~600 lines in 3 PRs.')), []);
  assert.deepEqual(totals(spec('**Total Estimated**: ~650 lines across 3 PRs.')), []);
  assert.deepEqual(totals(spec('Total: 600 lines, 3 tasks')), []);
});

test('TS1101: lines beyond the tolerance, or another count, on the line of the total', () => {
  assert.deepEqual(totals(spec('**Total Estimated**: ~700 lines across 4 PRs.')), [
    'TS1101 [10,0,10,45] The stated total disagrees with the task table: 3 tasks, not 4; Est. Lines add up to ~600, not ~700. Update the total, or the table.',
  ]);
  // Without "~" the total is exact, up to rounding (1%).
  assert.deepEqual(totals(spec('> Total: 620 lines')), [
    'TS1101 [10,0,10,18] The stated total disagrees with the task table: Est. Lines add up to ~600, not 620. Update the total, or the table.',
  ]);
});

test('TS1101: an estimate that is no number makes the sum a lower bound', () => {
  const text = spec('**Total**: ~650 lines.').replace('| ~300 |', '| 2 days |');
  // ~300 known, the rest unknown: ~650 may be right.
  assert.deepEqual(totals(text), []);
  assert.deepEqual(totals(spec('**Total**: ~100 lines.').replace('| ~300 |', '| 2 days |')), [
    'TS1101 [10,0,10,22] The stated total disagrees with the task table: Est. Lines add up to at least ~300, not ~100. Update the total, or the table.',
  ]);
});

test('TS1101: totals in code blocks, tables or other sections are not read', () => {
  const text = lines(spec('```text', 'Total: ~9,000 lines in 40 PRs', '```'), '', '## Rollout Plan', '', 'Total: ~9,000 lines in 40 PRs');
  assert.deepEqual(totals(text), []);
});
