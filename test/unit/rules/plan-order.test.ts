import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, lines, only } from '../helpers';
import { brief } from './helpers';

/** T2 and T3 need T1, T4 needs T2 and T3 (table rows from line 6); `plan` from line 11. */
const spec = (...plan: string[]) =>
  lines(
    '# Technical Spec: X',
    '',
    '## Task Breakdown',
    '',
    '| ID | Task | Est. Lines | Dependencies |',
    '|----|------|------------|--------------|',
    '| T1 | a | ~100 | None |',
    '| T2 | b | ~200 | T1 |',
    '| T3 | c | ~300 | T1 |',
    '| T4 | d | ~100 | T2, T3 |',
    '',
    ...plan,
  );

const order = (text: string) => brief(only(diagnose(text), 'TS1102'));

test('TS1102: plans in order get nothing; dependent tasks may share a sprint or phase', () => {
  assert.deepEqual(order(spec('- **Wave 1**: T1', '- **Wave 2**: T2, T3', '- **Wave 3**: T4')), []);
  assert.deepEqual(order(spec('Sprint 1: T1, T2', 'Sprint 2: T3, T4')), []);
  assert.deepEqual(order(spec('| Phase | Tasks |', '|---|---|', '| Phase 1: basics | T1, T2, T3 |', '| Phase 2 | T4 |')), []);
});

test('TS1102: a list plan that schedules a task before its dependency, on the task in the step', () => {
  const ds = only(diagnose(spec('- **Wave 1**: T1, T3', '- **Wave 2**: T2, T4')), 'TS1102');
  assert.deepEqual(brief(ds), [
    'TS1102 [11,18,11,20] Wave 1 schedules T3 with its dependency T1, but the tasks of a wave run in parallel. Move T3 to a later wave.',
    'TS1102 [12,18,12,20] Wave 2 schedules T4 with its dependency T2, but the tasks of a wave run in parallel. Move T4 to a later wave.',
  ]);
  assert.deepEqual(brief(only(diagnose(spec('1. Phase 1 — T1, T4', '2. Phase 2 — T2, T3')), 'TS1102')), [
    'TS1102 [11,17,11,19] Phase 1 schedules T4 before its dependency T2 (Phase 2). Move T4 to Phase 2 or later, or T2 earlier.',
    'TS1102 [11,17,11,19] Phase 1 schedules T4 before its dependency T3 (Phase 2). Move T4 to Phase 2 or later, or T3 earlier.',
  ]);
  assert.deepEqual(ds[0].relatedInformation?.[0].location.range, { start: { line: 11, character: 14 }, end: { line: 11, character: 16 } });
});

test('TS1102: a table plan, steps numbered in their cells, in any order of rows', () => {
  const text = spec(
    '| Sprint | Tasks | Goal |',
    '|---|---|---|',
    '| Sprint 49 | T2, T3 | Core (after T1) |',
    '| Sprint 48 | T4 | Early |',
    '| Sprint 47 | T1 | Start |',
  );
  assert.deepEqual(order(text), [
    'TS1102 [14,14,14,16] Sprint 48 schedules T4 before its dependency T2 (Sprint 49). Move T4 to Sprint 49 or later, or T2 earlier.',
    'TS1102 [14,14,14,16] Sprint 48 schedules T4 before its dependency T3 (Sprint 49). Move T4 to Sprint 49 or later, or T3 earlier.',
  ]);
});

test('TS1102: prose that mentions a step is no plan; tasks in a cycle are left to TS409', () => {
  assert.deepEqual(order(spec('Phase 2 depends on T4 being done; Phase 1 covers T1.')), []);
  const cycle = spec('- Wave 1: T1', '- Wave 2: T2').replace('| T1 | a | ~100 | None |', '| T1 | a | ~100 | T2 |');
  assert.deepEqual(order(cycle), []);
});

test('TS1102: a plan written as headings, its tasks starting the list items under each', () => {
  const text = spec(
    '### Milestone 1: Foundations',
    '',
    '- **T1**: schema',
    '- T4 — the API, early for the demo (after T2 in theory)',
    '',
    '### Milestone 2: The rest',
    '',
    '1. T2',
    '2. [ ] `T3` with tests',
  );
  assert.deepEqual(order(text), [
    'TS1102 [14,2,14,4] Milestone 1 schedules T4 before its dependency T2 (Milestone 2). Move T4 to Milestone 2 or later, or T2 earlier.',
    'TS1102 [14,2,14,4] Milestone 1 schedules T4 before its dependency T3 (Milestone 2). Move T4 to Milestone 2 or later, or T3 earlier.',
  ]);
});
