import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { buildModel } from '../../engine/model';
import { getCodeActions } from '../../engine/fixes';
import { createLanguageService } from '../../engine/service';
import { DEFAULT_SETTINGS, type EngineSettings } from '../../engine/settings';
import type { FixData } from '../../engine/rule';
import { LineIndex } from '../../engine/text';
import { TEMPLATE_TEXT } from '../../engine/templateText';
import { lines, SPEC_URI, TODAY } from './helpers';

/** Applies LSP text edits the way an editor does: all against the original text, none overlapping. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const index = new LineIndex(text);
  const spans = edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText })).sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1].end <= spans[i].start, `edits overlap: ${JSON.stringify(spans)}`);
  for (const s of spans.reverse()) text = text.slice(0, s.start) + s.text + text.slice(s.end);
  return text;
}

function applyAction(text: string, a: CodeAction): string {
  assert.deepEqual(Object.keys(a.edit?.changes ?? {}), [SPEC_URI], `${a.title} edits one document`);
  return applyEdits(text, a.edit!.changes![SPEC_URI]);
}

/** The code actions for the diagnostics `pick` selects, through the language service as a client asks for them. */
function actionsFor(text: string, pick: (d: Diagnostic) => boolean, settings: Partial<EngineSettings> = {}, only?: string[]) {
  const service = createLanguageService({ today: () => TODAY });
  const analysis = service.analyze({ uri: SPEC_URI, version: 1, text }, { ...DEFAULT_SETTINGS, ...settings });
  const context = analysis.diagnostics.filter(pick);
  const range: Range = context[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { actions: service.getCodeActions(analysis, range, context, only), context, all: analysis.diagnostics };
}

const code = (c: string) => (d: Diagnostic) => d.code === c;
/** The missing-section diagnostic of one template section. */
const missing = (key: string) => (d: Diagnostic) => (d.data as { fix?: { sectionKey?: string } } | undefined)?.fix?.sectionKey === key;
const titles = (as: CodeAction[]) => as.map((a) => [a.title, a.isPreferred ?? false]);
const NO_SECTIONS = { rules: { 'missing-section': 'off' as const } };

/** A diagnostic as the rules make it, for fixes whose rule is not the point of the test. */
function diag(range: Range, rule: string, fix: FixData): Diagnostic {
  return { range, source: 'techspec', message: rule, code: rule, data: { rule, fix } };
}
const r = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

const SPEC = lines(
  '# Technical Spec: Billing',
  '',
  '> **Status**: Draft',
  '> **Author**: Ada',
  '',
  '## Overview',
  '',
  'Billing.',
  '',
  '## Task Breakdown',
  '',
  '| ID | Task | Est. Lines | Dependencies | Jira |',
  '|----|------|------------|--------------|------|',
  '| T1 | Migration | ~50 | None | B-1 |',
  '| T2 | Repository | ~150 | T1, T2 | B-2 |',
  '| T3 | Service | ~200 | T2, T12 | B-3 |',
  '',
  '### Task Dependency Graph',
  '',
  '```mermaid',
  'graph LR',
  '    T1[T1: Migration] --> T2[T2: Repository]',
  '```',
);

// ---- dependencies ----

test('unknown dependency: replace with the suggestion (preferred), or remove it', () => {
  const { actions, context } = actionsFor(SPEC, code('TS406'), NO_SECTIONS);
  assert.deepEqual(titles(actions), [['Replace T12 with T1', true], ['Remove T12 from the dependencies of T3', false]]);
  assert.equal(actions[0].kind, 'quickfix');
  assert.deepEqual(actions[0].diagnostics, context);
  assert.deepEqual(actions[0].edit!.changes![SPEC_URI], [{ range: r(15, 28, 15, 31), newText: 'T1' }]);
  assert.equal(applyAction(SPEC, actions[0]).split('\n')[15], '| T3 | Service | ~200 | T2, T1 | B-3 |');
  assert.equal(applyAction(SPEC, actions[1]).split('\n')[15], '| T3 | Service | ~200 | T2 | B-3 |');
});

test('unknown dependency with no close ID: add a row for it after the last task, one cell per column', () => {
  const text = SPEC.replace('T2, T12', 'T2, T42');
  const { actions } = actionsFor(text, code('TS406'), NO_SECTIONS);
  assert.deepEqual(titles(actions), [['Add a row for task T42', true]]);
  assert.deepEqual(actions[0].edit!.changes![SPEC_URI], [{ range: r(15, 39, 15, 39), newText: '\n| T42 |  | ~ | None |  |' }]);
  assert.equal(applyAction(text, actions[0]).split('\n').slice(15, 18).join('\n'), '| T3 | Service | ~200 | T2, T42 | B-3 |\n| T42 |  | ~ | None |  |\n');
});

test('add a task row: a table with four columns, CRLF', () => {
  const text = lines('## Task Breakdown', '', '| ID | Task | Dependencies | Jira |', '|--|--|--|--|', '| T1 | A | T4 | X |').replace(/\n/g, '\r\n');
  const [a] = getCodeActions(buildModel(text), SPEC_URI, r(4, 12, 4, 14), [diag(r(4, 12, 4, 14), 'unknown-dependency', { kind: 'addTaskRow', taskId: 'T4' })], []);
  assert.equal(applyAction(text, a), '## Task Breakdown\r\n\r\n| ID | Task | Dependencies | Jira |\r\n|--|--|--|--|\r\n| T1 | A | T4 | X |\r\n| T4 |  | None |  |\r\n');
});

test('self-dependency: removed with its separator; a sole one becomes None', () => {
  const cases: [string, string][] = [
    ['T1, T2', 'T1'],
    ['T2, T1', 'T1'],
    ['T1,T2,T3', 'T1,T3'],
    ['T2', 'None'],
    ['`T2`', 'None'],
    ['T1 T2', 'T1'],
  ];
  for (const [cell, expected] of cases) {
    const text = lines('## Task Breakdown', '', '| ID | Task | Est. Lines | Dependencies | Jira |', '|--|--|--|--|--|', '| T1 | A | ~1 | None | |', '| T3 | C | ~1 | None | |', `| T2 | B | ~1 | ${cell} | |`);
    const { actions } = actionsFor(text, code('TS407'), NO_SECTIONS);
    assert.deepEqual(titles(actions), [['Remove T2 from the dependencies of T2', true]], cell);
    assert.equal(applyAction(text, actions[0]).split('\n')[6], `| T2 | B | ~1 | ${expected} | |`, cell);
  }
});

// ---- status ----

test('invalid Status: one action per valid value, replacing exactly the value', () => {
  const text = SPEC.replace('**Status**: Draft', '**Status**: Reviewing');
  const { actions } = actionsFor(text, code('TS202'), NO_SECTIONS);
  assert.deepEqual(titles(actions), [['Set Status to Draft', true], ['Set Status to In Review', false], ['Set Status to Approved', false]]);
  assert.deepEqual(actions.map((a) => a.edit!.changes![SPEC_URI]), ['Draft', 'In Review', 'Approved'].map((v) => [{ range: r(2, 14, 2, 23), newText: v }]));
});

test('a Status typo prefers the value it misspells', () => {
  const text = SPEC.replace('**Status**: Draft', '**Status**: aproved');
  const { actions } = actionsFor(text, code('TS202'), NO_SECTIONS);
  assert.deepEqual(titles(actions), [['Set Status to Draft', false], ['Set Status to In Review', false], ['Set Status to Approved', true]]);
});

test('Approved with placeholders: set back to In Review (preferred) or Draft', () => {
  const text = SPEC.replace('**Status**: Draft', '**Status**: Approved').replace('Billing.', 'Billing for [Name].');
  const { actions } = actionsFor(text, code('TS901'), NO_SECTIONS);
  assert.deepEqual(titles(actions), [['Set Status to Draft', false], ['Set Status to In Review', true]]);
  assert.equal(applyAction(text, actions[1]).split('\n')[2], '> **Status**: In Review');
});

test('missing Status: a `> **Status**:` line after the other header fields', () => {
  const text = SPEC.replace('> **Status**: Draft\n', '');
  const { actions } = actionsFor(text, code('TS201'), NO_SECTIONS);
  assert.deepEqual(titles(actions), [['Add Status: Draft', true], ['Add Status: In Review', false], ['Add Status: Approved', false]]);
  assert.equal(applyAction(text, actions[0]).split('\n').slice(0, 5).join('\n'), '# Technical Spec: Billing\n\n> **Author**: Ada\n> **Status**: Draft\n');
});

test('missing Status with no header at all: under the title, CRLF', () => {
  const text = '# Technical Spec: Billing\r\n\r\n## Overview\r\n\r\nText.\r\n';
  const { actions } = actionsFor(text, code('TS201'), NO_SECTIONS);
  assert.equal(applyAction(text, actions[0]), '# Technical Spec: Billing\r\n\r\n> **Status**: Draft\r\n\r\n## Overview\r\n\r\nText.\r\n');
});

test('empty Status: the value goes after the colon with a space', () => {
  const text = SPEC.replace('**Status**: Draft', '**Status**:');
  const [a] = getCodeActions(buildModel(text), SPEC_URI, r(2, 0, 2, 13), [diag(r(2, 0, 2, 13), 'status-missing', { kind: 'setStatus' })], []);
  assert.equal(applyAction(text, a).split('\n')[2], '> **Status**: Draft');
});

// ---- sections ----

test('missing section: its template skeleton after the section before it in the template', () => {
  const text = lines('# Technical Spec: X', '', '## Overview', '', 'Text.', '', '## API Design', '', 'None.');
  const { actions } = actionsFor(text, missing('architecture'));
  assert.deepEqual(titles(actions).slice(0, 1), [['Insert section "## Architecture"', true]]);
  const out = applyAction(text, actions[0]);
  const architecture = TEMPLATE_TEXT.slice(TEMPLATE_TEXT.indexOf('## Architecture'), TEMPLATE_TEXT.indexOf('---', TEMPLATE_TEXT.indexOf('## Architecture')) - 2);
  assert.equal(out, `# Technical Spec: X\n\n## Overview\n\nText.\n\n${architecture}\n\n## API Design\n\nNone.\n`);
});

test('missing section with none before it: before the first section after it; `---` separators are kept', () => {
  const text = lines('# Technical Spec: X', '', '---', '', '## Architecture', '', 'Boxes.', '', '---', '', '## References', '', '- a');
  const { actions } = actionsFor(text, missing('overview'));
  assert.equal(
    applyAction(text, actions[0]),
    lines('# Technical Spec: X', '', '---', '', '## Overview', '', '[1-2 paragraph summary of the technical approach. What are we building and at a high level, how?]', '', '---', '', '## Architecture', '', 'Boxes.', '', '---', '', '## References', '', '- a'),
  );
});

test('missing last section: appended after a `---`, the document ending in one line break', () => {
  const text = lines('# Technical Spec: X', '', '## Overview', '', 'Text.', '', '---', '', '## Open Questions / Decisions Needed', '', '- [x] Done');
  const { actions } = actionsFor(text, missing('references'));
  assert.equal(
    applyAction(text, actions[0]),
    text + lines('', '---', '', '## References', '', '- [Link to related documentation]', '- [Link to similar implementations]', '- [Link to external API docs]'),
  );
});

test('insert all missing sections: one action, sections in template order, CRLF kept', () => {
  const text = '# Technical Spec: X\r\n\r\n## Overview\r\n\r\nText.\r\n\r\n## Task Breakdown\r\n\r\nLater.';
  const { actions, all } = actionsFor(text, missing('architecture'));
  const insertAll = actions.find((a) => a.title === 'Insert all 10 missing sections')!;
  assert.ok(insertAll, `no insert-all action among ${actions.map((a) => a.title)}`);
  assert.equal(insertAll.diagnostics!.length, all.filter(code('TS101')).length);
  const out = applyAction(text, insertAll);
  assert.ok(!/[^\r]\n/.test(out), 'every line break is CRLF');
  const headings = out.split('\r\n').filter((l) => l.startsWith('## '));
  assert.deepEqual(headings, [
    '## Overview', '## Architecture', '## Data Model', '## API Design', '## Task Breakdown', '## Security Considerations',
    '## Performance Considerations', '## Testing Strategy', '## Rollout Plan', '## Risks & Mitigations',
    '## Open Questions / Decisions Needed', '## References',
  ]);
  assert.ok(out.startsWith('# Technical Spec: X\r\n\r\n## Overview\r\n\r\nText.\r\n\r\n## Architecture\r\n\r\n### C4 Context Diagram\r\n'));
  assert.ok(out.includes('Rel(repo, db, "Queries")\r\n```\r\n\r\n## Data Model\r\n'));
  assert.ok(out.includes('## Task Breakdown\r\n\r\nLater.\r\n\r\n## Security Considerations\r\n'));
  assert.ok(out.endsWith('- [Link to external API docs]\r\n'));
  // The result has every section and nothing else to insert.
  const again = actionsFor(out, code('TS101'));
  assert.deepEqual(again.context, []);
});

test('the template and a complete document have no section to insert', () => {
  const { actions } = actionsFor(TEMPLATE_TEXT, () => true, {}, ['quickfix', 'source.fixAll.techspec']);
  assert.ok(!actions.some((a) => a.title.startsWith('Insert')), actions.map((a) => a.title).join(', '));
});

// ---- graph ----

test('regenerate the graph: only the missing edge line is added', () => {
  const { actions } = actionsFor(SPEC.replace('T2, T12', 'T2'), code('TS501'), NO_SECTIONS);
  assert.deepEqual(titles(actions), [['Regenerate the Task Dependency Graph from the table', true]]);
  assert.deepEqual(actions[0].edit!.changes![SPEC_URI], [{ range: r(21, 44, 21, 44), newText: '\n    T2 --> T3[T3: Service]' }]);
});

test('regenerate the graph: statements with extra or unknown edges go; direction, indentation, comments and styles stay', () => {
  const text = lines(
    '## Task Breakdown', '',
    '| ID | Task | Est. Lines | Dependencies | Jira |', '|--|--|--|--|--|',
    '| T1 | Migration | ~50 | None | |',
    '| T2 | Repo | ~50 | T1 | |',
    '| T3 | Docs | ~50 | None | |', '',
    '```mermaid', 'flowchart TD', '  %% the plan', '  T1 --> T2', '  T2 --> T9', '  T3 --> T1', '  classDef done fill:#0f0', '```',
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
    '## Task Breakdown', '',
    '| ID | Task | Est. Lines | Dependencies | Jira |', '|--|--|--|--|--|',
    '| T1 | Migration | ~50 | None | |',
    '| T2 | Repository | ~50 | T1 | |',
    '| T3 | Create the database migration for invoices | ~50 | T1, T2 | |',
    '| T4 | Repo [v2] "fast" | ~50 | None | |', '',
    '### Task Dependency Graph', '',
    '```mermaid', 'graph LR', '    T1[T1: Migration] --> T2[T2: Repository]', '```',
  );
  const { actions } = actionsFor(text, code('TS501'), NO_SECTIONS);
  assert.deepEqual(actions[0].edit!.changes![SPEC_URI], [
    { range: r(13, 44, 13, 44), newText: '\n    T1 --> T3[T3: Create the database migration…]\n    T2 --> T3\n    T4["T4: Repo [v2] #quot;fast#quot;"]' },
  ]);
});

test('a missing graph is added under its heading, or after the table with a heading', () => {
  const table = ['## Task Breakdown', '', '| ID | Task | Est. Lines | Dependencies | Jira |', '|--|--|--|--|--|', '| T1 | A | ~50 | None | |', '| T2 | B | ~50 | T1 | |'];
  const block = ['```mermaid', 'graph LR', '    T1[T1: A] --> T2[T2: B]', '```'];
  const withHeading = lines(...table, '', '### Task Dependency Graph', '', '## Security Considerations');
  let { actions } = actionsFor(withHeading, code('TS501'), NO_SECTIONS);
  assert.deepEqual(titles(actions), [['Add a Task Dependency Graph generated from the table', true]]);
  assert.equal(applyAction(withHeading, actions[0]), lines(...table, '', '### Task Dependency Graph', '', ...block, '', '## Security Considerations'));
  const bare = lines(...table, '', '## Security Considerations');
  ({ actions } = actionsFor(bare, code('TS501'), NO_SECTIONS));
  assert.equal(applyAction(bare, actions[0]), lines(...table, '', '### Task Dependency Graph', '', ...block, '', '## Security Considerations'));
});

// ---- fix all ----

test('source.fixAll.techspec: the safe fixes in one edit; the result has none of those problems left', () => {
  const { actions } = actionsFor(SPEC, () => false, NO_SECTIONS, ['source.fixAll']);
  assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all safe techspec problems', 'source.fixAll.techspec']]);
  const out = applyAction(SPEC, actions[0]);
  assert.equal(out, SPEC
    .replace('| T1, T2 |', '| T1 |')
    .replace('T2, T12', 'T2, T1')
    .replace('T2[T2: Repository]\n', 'T2[T2: Repository]\n    T2 --> T3[T3: Service]\n    T1 --> T3\n'));
  const after = actionsFor(out, () => true, NO_SECTIONS);
  assert.deepEqual(after.all.map((d) => d.code), []);
});

test('source.fixAll.techspec with missing sections inserts them too; quick fixes only when asked for', () => {
  const text = lines('# Technical Spec: X', '', '> **Status**: Draft', '', '## Overview', '', 'Text.');
  const { actions } = actionsFor(text, () => false, {}, ['source.fixAll.techspec']);
  const out = applyAction(text, actions[0]);
  assert.deepEqual(actionsFor(out, code('TS101')).context, []);
  assert.deepEqual(actionsFor(text, code('TS101'), {}, ['source.fixAll']).actions.map((a) => a.kind), ['source.fixAll.techspec']);
  const architecture = missing('architecture');
  assert.deepEqual(actionsFor(text, architecture, {}, ['quickfix']).actions.map((a) => a.kind), ['quickfix', 'quickfix']);
  assert.deepEqual(actionsFor(text, architecture).actions.map((a) => a.kind), ['quickfix', 'quickfix']);
  assert.deepEqual(actionsFor(text, code('TS101'), {}, ['refactor']).actions, []);
  assert.ok(actionsFor(text, code('TS101'), {}, ['source']).actions.some((a) => a.kind === 'source.fixAll.techspec'));
});

test('source.fixAll.techspec leaves unsafe problems alone: no status change, no new rows', () => {
  const text = SPEC.replace('**Status**: Draft', '**Status**: Done').replace('T2, T12', 'T2, T42').replace('| T1, T2 |', '| T1 |');
  const { actions } = actionsFor(text, () => false, NO_SECTIONS, ['source.fixAll.techspec']);
  // Only the graph, which the table decides, changes.
  assert.equal(applyAction(text, actions[0]), text.replace('T2[T2: Repository]\n', 'T2[T2: Repository]\n    T2 --> T3[T3: Service]\n'));
  const fixedGraph = applyAction(text, actions[0]);
  assert.deepEqual(actionsFor(fixedGraph, () => false, NO_SECTIONS, ['source.fixAll.techspec']).actions, []);
});

test('a README gets no code actions', () => {
  const service = createLanguageService({ today: () => TODAY });
  const analysis = service.analyze({ uri: 'file:///w/README.md', version: 1, text: '# Readme\n\n## Install\n' });
  assert.deepEqual(service.getCodeActions(analysis, r(0, 0, 0, 0), [diag(r(0, 0, 0, 8), 'missing-section', { kind: 'insertSection', sectionKey: 'overview' })], ['source.fixAll']), []);
});

test('CRLF: fixAll removes a self-dependency and adds the missing graph edges with CRLF line breaks', () => {
  const text = SPEC.replace(/\n/g, '\r\n');
  const { actions } = actionsFor(text, () => false, NO_SECTIONS, ['source.fixAll.techspec']);
  assert.equal(
    applyAction(text, actions[0]),
    SPEC.replace('| T1, T2 |', '| T1 |').replace('T2, T12', 'T2, T1').replace('T2[T2: Repository]\n', 'T2[T2: Repository]\n    T2 --> T3[T3: Service]\n    T1 --> T3\n').replace(/\n/g, '\r\n'),
  );
});

test('a byte order mark: a section inserted before the first one lands after the title, not before the BOM', () => {
  const text = '\uFEFF# Technical Spec: X\n\n## Architecture\n\nBoxes.\n';
  const { actions } = actionsFor(text, missing('overview'));
  assert.equal(
    applyAction(text, actions[0]),
    '\uFEFF# Technical Spec: X\n\n## Overview\n\n[1-2 paragraph summary of the technical approach. What are we building and at a high level, how?]\n\n## Architecture\n\nBoxes.\n',
  );
});

test('every quick fix on a spec full of defects resolves a problem of its diagnostic\'s code', () => {
  const text = SPEC
    .replace('**Status**: Draft', '**Status**: Drafty')
    .replace('| T3 | Service | ~200 | T2, T12 | B-3 |', '| T3 | Service | ~200 | T2, T12, T3, T77 | B-3 |\n| T4 | API | ~100 | T3 | B-4 |');
  const { all } = actionsFor(text, () => false, NO_SECTIONS);
  const count = (t: string, c: string) => actionsFor(t, () => false, NO_SECTIONS).all.filter((d) => d.code === c).length;
  const checked: string[] = [];
  for (const d of all) {
    const { actions } = actionsFor(text, (o) => o.code === d.code && o.range.start.line === d.range.start.line && o.range.start.character === d.range.start.character, NO_SECTIONS);
    const before = count(text, String(d.code));
    for (const a of actions) {
      assert.ok(count(applyAction(text, a), String(d.code)) < before, `${a.title} leaves every ${d.code}`);
      checked.push(`${d.code} ${a.title}`);
    }
  }
  assert.deepEqual(checked, [
    'TS202 Set Status to Draft',
    'TS202 Set Status to In Review',
    'TS202 Set Status to Approved',
    'TS407 Remove T2 from the dependencies of T2',
    'TS501 Regenerate the Task Dependency Graph from the table',
    'TS406 Replace T12 with T1',
    'TS406 Remove T12 from the dependencies of T3',
    'TS407 Remove T3 from the dependencies of T3',
    'TS406 Add a row for task T77',
    'TS501 Regenerate the Task Dependency Graph from the table',
  ]);
});
