import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { buildModel } from '../../engine/model';
import { RuleCache } from '../../engine/rules/support/cache';
import { RULES } from '../../engine/rules';
import { DEFAULT_SETTINGS } from '../../engine/settings';
import { TEMPLATE_TEXT } from '../../engine/templateText';
import { at, diagnose, lines, only, taskSpec } from './helpers';

/** The Task Breakdown and dependency graph rules: TS4xx and TS5xx. */
const TASK_CODE = /^TS[45]\d\d$/;
const mine = (ds: Diagnostic[]) => ds.filter((d) => TASK_CODE.test(String(d.code)));
/** `code [line, char, endLine, endChar] message` of each diagnostic, for whole-result assertions. */
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${JSON.stringify(at(d))} ${d.message}`);
const related = (d: Diagnostic) => d.relatedInformation?.map((r) => [r.location.range.start.line, r.location.range.start.character, r.location.range.end.line, r.location.range.end.character, r.message]);

/** A spec whose Task Breakdown table (header on line 4) has these rows, from line 6 on; no graph. */
const spec = (...rows: string[]) => taskSpec('Tasks', rows);

const R1 = '| T1 | Migrate | ~50 | None | J-1 |';
const R2 = '| T2 | Repo | ~150 | T1 | J-2 |';

test('a correct table: nothing, with dependencies written "T1, T2", "T1,T2" or "T1 & T2"', () => {
  const text = spec(R1, R2, '| T3 | Service | ~200 | T1, T2 | J-3 |', '| T4 | API | 150 lines | T2,T3 | J-4 |', '| T5 | UI | ~90 | T3 & T4 | J-5 |');
  assert.deepEqual(only(diagnose(text), 'TS401', 'TS402', 'TS403', 'TS404', 'TS405', 'TS406', 'TS407', 'TS408', 'TS409', 'TS410', 'TS411'), []);
});

test('the template yields none of the task and graph rules', () => {
  assert.deepEqual(brief(mine(diagnose(TEMPLATE_TEXT))), []);
});

test('TS401: a Task Breakdown section without a table, on its heading', () => {
  const text = lines('# Technical Spec: X', '', '## Task Breakdown', '', 'We will split this later.', '', '## Overview', '', '| ID | Task |', '|----|------|', '| T1 | a |');
  assert.deepEqual(brief(mine(diagnose(text))), [
    'TS401 [2,0,2,17] Task Breakdown has no task table. Add one with the columns ID | Task | Est. Lines | Dependencies | Jira.',
  ]);
  assert.deepEqual(mine(diagnose(lines('# Technical Spec: X', '', '## Overview', '', 'Text.'))), []);
});

test('TS402: missing and out-of-order columns, on the header row', () => {
  const text = lines('# Technical Spec: X', '', '## Task Breakdown', '', '| ID | Title | Dependencies | Est. Lines |', '|---|---|---|---|', '| T1 | a | None | ~50 |');
  assert.deepEqual(brief(only(diagnose(text), 'task-table-columns')), [
    'TS402 [4,0,4,42] Task table: missing "Jira"; columns out of order (ID | Task | Dependencies | Est. Lines). Expected the columns ID | Task | Est. Lines | Dependencies | Jira.',
  ]);
});

test('TS402: column names match loosely, and extra columns are allowed', () => {
  const text = lines('# Technical Spec: X', '', '## Task Breakdown', '', '| # | Summary | LOC | Depends on | Owner | Ticket |', '|---|---|---|---|---|---|', '| T1 | a | ~50 | None | Ana | J-1 |');
  assert.deepEqual(brief(mine(diagnose(text))), []);
});

test('TS403: a duplicate ID on the later row, related to the first', () => {
  const ds = only(diagnose(spec(R1, R2, '| T1 | Again | ~10 | None | J-9 |')), 'TS403');
  assert.deepEqual(brief(ds), ['TS403 [8,2,8,4] Duplicate task ID "T1": it is already used on line 7. Give this task an ID of its own.']);
  assert.equal(ds[0].severity, 1);
  assert.deepEqual(related(ds[0]), [[6, 2, 6, 4, 'First task with ID "T1"']]);
});

test('TS404: IDs that do not match techspec.taskIdPattern', () => {
  const text = spec(R1, '| t2 | Lower | ~10 | T1 | J-2 |', '| Task-3 | Word | ~10 | T1 | J-3 |');
  assert.deepEqual(brief(only(diagnose(text), 'TS404')), [
    'TS404 [7,2,7,4] Task ID "t2" does not match the pattern ^T\\d+$ (techspec.taskIdPattern). Use an ID like T1, T2, ….',
    'TS404 [8,2,8,8] Task ID "Task-3" does not match the pattern ^T\\d+$ (techspec.taskIdPattern). Use an ID like T1, T2, ….',
  ]);
  const custom = spec('| API-1 | a | ~10 | None | |', '| API-2 | b | ~10 | API-1 | |');
  assert.deepEqual(only(diagnose(custom, { taskIdPattern: '^[A-Z]+-\\d+$' }), 'TS404'), []);
});

test('TS405: an empty ID, an empty title, an empty row', () => {
  const text = spec(R1, '|  | No ID | ~10 | T1 | |', '| T3 |   | ~10 | T1 | |', '|  |  |  |  |  |');
  assert.deepEqual(brief(only(diagnose(text), 'TS405')), [
    'TS405 [7,1,7,3] Task "No ID" has no ID. Give it the next free ID.',
    'TS405 [8,6,8,9] Task T3 has no title. Say what the task does.',
    'TS405 [9,0,9,16] Empty task row: fill in its ID and title, or delete it.',
  ]);
});

test('TS406: an unknown dependency, exactly the token, with the closest ID as suggestion', () => {
  const ds = only(diagnose(spec(R1, R2, '| T3 | Service | ~200 | T2, T4 | J-3 |')), 'TS406');
  assert.deepEqual(brief(ds), ['TS406 [8,28,8,30] Unknown dependency "T4": no task has this ID. Did you mean T1?']);
  assert.equal(ds[0].severity, 1);
  assert.deepEqual(ds[0].data, { rule: 'unknown-dependency', fix: { kind: 'replaceDependency', suggestion: 'T1' } });
});

test('TS406: ties go to natural order (T2 before T10), not table order', () => {
  const rows = Array.from({ length: 10 }, (_, i) => `| T${10 - i} | t | ~10 | None | |`);
  const ds = only(diagnose(spec(...rows, '| T11 | u | ~10 | T20 | |')), 'TS406');
  assert.deepEqual(ds.map((d) => d.data), [{ rule: 'unknown-dependency', fix: { kind: 'replaceDependency', suggestion: 'T2' } }]);
});

test('TS406: no close ID: add a row for a well-formed ID, plain advice otherwise', () => {
  const ds = only(diagnose(spec(R1, R2, '| T3 | Service | ~200 | T99, Design | J-3 |')), 'TS406');
  assert.deepEqual(brief(ds), [
    'TS406 [8,24,8,27] Unknown dependency "T99": no task has this ID. Add a row for T99, or remove the dependency.',
    'TS406 [8,29,8,35] Unknown dependency "Design": no task has this ID. Use the ID of a task in the table.',
  ]);
  assert.deepEqual(ds.map((d) => d.data), [{ rule: 'unknown-dependency', fix: { kind: 'addTaskRow', taskId: 'T99' } }, { rule: 'unknown-dependency' }]);
});

test('TS406: never suggests the row itself, an ID the cell lists, or a task that needs this one', () => {
  // T5 is needed by T1 (through T4): T5 depending on T1 would close a cycle.
  const text = spec('| T1 | a | ~10 | T4 | |', '| T4 | b | ~10 | T5 | |', '| T5 | c | ~10 | T3, T6 | |', '| T3 | d | ~10 | None | |', '| T7 | e | ~10 | None | |');
  assert.deepEqual(only(diagnose(text), 'TS406').map((d) => d.data), [{ rule: 'unknown-dependency', fix: { kind: 'replaceDependency', suggestion: 'T7' } }]);
});

test('TS406: the graph drawing an edge for the misspelt ID breaks the tie', () => {
  const text = lines(spec(R1, R2, '| T3 | c | ~10 | T1 | |', '| T4 | d | ~10 | T9 | |').trimEnd(), '', '```mermaid', 'graph LR', '  T1 --> T2 & T3', '  T3 --> T4', '```');
  assert.deepEqual(only(diagnose(text), 'TS406').map((d) => d.message), ['Unknown dependency "T9": no task has this ID. Did you mean T3?']);
});

test('TS407: a self-dependency, on the token, with its fix', () => {
  const ds = only(diagnose(spec(R1, R2, '| T3 | Service | ~200 | T2, T1,T3 | J-3 |')), 'TS407');
  assert.deepEqual(brief(ds), ['TS407 [8,31,8,33] Task T3 depends on itself. Remove "T3" from its dependencies.']);
  assert.deepEqual(ds[0].data, { rule: 'self-dependency', fix: { kind: 'removeDependency' } });
});

test('TS408: None together with IDs, on the None', () => {
  assert.deepEqual(brief(only(diagnose(spec(R1, R2, '| T3 | API | ~10 | None, T2 | J-3 |')), 'TS408')), [
    'TS408 [8,19,8,23] "None" next to task IDs (T2): remove "None", or the IDs if the task has no dependencies.',
  ]);
});

test('TS409: a cycle once, on every member row, its path in the message, related to each member', () => {
  const text = spec(
    '| T6 | a | ~10 | None | |',
    '| T7 | b | ~10 | T6, T8 | |',
    '| T8 | c | ~10 | T9 | |',
    '| T9 | d | ~10 | T7 | |',
    '| T10 | e | ~10 | T9 | |',
  );
  const ds = only(diagnose(text), 'TS409');
  const message = 'Dependency cycle: T7 → T9 → T8 → T7. None of these tasks can start; remove one of the dependencies.';
  assert.deepEqual(brief(ds), [`TS409 [7,2,7,4] ${message}`, `TS409 [8,2,8,4] ${message}`, `TS409 [9,2,9,4] ${message}`]);
  for (const d of ds) {
    assert.deepEqual(related(d), [[7, 2, 7, 4, 'T7 depends on T8'], [9, 2, 9, 4, 'T9 depends on T7'], [8, 2, 8, 4, 'T8 depends on T9']]);
  }
});

test('TS409: two separate cycles, each reported on its own members; a self-dependency is no cycle', () => {
  const text = spec('| T1 | a | ~10 | T2 | |', '| T2 | b | ~10 | T1 | |', '| T3 | c | ~10 | T3, T4 | |', '| T4 | d | ~10 | T3 | |');
  assert.deepEqual(only(diagnose(text), 'TS409').map((d) => `${at(d)[0]} ${String(d.message).split('.')[0]}`), [
    '6 Dependency cycle: T1 → T2 → T1',
    '7 Dependency cycle: T1 → T2 → T1',
    '8 Dependency cycle: T3 → T4 → T3',
    '9 Dependency cycle: T3 → T4 → T3',
  ]);
});

test('TS410 and TS411: Est. Lines not a number, or above techspec.maxTaskLines', () => {
  const text = spec(R1, '| T2 | Big | ~600 | T1 | |', '| T3 | Vague | lots | T1 | |', '| T4 | Blank |  | T1 | |', '| T5 | Placeholder | [Lines] | T1 | |', '| T6 | Range | 300-450 | T1 | |');
  assert.deepEqual(brief(only(diagnose(text), 'TS410', 'TS411')), [
    'TS411 [7,13,7,17] Task T2 is estimated at 600 lines, more than 400. Split it into smaller tasks of at most 400 lines, one PR each.',
    'TS410 [8,15,8,19] Est. Lines "lots" is not a number. Write an estimate like ~150.',
    'TS411 [11,15,11,22] Task T6 is estimated at 450 lines, more than 400. Split it into smaller tasks of at most 400 lines, one PR each.',
  ]);
  assert.deepEqual(only(diagnose(text, { maxTaskLines: 500 }), 'TS411').map((d) => at(d)[0]), [7]);
  assert.deepEqual(only(diagnose(spec(R1, R2), { maxTaskLines: 100 }), 'TS411').map((d) => at(d)), [[7, 14, 7, 18]]);
});

test('severities and settings: techspec.rules turns a rule off or changes it', () => {
  const text = spec(R1, R2, '| T2 | Again | ~10 | T2 | |');
  assert.deepEqual(mine(diagnose(text)).map((d) => [d.code, d.severity]), [['TS501', 2], ['TS403', 1], ['TS407', 1]]);
  assert.deepEqual(mine(diagnose(text, { rules: { 'duplicate-task-id': 'off', TS407: 'warning' } })).map((d) => [d.code, d.severity]), [['TS501', 2], ['TS407', 2]]);
});

test('CRLF line endings: the same ranges', () => {
  const text = spec(R1, R2, '| T3 | Service | ~200 | T2, T4 | J-3 |', '| T3 | Again | ~10 | T3 | |').replace(/\n/g, '\r\n');
  assert.deepEqual(brief(only(diagnose(text), 'TS403', 'TS406', 'TS407')), [
    'TS406 [8,28,8,30] Unknown dependency "T4": no task has this ID. Did you mean T1?',
    'TS403 [9,2,9,4] Duplicate task ID "T3": it is already used on line 9. Give this task an ID of its own.',
    'TS407 [9,21,9,23] Task T3 depends on itself. Remove "T3" from its dependencies.',
  ]);
});

test('non-ASCII titles and escaped pipes in a title: ranges count UTF-16 code units', () => {
  const text = spec(R1, '| T2 | Übersetzung 🚀 a \\| b | ~10 | T1, T7 | |', '| T3 | 日本語 | ~10 | T3 | |');
  assert.deepEqual(brief(only(diagnose(text), 'TS406', 'TS407')), [
    'TS406 [7,41,7,43] Unknown dependency "T7": no task has this ID. Did you mean T3?',
    'TS407 [8,19,8,21] Task T3 depends on itself. Remove "T3" from its dependencies.',
  ]);
  assert.deepEqual(only(diagnose(text), 'TS405', 'TS402'), []);
});

/** The repository's copy of ../shared/bench/gen-spec.mjs (the same file), so that these run wherever the checkout is. */
const GEN_SPEC = resolve(import.meta.dirname, '../../bench/gen-spec.mjs');
const genSpec = (...args: string[]) => execFileSync(process.execPath, [GEN_SPEC, ...args], { encoding: 'utf8' });

test('gen-spec --tasks 20 --defects: the planted defects and nothing else of ours', () => {
  const ds = mine(diagnose(genSpec('--tasks', '20', '--defects')));
  assert.deepEqual(brief(ds), [
    'TS409 [111,2,111,4] Dependency cycle: T1 → T2 → T1. None of these tasks can start; remove one of the dependencies.',
    'TS409 [112,2,112,4] Dependency cycle: T1 → T2 → T1. None of these tasks can start; remove one of the dependencies.',
    'TS407 [113,76,113,78] Task T3 depends on itself. Remove "T3" from its dependencies.',
    'TS403 [115,2,115,4] Duplicate task ID "T4": it is already used on line 115. Give this task an ID of its own.',
    'TS406 [131,80,131,83] Unknown dependency "T25": no task has this ID. Did you mean T2?',
  ]);
  assert.deepEqual(related(ds[0]), [[111, 2, 111, 4, 'T1 depends on T2'], [112, 2, 112, 4, 'T2 depends on T1']]);
});

test('gen-spec --tasks 20 without defects: nothing of ours', () => {
  assert.deepEqual(brief(mine(diagnose(genSpec('--tasks', '20')))), []);
});

test('2000 tasks: the task and graph rules run (time printed, not asserted)', (t) => {
  const rows = Array.from({ length: 2000 }, (_, k) => {
    const i = k + 1;
    const deps = i === 1 ? 'None' : [...new Set([i - 1, Math.max(1, i - 7)])].map((d) => `T${d}`).join(', ');
    return `| T${i} | Task ${i} | ~${60 + ((i * 37) % 340)} | ${i === 2000 ? `${deps}, T2005` : deps} | |`;
  });
  const edges = rows.flatMap((_, k) => (k === 0 ? [] : [...new Set([k, Math.max(1, k - 6)])].map((d) => `  T${d} --> T${k + 1}`)));
  const model = buildModel(lines(spec(...rows).trimEnd(), '', '```mermaid', 'graph LR', ...edges, '```'));
  const rules = RULES.filter((r) => TASK_CODE.test(r.code));
  const cache = new RuleCache();
  const run = () => rules.flatMap((r) => r.check({ model, settings: DEFAULT_SETTINGS, today: '2026-11-25', cache }).map((f) => `${r.code} ${f.range.start.line}`));
  // The first run also builds the (cached) task graph; later ones show the rules' own cost.
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    assert.deepEqual(run(), ['TS406 2005']);
    times.push(performance.now() - started);
  }
  t.diagnostic(`task and graph rules over 2000 tasks: first ${times[0].toFixed(1)} ms, best of 5 ${Math.min(...times).toFixed(1)} ms`);
});
