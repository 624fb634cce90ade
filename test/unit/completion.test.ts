import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, Position, TextEdit } from 'vscode-languageserver-types';
import { buildModel } from '../../engine/model';
import { getCompletions } from '../../engine/completion';
import { createLanguageService } from '../../engine/service';
import { TEMPLATE_TEXT } from '../../engine/templateText';
import { SPEC_URI, taskSpec, TODAY, withCursor } from './helpers';

/** The completions at the cursor marker of the fixture written as `lines` (the marker is removed). */
function complete(...lines: string[]): { items: CompletionItem[]; text: string; position: Position } {
  const { text, position } = withCursor(...lines);
  return { items: getCompletions(buildModel(text), position), text, position };
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const edit = (i: CompletionItem) => i.textEdit as TextEdit;
const r = (l: number, s: number, e: number) => ({ start: { line: l, character: s }, end: { line: l, character: e } });

const tasks = (...rows: string[]) => taskSpec('Billing', rows);

test('dependencies: task IDs in natural order with titles, own row left out', () => {
  const { items } = complete(
    tasks(
      '| T1 | Migration | ~50 | None | A-1 |',
      '| T2 | Repository | ~100 | T1 | A-2 |',
      '| T10 | Docs | ~20 | None | A-10 |',
      '| T3 | Service | ~150 | $$ | A-3 |',
    ),
  );
  assert.deepEqual(
    items.map((i) => [i.label, i.detail, i.sortText]),
    [
      ['T1', 'Migration', '00000'],
      ['T2', 'Repository', '00001'],
      ['T10', 'Docs', '00002'],
      ['None', 'No dependencies', '00003'],
    ],
  );
  // An empty cell: the edit inserts at the cursor.
  assert.deepEqual(edit(items[0]).range, r(9, 24, 24));
});

test('dependencies: the partial word is replaced; IDs already listed are left out', () => {
  const { items } = complete(
    tasks('| T1 | Migration | ~50 | None | A-1 |', '| T2 | Repository | ~100 | T1 | A-2 |', '| T3 | Service | ~150 | T1, T$$ | A-3 |'),
  );
  assert.deepEqual(labels(items), ['T2']);
  assert.deepEqual(edit(items[0]), { range: r(8, 28, 29), newText: 'T2' });
});

test('dependencies: an ID that would close a cycle is not offered', () => {
  // T3 needs T2 needs T1: T1 depending on T2 or T3 would make a cycle.
  const { items } = complete(
    tasks(
      '| T1 | Migration | ~50 | $$ | A-1 |',
      '| T2 | Repository | ~100 | T1 | A-2 |',
      '| T3 | Service | ~150 | T2 | A-3 |',
      '| T4 | Docs | ~10 | None | A-4 |',
    ),
  );
  assert.deepEqual(labels(items), ['T4', 'None']);
});

test('dependencies: bold and code-span IDs are read as IDs: the own row and cycle-closing IDs are not offered', () => {
  // T3 needs T2 needs T1, all written with markup: from T1's row, T2 and T3 would close a cycle.
  const { items } = complete(
    tasks(
      '| **T1** | Migration | ~50 | $$ | A-1 |',
      '| `T2` | Repository | ~100 | **T1** | A-2 |',
      '| **T3** | Service | ~150 | `T2` | A-3 |',
      '| T4 | Docs | ~10 | None | A-4 |',
    ),
  );
  assert.deepEqual(labels(items), ['T4', 'None']);
  // IDs already listed with markup are left out too.
  const listed = complete(
    tasks('| **T1** | Migration | ~50 | None | A-1 |', '| T2 | Repository | ~100 | None | A-2 |', '| **T3** | Service | ~150 | **T1**, $$ | A-3 |'),
  );
  assert.deepEqual(labels(listed.items), ['T2']);
});

test('dependencies: a row being typed, cursor right after `| ` with no cell after it', () => {
  const { items } = complete(tasks('| T1 | Migration | ~50 | None | A-1 |', '| T2 | Repository | ~100 | T1 | A-2 |', '| T3 | Service | ~150 | $$'));
  assert.deepEqual(labels(items), ['T1', 'T2', 'None']);
  assert.deepEqual(edit(items[1]).range, r(8, 24, 24));
});

test('dependencies: `T1,T2` without spaces, cursor after the comma', () => {
  const { items } = complete(
    tasks(
      '| T1 | Migration | ~50 | None | A-1 |',
      '| T2 | Repository | ~100 | None | A-2 |',
      '| T3 | API | ~100 | None | A-3 |',
      '| T4 | Service | ~150 | T1,$$ | A-4 |',
    ),
  );
  assert.deepEqual(labels(items), ['T2', 'T3']);
  assert.deepEqual(edit(items[0]).range, r(9, 27, 27));
});

test('dependencies: CRLF documents and non-ASCII titles', () => {
  const { items } = complete(tasks('| T1 | Überprüfung der Daten | ~50 | None | A-1 |', '| T2 | 数据层 | ~100 | $$ | A-2 |').replace(/\n/g, '\r\n'));
  assert.deepEqual(
    items.map((i) => [i.label, i.detail]),
    [
      ['T1', 'Überprüfung der Daten'],
      ['None', 'No dependencies'],
    ],
  );
  assert.deepEqual(edit(items[0]).range, r(7, 20, 20));
});

test('dependencies: escaped pipes and code spans do not shift the column', () => {
  const { items } = complete(tasks('| T1 | Parse `a|b` and x \\| y | ~50 | None | A-1 |', '| T2 | Use `|` \\| here | ~100 | T$$ | A-2 |'));
  assert.deepEqual(
    items.map((i) => [i.label, edit(i).range]),
    [
      ['T1', r(7, 32, 33)],
      ['None', r(7, 32, 33)],
    ],
  );
});

test('ID column: the next free ID', () => {
  const { items } = complete(tasks('| T1 | Migration | ~50 | None | A-1 |', '| T9 | Repository | ~100 | T1 | A-2 |', '| $$ |'));
  assert.deepEqual(
    items.map((i) => [i.label, edit(i)]),
    [['T10', { range: r(8, 2, 2), newText: 'T10' }]],
  );
});

test('ID column: a partly typed ID is replaced', () => {
  const { items } = complete(tasks('| T1 | Migration | ~50 | None | A-1 |', '| T$$ | Next | ~1 | None | |'));
  assert.deepEqual(
    items.map((i) => [i.label, edit(i).range]),
    [['T2', r(7, 2, 3)]],
  );
});

test('ID column: a bold ID being typed is not taken by its own row', () => {
  const { items } = complete(tasks('| T1 | Migration | ~50 | None | A-1 |', '| **T2$$** | Repository | ~100 | T1 | A-2 |'));
  assert.deepEqual(labels(items), ['T2']);
});

test('ID column: the ID being typed is not taken by its own row', () => {
  const { items } = complete(tasks('| T1 | Migration | ~50 | None | A-1 |', '| T2 | Repository | ~100 | T1 | A-2 |', '| T3$$ | Next | ~1 | None | |'));
  assert.deepEqual(
    items.map((i) => [i.label, edit(i).range]),
    [['T3', r(8, 2, 4)]],
  );
});

test('ID column of an empty table: T1', () => {
  const { items } = complete(tasks('| $$ | | | | |'));
  assert.deepEqual(labels(items), ['T1']);
});

test('other task columns get nothing', () => {
  assert.deepEqual(complete(tasks('| T1 | Mig$$ration | ~50 | None | A-1 |')).items, []);
});

test('Status: the three values, replacing what is written', () => {
  const { items } = complete('# Technical Spec: X', '', '> **Status**: Dr$$aft | In Review', '> **Author**: Ada', '', '## Overview', '');
  assert.deepEqual(
    items.map((i) => [i.label, edit(i)]),
    [
      ['Draft', { range: r(2, 14, 31), newText: 'Draft' }],
      ['In Review', { range: r(2, 14, 31), newText: 'In Review' }],
      ['Approved', { range: r(2, 14, 31), newText: 'Approved' }],
    ],
  );
});

test('Status: right after the colon, no value yet', () => {
  const { items } = complete('# Technical Spec: X', '', '**Status**:$$', '');
  assert.deepEqual(
    items.map((i) => [i.label, edit(i).range]),
    [
      ['Draft', r(2, 11, 11)],
      ['In Review', r(2, 11, 11)],
      ['Approved', r(2, 11, 11)],
    ],
  );
});

test('Status inside a section is not the header', () => {
  assert.deepEqual(complete('# Technical Spec: X', '', '## Overview', '', '**Status**: $$', '').items, []);
});

test('Risks: Likelihood and Impact get Low / Med / High; Mitigation gets nothing', () => {
  const risks = (row: string) => ['## Risks & Mitigations', '', '| Risk | Likelihood | Impact | Mitigation |', '|---|---|---|---|', row, ''];
  const likelihood = complete(...risks('| Outage | M$$ | High | Retry |')).items;
  assert.deepEqual(
    likelihood.map((i) => [i.label, edit(i)]),
    [
      ['Low', { range: r(4, 11, 12), newText: 'Low' }],
      ['Med', { range: r(4, 11, 12), newText: 'Med' }],
      ['High', { range: r(4, 11, 12), newText: 'High' }],
    ],
  );
  assert.deepEqual(labels(complete(...risks('| Outage | Low | $$')).items), ['Low', 'Med', 'High']);
  assert.deepEqual(complete(...risks('| Outage | Low | High | $$ |')).items, []);
});

test('mermaid dependency graph: task IDs with titles, replacing the word', () => {
  const { items } = complete(
    '## Task Breakdown',
    '',
    '| ID | Task | Est. Lines | Dependencies | Jira |',
    '|--|--|--|--|--|',
    '| T2 | Repository | ~100 | None | |',
    '| T1 | Migration | ~50 | None | |',
    '',
    '```mermaid',
    'graph LR',
    '    T1 --> T$$',
    '```',
    '',
  );
  assert.deepEqual(
    items.map((i) => [i.label, i.detail, edit(i).range]),
    [
      ['T1', 'Migration', r(9, 11, 12)],
      ['T2', 'Repository', r(9, 11, 12)],
    ],
  );
});

test('other code blocks get nothing, even in Task Breakdown', () => {
  assert.deepEqual(complete('## Task Breakdown', '', '| ID | Task |', '|--|--|', '| T1 | A |', '', '```sql', 'T$$', '```', '').items, []);
  assert.deepEqual(complete('## Overview', '', '```mermaid', 'graph LR', '  T$$', '```', '').items, []);
});

test('after `## `: the missing template sections, in template order, each also as its skeleton', () => {
  const withoutSecurity = TEMPLATE_TEXT.replace(/## Security Considerations[\s\S]*?(?=## Performance)/, '');
  const text = withoutSecurity.slice(0, withoutSecurity.indexOf('## References')) + '## $$';
  const { items, position } = complete(text);
  assert.deepEqual(labels(items), ['Security Considerations', 'Security Considerations (template skeleton)', 'References', 'References (template skeleton)']);
  assert.deepEqual(edit(items[0]), { range: r(position.line, 3, 3), newText: 'Security Considerations' });
  assert.equal(edit(items[3]).newText, 'References\n\n- [Link to related documentation]\n- [Link to similar implementations]\n- [Link to external API docs]');
  assert.equal(edit(items[1]).newText.split('\n').at(-1), '| Input Validation | [Sanitization approach] |');
});

test('after `## ` with a partial name, CRLF: the range covers the typed text; the skeleton uses CRLF', () => {
  const { items } = complete('# Technical Spec: X\r\n\r\n## Ov$$\r\n');
  assert.deepEqual(edit(items[0]), { range: r(2, 3, 5), newText: 'Overview' });
  assert.equal(edit(items[1]).newText, 'Overview\r\n\r\n[1-2 paragraph summary of the technical approach. What are we building and at a high level, how?]');
  assert.equal(items.length, 24);
});

test('`### ` and plain text get no section names', () => {
  assert.deepEqual(complete('# Technical Spec: X\n\n### $$\n').items, []);
  assert.deepEqual(complete('# Technical Spec: X\n\nSome $$text\n').items, []);
});

test('the language service gives nothing on a README and completions on a spec', () => {
  const service = createLanguageService({ today: () => TODAY });
  const { text, position } = withCursor(tasks('| T1 | Migration | ~50 | None | A-1 |', '| T2 | Repository | ~100 | $$ | A-2 |'));
  const spec = service.analyze({ uri: SPEC_URI, version: 1, text });
  assert.deepEqual(labels(service.getCompletions(spec, position)), ['T1', 'None']);
  const readme = service.analyze({ uri: 'file:///w/README.md', version: 1, text: text.replace('Technical Spec: Billing', 'Billing') });
  assert.deepEqual(service.getCompletions(readme, position), []);
});
