import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines, SPEC_URI } from '../helpers';
import { actionsFor, applyAction, code, NO_SECTIONS, r, SPEC, titles } from './helpers';

// ---- graph ----

test('regenerate the graph: only the missing edge line is added', () => {
  const { actions } = actionsFor(SPEC.replace('T2, T12', 'T2'), code('TS501'), NO_SECTIONS);
  assert.deepEqual(titles(actions), [['Regenerate the Task Dependency Graph from the table', true]]);
  assert.deepEqual(actions[0].edit!.changes![SPEC_URI], [{ range: r(21, 44, 21, 44), newText: '\n    T2 --> T3[T3: Service]' }]);
});

test('regenerate the graph: statements with extra or unknown edges go; direction, indentation, comments and styles stay', () => {
  const text = lines(
    '## Task Breakdown',
    '',
    '| ID | Task | Est. Lines | Dependencies | Jira |',
    '|--|--|--|--|--|',
    '| T1 | Migration | ~50 | None | |',
    '| T2 | Repo | ~50 | T1 | |',
    '| T3 | Docs | ~50 | None | |',
    '',
    '```mermaid',
    'flowchart TD',
    '  %% the plan',
    '  T1 --> T2',
    '  T2 --> T9',
    '  T3 --> T1',
    '  classDef done fill:#0f0',
    '```',
  );
  const { actions } = actionsFor(text, (d) => d.code === 'TS502', NO_SECTIONS);
  // The two stale lines become one: T3 has no edge left, so it is drawn alone (unlabelled, like the rest).
  assert.deepEqual(actions[0].edit!.changes![SPEC_URI], [{ range: r(12, 0, 13, 11), newText: '  T3' }]);
  assert.equal(
    applyAction(text, actions[0]).split('\n').slice(8).join('\n'),
    lines('```mermaid', 'flowchart TD', '  %% the plan', '  T1 --> T2', '  T3', '  classDef done fill:#0f0', '```'),
  );
});

test('regenerate a labelled graph: new nodes get `ID: title` labels, shortened and quoted when needed', () => {
  const text = lines(
    '## Task Breakdown',
    '',
    '| ID | Task | Est. Lines | Dependencies | Jira |',
    '|--|--|--|--|--|',
    '| T1 | Migration | ~50 | None | |',
    '| T2 | Repository | ~50 | T1 | |',
    '| T3 | Create the database migration for invoices | ~50 | T1, T2 | |',
    '| T4 | Repo [v2] "fast" | ~50 | None | |',
    '',
    '### Task Dependency Graph',
    '',
    '```mermaid',
    'graph LR',
    '    T1[T1: Migration] --> T2[T2: Repository]',
    '```',
  );
  const { actions } = actionsFor(text, code('TS501'), NO_SECTIONS);
  assert.deepEqual(actions[0].edit!.changes![SPEC_URI], [
    { range: r(13, 44, 13, 44), newText: '\n    T1 --> T3[T3: Create the database migration…]\n    T2 --> T3\n    T4["T4: Repo [v2] #quot;fast#quot;"]' },
  ]);
});

test('a missing graph is added under its heading, or after the table with a heading', () => {
  const table = [
    '## Task Breakdown',
    '',
    '| ID | Task | Est. Lines | Dependencies | Jira |',
    '|--|--|--|--|--|',
    '| T1 | A | ~50 | None | |',
    '| T2 | B | ~50 | T1 | |',
  ];
  const block = ['```mermaid', 'graph LR', '    T1[T1: A] --> T2[T2: B]', '```'];
  const withHeading = lines(...table, '', '### Task Dependency Graph', '', '## Security Considerations');
  let { actions } = actionsFor(withHeading, code('TS501'), NO_SECTIONS);
  assert.deepEqual(titles(actions), [['Add a Task Dependency Graph generated from the table', true]]);
  assert.equal(applyAction(withHeading, actions[0]), lines(...table, '', '### Task Dependency Graph', '', ...block, '', '## Security Considerations'));
  const bare = lines(...table, '', '## Security Considerations');
  ({ actions } = actionsFor(bare, code('TS501'), NO_SECTIONS));
  assert.equal(applyAction(bare, actions[0]), lines(...table, '', '### Task Dependency Graph', '', ...block, '', '## Security Considerations'));
});
