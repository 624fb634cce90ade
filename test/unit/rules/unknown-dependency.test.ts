import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, lines, only } from '../helpers';
import { brief, graphSpec, R1, R2, tasksSpec } from './helpers';

test('a correct table: nothing, with dependencies written "T1, T2", "T1,T2" or "T1 & T2"', () => {
  const text = tasksSpec(R1, R2, '| T3 | Service | ~200 | T1, T2 | J-3 |', '| T4 | API | 150 lines | T2,T3 | J-4 |', '| T5 | UI | ~90 | T3 & T4 | J-5 |');
  assert.deepEqual(only(diagnose(text), 'TS401', 'TS402', 'TS403', 'TS404', 'TS405', 'TS406', 'TS407', 'TS408', 'TS409', 'TS410', 'TS411'), []);
});

test('TS406: an unknown dependency, exactly the token, with the closest ID as suggestion', () => {
  const ds = only(diagnose(tasksSpec(R1, R2, '| T3 | Service | ~200 | T2, T4 | J-3 |')), 'TS406');
  assert.deepEqual(brief(ds), ['TS406 [8,28,8,30] Unknown dependency "T4": no task has this ID. Did you mean T1?']);
  assert.equal(ds[0].severity, 1);
  assert.deepEqual(ds[0].data, { rule: 'unknown-dependency', fix: { kind: 'replaceDependency', suggestion: 'T1' } });
});

test('TS406: ties go to natural order (T2 before T10), not table order', () => {
  const rows = Array.from({ length: 10 }, (_, i) => `| T${10 - i} | t | ~10 | None | |`);
  const ds = only(diagnose(tasksSpec(...rows, '| T11 | u | ~10 | T20 | |')), 'TS406');
  assert.deepEqual(
    ds.map((d) => d.data),
    [{ rule: 'unknown-dependency', fix: { kind: 'replaceDependency', suggestion: 'T2' } }],
  );
});

test('TS406: no close ID: add a row for a well-formed ID, plain advice otherwise', () => {
  const ds = only(diagnose(tasksSpec(R1, R2, '| T3 | Service | ~200 | T99, Design | J-3 |')), 'TS406');
  assert.deepEqual(brief(ds), [
    'TS406 [8,24,8,27] Unknown dependency "T99": no task has this ID. Add a row for T99, or remove the dependency.',
    'TS406 [8,29,8,35] Unknown dependency "Design": no task has this ID. Use the ID of a task in the table.',
  ]);
  assert.deepEqual(
    ds.map((d) => d.data),
    [{ rule: 'unknown-dependency', fix: { kind: 'addTaskRow', taskId: 'T99' } }, { rule: 'unknown-dependency' }],
  );
});

test('TS406: never suggests the row itself, an ID the cell lists, or a task that needs this one', () => {
  // T5 is needed by T1 (through T4): T5 depending on T1 would close a cycle.
  const text = tasksSpec(
    '| T1 | a | ~10 | T4 | |',
    '| T4 | b | ~10 | T5 | |',
    '| T5 | c | ~10 | T3, T6 | |',
    '| T3 | d | ~10 | None | |',
    '| T7 | e | ~10 | None | |',
  );
  assert.deepEqual(
    only(diagnose(text), 'TS406').map((d) => d.data),
    [{ rule: 'unknown-dependency', fix: { kind: 'replaceDependency', suggestion: 'T7' } }],
  );
});

test('TS406: the graph drawing an edge for the misspelt ID breaks the tie', () => {
  const text = lines(
    tasksSpec(R1, R2, '| T3 | c | ~10 | T1 | |', '| T4 | d | ~10 | T9 | |').trimEnd(),
    '',
    '```mermaid',
    'graph LR',
    '  T1 --> T2 & T3',
    '  T3 --> T4',
    '```',
  );
  assert.deepEqual(
    only(diagnose(text), 'TS406').map((d) => d.message),
    ['Unknown dependency "T9": no task has this ID. Did you mean T3?'],
  );
});

test('non-ASCII titles and escaped pipes in a title: ranges count UTF-16 code units', () => {
  const text = tasksSpec(R1, '| T2 | Übersetzung 🚀 a \\| b | ~10 | T1, T7 | |', '| T3 | 日本語 | ~10 | T3 | |');
  assert.deepEqual(brief(only(diagnose(text), 'TS406', 'TS407')), [
    'TS406 [7,41,7,43] Unknown dependency "T7": no task has this ID. Did you mean T3?',
    'TS407 [8,19,8,21] Task T3 depends on itself. Remove "T3" from its dependencies.',
  ]);
  assert.deepEqual(only(diagnose(text), 'TS405', 'TS402'), []);
});

test('TS406: two swapped characters are one typo; the edge the graph draws decides a tie', () => {
  // T3 lists T21: T11 and T12 are both one typo away, and the graph draws T12 --> T3.
  const rows = ['| T1 | a | ~10 | None | |', '| T11 | b | ~10 | None | |', '| T12 | c | ~10 | None | |', '| T3 | d | ~10 | T21 | |'];
  const ds = only(diagnose(graphSpec(rows, ['graph LR', '  T12 --> T3'])), 'TS406', 'TS502');
  assert.deepEqual(brief(ds), ['TS406 [9,17,9,20] Unknown dependency "T21": no task has this ID. Did you mean T12?']);
});

test("TS406: an ID in the spec's own scheme that is far from every task gets the add-row fix", () => {
  const text = tasksSpec('| PAY-1 | a | ~10 | None | |', '| PAY-2 | b | ~10 | PAY-1 | |', '| PAY-3 | c | ~10 | PAY-2, PAY-400 | |');
  const [d] = only(diagnose(text), 'TS406');
  assert.equal(d.message, 'Unknown dependency "PAY-400": no task has this ID. Add a row for PAY-400, or remove the dependency.');
  assert.deepEqual((d.data as { fix?: unknown }).fix, { kind: 'addTaskRow', taskId: 'PAY-400' });
});
