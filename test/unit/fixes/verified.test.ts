// Fixes are offered only when applying them removes their finding and adds no error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { applyEdits as applyAll, fixAll } from '../../../engine';
import { createLanguageService } from '../../../engine/service';
import { lines, SPEC_URI, TODAY } from '../helpers';
import { DEFAULT_SETTINGS as DEFAULT } from '../../../engine/settings';
import { actionsFor, applyAction, code, NO_SECTIONS, r, SPEC } from './helpers';

const CYCLE = SPEC.replace('| T1 | Migration | ~50 | None | B-1 |', '| T1 | Migration | ~50 | T3 | B-1 |').replace('T1, T2', 'T1');

test('a dependency cycle: one quick fix per edge, each removing that dependency', () => {
  const { actions } = actionsFor(CYCLE, code('TS409'), NO_SECTIONS);
  assert.deepEqual(
    actions.map((a) => [a.title, a.edit!.changes![SPEC_URI]]),
    [
      ["Remove T3 from T1's dependencies", [{ range: r(13, 25, 13, 27), newText: 'None' }]],
      ["Remove T1 from T2's dependencies", [{ range: r(14, 27, 14, 29), newText: 'None' }]],
      ["Remove T2 from T3's dependencies", [{ range: r(15, 24, 15, 28), newText: '' }]],
    ],
  );
  assert.equal(applyAction(CYCLE, actions[2]).split('\n')[15], '| T3 | Service | ~200 | T12 | B-3 |');
});

test('fix-all never breaks a cycle (that is a choice) and never closes one', () => {
  const edits = fixAll(CYCLE, { uri: SPEC_URI, today: TODAY, settings: { ...DEFAULT, ...NO_SECTIONS } });
  const fixed = applyAll(CYCLE, edits);
  assert.equal(
    fixed.split('\n').slice(13, 16).join('\n'),
    '| T1 | Migration | ~50 | T3 | B-1 |\n| T2 | Repository | ~150 | T1 | B-2 |\n| T3 | Service | ~200 | T2, T12 | B-3 |',
  );
  // Two "did you mean" fixes that would close a cycle together: neither pair is applied in full.
  const text = lines(
    '# Technical Spec: Loop',
    '',
    '## Task Breakdown',
    '',
    '| ID | Task | Est. Lines | Dependencies |',
    '|----|------|------------|--------------|',
    '| T1 | A | ~50 | T21 |',
    '| T2 | B | ~50 | T11 |',
  );
  const opts = { uri: SPEC_URI, today: TODAY, settings: { ...DEFAULT, ...NO_SECTIONS } };
  const once = applyAll(text, fixAll(text, opts));
  assert.deepEqual(once.split('\n').slice(6, 8), ['| T1 | A | ~50 | T2 |', '| T2 | B | ~50 | T11 |']);
  assert.deepEqual(fixAll(once, opts), []);
});

test('a section is not inserted where an unclosed fence would swallow it', () => {
  const text = SPEC + '\n```js\nlet x;\n';
  const { actions, context } = actionsFor(text, code('TS101'));
  assert.equal(context.length, 10);
  // Only sections that go before Task Breakdown (outside the fence) are offered.
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Insert section "## Architecture"', 'Insert section "## Data Model"', 'Insert section "## API Design"'],
  );
  assert.deepEqual(actions[0].edit!.changes![SPEC_URI], [{ range: r(9, 0, 9, 0), newText: actions[0].edit!.changes![SPEC_URI][0].newText }]);
});

test('Status is set to Approved only when the spec is ready', () => {
  const text = SPEC.replace('**Status**: Draft', '**Status**: Aproved').replace('Billing.', 'Billing [TODO].');
  assert.deepEqual(
    actionsFor(text, code('TS202'), NO_SECTIONS).actions.map((a) => a.title),
    ['Set Status to Draft', 'Set Status to In Review'],
  );
});

test("a forged diagnostic's data is never read: fixes come from our own finding at that range", () => {
  const service = createLanguageService({ today: () => TODAY });
  const text = SPEC.replace('T2, T12', 'T2, T42');
  const analysis = service.analyze({ uri: SPEC_URI, version: 1, text }, { ...DEFAULT, ...NO_SECTIONS });
  const ours = analysis.diagnostics.find((d) => d.code === 'TS406')!;
  const forged: Diagnostic = { ...ours, data: { rule: 'unknown-dependency', fix: { kind: 'addTaskRow', taskId: '| evil |' } } };
  assert.deepEqual(
    service.getCodeActions(analysis, ours.range, [forged]).map((a) => a.title),
    ['Add a row for task T42'],
  );
  const nowhere: Diagnostic = { ...forged, range: r(1, 0, 1, 0) };
  assert.deepEqual(service.getCodeActions(analysis, nowhere.range, [nowhere]), []);
});

test('no graph is regenerated when a task ID cannot be a mermaid node ID', () => {
  const text = SPEC.replace('| T3 | Service |', '| T.3 | Service |').replace('T2, T12', 'T2');
  const { actions, context } = actionsFor(text, code('TS501'), NO_SECTIONS);
  assert.deepEqual(
    context.map((d) => d.message),
    ['Task T.3 depends on T2, but the Task Dependency Graph has no edge T2 --> T.3. Add it, or regenerate the graph from the table (quick fix).'],
  );
  assert.deepEqual(actions, []);
});
