import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../engine/model';
import { codeLenses, elidePath, isLensData, lensFacts, resolveLensCommand, summaryTitle, type LensData } from '../../engine/lenses';
import { buildPlan } from '../../engine/plan';
import { lines, SPEC_URI, taskSpec } from './helpers';

const SPEC = taskSpec('Lenses', [
  '| T1 | Migration | ~60 | None | |',
  '| T2 | Repository | ~150 | T1 | |',
  '| T3 | Tokens | ~1,120 | None | |',
  '| T4 | API | ~250 | T2, T3 | |',
  '| T5 | Email | ~100 | T4 | |',
]);

/** Each lens as [line, title or "(resolve)", command]. */
function resolvedAll(text: string) {
  const model = buildModel(text);
  const facts = lensFacts(model, SPEC_URI, 1);
  return codeLenses(model, SPEC_URI).map((l) => {
    const c = l.command ?? resolveLensCommand(l.data as LensData, facts, l.range);
    return [l.range.start.line, c.title, c.command];
  });
}

test('the Task Breakdown heading: the summary and Show graph; each task row: its wave and how many need it', () => {
  assert.deepEqual(resolvedAll(SPEC), [
    [2, '5 tasks · ~1,680 lines · critical path ~1,470 lines (T3 → T4 → T5) · 4 waves', ''],
    [2, 'Show graph', 'techspec.codeLens.showGraph'],
    [6, 'wave 1 · needed by 1', 'techspec.codeLens.showLocations'],
    [7, 'wave 2 · needed by 1', 'techspec.codeLens.showLocations'],
    [8, 'wave 1 · needed by 1', 'techspec.codeLens.showLocations'],
    [9, 'wave 3 · needed by 1', 'techspec.codeLens.showLocations'],
    [10, 'wave 4 · needed by none', ''],
  ]);
});

test('only the summary and task titles wait for resolve; their data names the document and the task', () => {
  const model = buildModel(SPEC);
  const lenses = codeLenses(model, SPEC_URI);
  assert.deepEqual(
    lenses.filter((l) => !l.command).map((l) => l.data),
    [{ uri: SPEC_URI, kind: 'summary' }, ...['T1', 'T2', 'T3', 'T4', 'T5'].map((id) => ({ uri: SPEC_URI, kind: 'task', id }))],
  );
  assert.deepEqual(lenses[1].command?.arguments, [SPEC_URI]);
});

test('"needed by" shows the dependents at their ID cells, from the row the lens is on', () => {
  const model = buildModel(taskSpec('Fan out', ['| T1 | Base | ~10 | None | |', '| T2 | A | ~10 | T1 | |', '| T3 | B | ~10 | T1 | |']));
  const lens = codeLenses(model, SPEC_URI).find((l) => (l.data as LensData | undefined)?.kind === 'task')!;
  const command = resolveLensCommand(lens.data as LensData, lensFacts(model, SPEC_URI, 1), lens.range);
  assert.deepEqual(command, {
    title: 'wave 1 · needed by 2',
    command: 'techspec.codeLens.showLocations',
    arguments: [
      SPEC_URI,
      { line: 6, character: 2 },
      [
        { uri: SPEC_URI, range: { start: { line: 7, character: 2 }, end: { line: 7, character: 4 } } },
        { uri: SPEC_URI, range: { start: { line: 8, character: 2 }, end: { line: 8, character: 4 } } },
      ],
    ],
  });
});

test('a cycle: no critical path, and its tasks are in no wave', () => {
  const text = taskSpec('Cycle', ['| T1 | A | ~10 | T2 | |', '| T2 | B | ~10 | T1 | |', '| T3 | C | ~10 | None | |']);
  assert.deepEqual(resolvedAll(text), [
    [2, '3 tasks · ~30 lines · no critical path (dependency cycle) · 1 wave', ''],
    [2, 'Show graph', 'techspec.codeLens.showGraph'],
    [6, 'in no wave (dependency cycle) · needed by 1', 'techspec.codeLens.showLocations'],
    [7, 'in no wave (dependency cycle) · needed by 1', 'techspec.codeLens.showLocations'],
    [8, 'wave 1 · needed by none', ''],
  ]);
});

test('a long critical path keeps its first two and last IDs; no estimates, no line counts', () => {
  assert.equal(elidePath(['T1', 'T2', 'T3', 'T4', 'T5']), 'T1 → T2 → T3 → T4 → T5');
  assert.equal(elidePath(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']), 'T1 → T2 → … → T6');
  const rows = Array.from({ length: 25 }, (_, i) => `| T${i + 1} | Step | | ${i ? `T${i}` : 'None'} | |`);
  const model = buildModel(taskSpec('Chain', rows));
  assert.equal(summaryTitle(buildPlan(model, SPEC_URI, 1)), '25 tasks · critical path (T1 → T2 → … → T25) · 25 waves');
});

test('a task gone since the lenses were listed resolves to an empty title', () => {
  const facts = lensFacts(buildModel(SPEC), SPEC_URI, 1);
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  assert.deepEqual(resolveLensCommand({ uri: SPEC_URI, kind: 'task', id: 'T99' }, facts, range), { title: '', command: '' });
});

test('the Risks table: how many High-impact risks have no mitigation, listed on a click; none, no lens', () => {
  const risks = (rows: string[]) =>
    lines('# Technical Spec: Risks', '', '## Risks & Mitigations', '', '| Risk | Likelihood | Impact | Mitigation |', '|---|---|---|---|', ...rows);
  const model = buildModel(
    risks(['| Outage | Low | High | |', '| Spam | Med | Med | |', '| Leak | Low | high | TBD |', '| Abuse | Low | High | Rate limits |']),
  );
  const lenses = codeLenses(model, SPEC_URI);
  assert.deepEqual(lenses, [
    {
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 43 } },
      command: {
        title: '2 High-impact risks without mitigation',
        command: 'techspec.codeLens.showLocations',
        arguments: [
          SPEC_URI,
          { line: 4, character: 0 },
          [
            { uri: SPEC_URI, range: { start: { line: 6, character: 2 }, end: { line: 6, character: 8 } } },
            { uri: SPEC_URI, range: { start: { line: 8, character: 2 }, end: { line: 8, character: 6 } } },
          ],
        ],
      },
    },
  ]);
  assert.deepEqual(codeLenses(buildModel(risks(['| Abuse | Low | High | Rate limits |'])), SPEC_URI), []);
});

test('isLensData accepts what codeLenses makes and refuses anything else', () => {
  assert.ok(isLensData({ uri: SPEC_URI, kind: 'summary' }));
  assert.ok(isLensData({ uri: SPEC_URI, kind: 'task', id: 'T1' }));
  for (const bad of [null, 'summary', { kind: 'summary' }, { uri: SPEC_URI, kind: 'task' }, { uri: SPEC_URI, kind: 'other' }]) assert.ok(!isLensData(bad));
});
