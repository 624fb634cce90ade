// The template is the schema: what deriveTemplate reads from a template, and every rule, fix and
// completion following two team templates (test/fixtures/templates/) that differ from the bundled one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CompletionItem, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { applyEdits, deriveTemplate, describeTemplate, lint, loadConfig, type EngineSettings } from '../../engine';
import { createLanguageService } from '../../engine/service';
import { DEFAULT_SETTINGS } from '../../engine/settings';
import { TEMPLATE_TEXT } from '../../engine/templateText';
import { cursorIn, lines, SPEC_URI, TODAY } from './helpers';

const TEMPLATES = resolve(__dirname, '../fixtures/templates');
const read = (path: string) => readFileSync(path, 'utf8');

/** The settings a team's folder gets from its .techspec.jsonc (its template read through the loader). */
function teamSettings(team: string): EngineSettings {
  const host = { readFile: (p: string) => (existsSync(p) && statSync(p).isFile() ? read(p) : undefined) };
  return loadConfig(join(TEMPLATES, team), host).settings;
}

const specOf = (team: string, name: string) => read(join(TEMPLATES, team, `${name}.spec.md`));

const brief = (ds: Diagnostic[]) =>
  ds.map((d) => `${d.code} [${d.range.start.line},${d.range.start.character},${d.range.end.line},${d.range.end.character}] ${d.message}`);

const check = (team: string, name: string) => brief(lint(specOf(team, name), { uri: SPEC_URI, settings: teamSettings(team), today: TODAY }));

const withoutSkeletons = (schema: ReturnType<typeof deriveTemplate>) => ({ ...schema, sections: schema.sections.map(({ skeleton: _s, ...rest }) => rest) });

test('derive: the feature-request template, field by field', () => {
  const schema = deriveTemplate(read(join(TEMPLATES, 'requests/template.md')));
  assert.deepEqual(withoutSkeletons(schema), {
    title: 'Feature Request: [Feature]',
    sections: [
      { key: 'problem', title: 'Problem', optional: false, aliases: ['problem'] },
      { key: 'system-design', title: 'System Design', optional: false, aliases: ['system design'] },
      { key: 'task-breakdown', title: 'Work Plan', optional: false, aliases: ['work plan', 'task breakdown', 'tasks'] },
      { key: 'risks', title: 'Risks', optional: false, aliases: ['risks', 'risks and mitigations'] },
      {
        key: 'open-questions',
        title: 'Unresolved Questions',
        optional: false,
        aliases: ['unresolved questions', 'open questions decisions needed', 'open questions', 'decisions needed', 'open questions and decisions needed'],
      },
      { key: 'appendix', title: 'Appendix', optional: true, aliases: ['appendix'] },
    ],
    headerFields: [
      { label: 'State', key: 'status', values: ['Proposed', 'Under Review', 'Accepted'] },
      { label: 'Owner', key: 'author' },
      { label: 'Reviewers' },
      { label: 'Target Release' },
    ],
    status: { label: 'State', values: ['Proposed', 'Under Review', 'Accepted'], ready: 'Accepted' },
    tables: [
      {
        heading: 'Work Plan',
        columns: ['Task ID', 'Title', 'Owner', 'Estimate', 'Depends On', 'Priority'],
        enums: { Priority: ['P0', 'P1', 'P2'] },
        sectionKey: 'task-breakdown',
      },
      {
        heading: 'Risks',
        columns: ['Risk', 'Probability', 'Severity', 'Mitigation'],
        enums: { Probability: ['Low', 'Medium', 'High', 'Critical'], Severity: ['Low', 'Medium', 'High', 'Critical'] },
        sectionKey: 'risks',
      },
    ],
    taskTable: {
      columns: ['Task ID', 'Title', 'Owner', 'Estimate', 'Depends On', 'Priority'],
      roles: { id: 'Task ID', title: 'Title', estimate: 'Estimate', dependencies: 'Depends On' },
      sectionKey: 'task-breakdown',
    },
    riskLevels: ['Low', 'Medium', 'High', 'Critical'],
    placeholders: [
      'Feature',
      'Name',
      'Names',
      'Version',
      'Who has the problem, and what it costs them today.',
      'Risk',
      'Plan',
      'Question',
      'Anything else a reviewer needs.',
    ],
    taskId: { pattern: '^FR-\\d+$', examples: ['FR-1', 'FR-2'], explanation: 'The example IDs FR-1, FR-2 are "FR-" followed by a number.' },
    codeBlocks: [
      { heading: 'System Design', lang: 'mermaid', kind: 'C4Context', sectionKey: 'system-design', sectionTitle: 'System Design' },
      { heading: 'Dependency Graph', lang: 'mermaid', kind: 'flowchart', sectionKey: 'task-breakdown', sectionTitle: 'Work Plan' },
    ],
    dependencyGraph: true,
    problems: [],
  });
  // The optional marker is left out of the heading the insert-section fix writes.
  assert.equal(schema.sections[5].skeleton, '## Appendix\n\n[Anything else a reviewer needs.]\n');
});

test('derive: the design-doc template, with a taskTable override and a generalised project key', () => {
  const schema = deriveTemplate(read(join(TEMPLATES, 'design-doc/template.md')), { taskTable: { estimate: 'Size' } });
  assert.deepEqual(
    schema.sections.map((s) => [s.key, s.title, s.optional]),
    [
      ['context', 'Context', false],
      ['goals-and-non-goals', 'Goals and Non-Goals', false],
      ['proposed-design', 'Proposed Design', false],
      ['alternatives-considered', 'Alternatives Considered', true],
      ['task-breakdown', 'Implementation Plan', false],
      ['risks', 'Risks', false],
      ['open-questions', 'Open Questions', false],
    ],
  );
  assert.deepEqual(schema.headerFields, [
    { label: 'Status', key: 'status', values: ['Draft', 'Review', 'Signed Off'] },
    { label: 'Authors', key: 'author' },
    { label: 'PRD', key: 'prdLink' },
    { label: 'Updated', key: 'lastUpdated' },
  ]);
  assert.deepEqual(schema.status, { label: 'Status', values: ['Draft', 'Review', 'Signed Off'], ready: 'Signed Off' });
  assert.deepEqual(schema.taskTable?.roles, { id: '#', title: 'Work Item', estimate: 'Size', dependencies: 'Blocked By', ticket: 'Ticket' });
  assert.deepEqual(schema.tables[1].enums, { Likelihood: ['Unlikely', 'Possible', 'Likely'], Impact: ['Minor', 'Major', 'Severe'] });
  assert.deepEqual(schema.taskId, {
    pattern: '^[A-Z][A-Z0-9]*-\\d+$',
    examples: ['PROJ-101', 'PROJ-102'],
    explanation: 'The example IDs PROJ-101, PROJ-102 are an upper-case key and a number; "PROJ" stands for a project key, so any upper-case key is accepted.',
  });
  assert.deepEqual(schema.codeBlocks, [{ heading: 'API', lang: 'json', kind: undefined, sectionKey: 'proposed-design', sectionTitle: 'Proposed Design' }]);
  assert.equal(schema.dependencyGraph, false);
  assert.deepEqual(schema.problems, []);
});

test('derive: the bundled template gives the sections, values and pattern the rules always had', () => {
  const schema = deriveTemplate(TEMPLATE_TEXT);
  assert.deepEqual(
    schema.sections.map((s) => s.key),
    [
      'overview',
      'architecture',
      'data-model',
      'api-design',
      'task-breakdown',
      'security',
      'performance',
      'testing',
      'rollout',
      'risks',
      'open-questions',
      'references',
    ],
  );
  assert.deepEqual(schema.status, { label: 'Status', values: ['Draft', 'In Review', 'Approved'], ready: 'Approved' });
  assert.deepEqual(schema.riskLevels, ['Low', 'Med', 'High']);
  assert.equal(schema.taskId.pattern, '^T\\d+$');
  assert.equal(schema.dependencyGraph, true);
  assert.deepEqual(schema.problems, []);
});

test('derive: task-ID patterns from example IDs', () => {
  const ids = (...examples: string[]) =>
    deriveTemplate(lines('# T', '', '## Tasks', '', '| ID | Task | Dependencies |', '|---|---|---|', ...examples.map((id) => `| ${id} | x | None |`))).taskId;
  assert.equal(ids('T1', 'T2').pattern, '^T\\d+$');
  assert.equal(ids('FR-1', 'FR-2').pattern, '^FR-\\d+$');
  assert.equal(ids('T001', 'T002').pattern, '^T\\d{3}$');
  assert.equal(ids('PROJ-12').pattern, '^[A-Z][A-Z0-9]*-\\d+$');
  assert.equal(ids('API-1', 'WEB-2').pattern, '^[A-Z][A-Z0-9]*-\\d+$');
  assert.equal(ids('**T1**', '`T2`').pattern, '^T\\d+$');
  const mixed = ids('T1', 'task-two');
  assert.equal(mixed.pattern, '^T\\d+$');
  assert.match(mixed.explanation, /are not a prefix and a number/);
});

test('derive: readyStatus and taskTable from the config, with problems when they name nothing', () => {
  const text = lines('# T', '', '> **Status**: Draft | Review | Done', '', '## Plan', '', '| Ref | What | Needs |', '|---|---|---|', '| A1 | x | None |');
  const schema = deriveTemplate(text, { readyStatus: 'review', taskTable: { id: 'Ref', title: 'What', dependencies: 'Needs', ticket: 'Jira' } });
  assert.deepEqual(schema.status, { label: 'Status', values: ['Draft', 'Review', 'Done'], ready: 'Review' });
  assert.deepEqual(schema.taskTable?.roles, { id: 'Ref', title: 'What', dependencies: 'Needs' });
  assert.deepEqual(schema.problems, ['taskTable.ticket is "Jira", but the template\'s task table has no such column (it has Ref, What, Needs).']);
  assert.ok(deriveTemplate(text, { readyStatus: 'Shipped' }).problems.includes('readyStatus "Shipped" is none of Draft, Review, Done: using Done.'));
});

test('derive: never throws; garbage gives a schema and the problems', () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const alphabet = '#|-*`[]()>:\n \t|T1-Status**ID\\\u0000\uFEFF\u202E';
  const inputs = ['', '\n\n', '## ', '# only a title', '| a |\n|---|', '```mermaid\ngraph', '**Status**: |||', '\uFEFF## A (optional)\n## A'];
  for (let i = 0; i < 300; i++)
    inputs.push(Array.from({ length: Math.floor(random() * 200) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
  for (const text of inputs) {
    const schema = deriveTemplate(text);
    assert.ok(Array.isArray(schema.problems) && Array.isArray(schema.sections), JSON.stringify(text));
    assert.equal(typeof describeTemplate(schema), 'string');
    new RegExp(schema.taskId.pattern, 'u');
  }
  assert.deepEqual(deriveTemplate('').problems, [
    'The template has no level-1 title.',
    'The template has no task table (a table with an ID column and a Dependencies or estimate column): task rules find no table to check.',
    'The template has no header fields (`**Field**: value` lines under the title).',
    'The template has no Status field: the status and readiness rules are off.',
    'The template shows no example task IDs: task IDs must match ^T\\d+$ (set taskIdPattern to change it).',
    'The template has no level-2 sections: no section is required.',
  ]);
});

test('describe: a readable document of what was derived', () => {
  const text = describeTemplate(deriveTemplate(read(join(TEMPLATES, 'requests/template.md'))), 'requests/template.md');
  for (const expected of [
    '# Rules derived from requests/template.md',
    '| 6 | Appendix | optional | `appendix` | — |',
    '- **State** (read as status): one of `Proposed`, `Under Review`, `Accepted`',
    'Ready means State `Accepted`',
    '- dependencies: `Depends On`',
    '- ticket: none (not required)',
    '- other columns, not checked: `Owner`, `Priority`',
    'Pattern `^FR-\\d+$`. The example IDs FR-1, FR-2 are "FR-" followed by a number.',
    'Risk likelihood and impact: `Low`, `Medium`, `High`, `Critical` (TS701).',
    '- mermaid flowchart in Work Plan › Dependency Graph',
    '## Problems\n\nNone.',
  ])
    assert.ok(text.includes(expected), `missing: ${expected}`);
});

test('every rule follows the feature-request template: the correct spec is clean, the defective one gets exactly these', () => {
  assert.deepEqual(check('requests', 'correct'), []);
  assert.deepEqual(check('requests', 'defects'), [
    'TS901 [2,11,2,19] State is Accepted but 1 template placeholder remains (the first, [Who has the problem, and what it costs them today.], on line 12): fill them in, or set State back to Under Review.',
    'TS902 [2,11,2,19] State is Accepted but 1 open question is unchecked: decide each and check it off, or set State back to Under Review.',
    'TS102 [9,3,9,10] "Problem" is out of the template\'s order: move it before "## System Design".',
    'TS301 [11,0,11,52] Template placeholder [Who has the problem, and what it costs them today.] is still here: replace it with the real content, or delete it.',
    'TS402 [15,0,15,41] Task table: missing "Depends On". Expected the columns Task ID | Title | Estimate | Depends On.',
    'TS404 [18,2,18,4] Task ID "T2" does not match the pattern ^FR-\\d+$ (the template\'s IDs). Use an ID like FR-1, FR-2, ….',
    'TS701 [24,19,24,24] Probability "Often" is not Low, Medium, High or Critical: write one of them.',
  ]);
});

test('every rule follows the design-doc template: the correct spec is clean, the defective one gets exactly these', () => {
  assert.deepEqual(check('design-doc', 'correct'), []);
  assert.deepEqual(check('design-doc', 'defects'), [
    'TS101 [0,0,0,28] Missing section "## Goals and Non-Goals". Add it where the template puts it (quick fix available).',
    'TS203 [0,2,0,28] The header has no Authors: add "> **Authors**: Your Name" under the title.',
    'TS202 [2,14,2,18] Status "Done" is not one of Draft, Review or Signed Off: write one of them.',
    'TS204 [3,11,3,27] PRD "the finance wiki" is not a link: write the PRD\'s URL or a markdown link like [PRD](https://…).',
    'TS205 [4,15,4,25] Updated "2026-13-02" has no month 13: write the date as YYYY-MM-DD, like 2026-11-25.',
    'TS402 [16,0,16,38] Task table: missing "Size". Expected the columns # | Work Item | Size | Blocked By | Ticket.',
    'TS404 [19,2,19,8] Task ID "bill-8" does not match the pattern ^[A-Z][A-Z0-9]*-\\d+$ (the template\'s IDs). Use an ID like PROJ-101, PROJ-102, ….',
    'TS406 [19,31,19,37] Unknown dependency "BILL-9": no task has this ID. Did you mean BILL-7?',
    'TS701 [25,26,25,30] Likelihood "Rare" is not Unlikely, Possible or Likely: write one of them.',
  ]);
});

test('the bundled template still judges the variant specs by its own sections', () => {
  const codes = lint(specOf('design-doc', 'correct'), { uri: SPEC_URI, settings: DEFAULT_SETTINGS, today: TODAY }).map((d) => d.code);
  assert.ok(codes.includes('TS101'), 'the bundled template asks for its own sections');
});

test("insert-section writes the team template's skeleton where the template puts it", () => {
  const service = createLanguageService({ today: () => TODAY });
  const text = specOf('design-doc', 'defects');
  const analysis = service.analyze({ uri: SPEC_URI, version: 1, text }, teamSettings('design-doc'));
  const missing = analysis.diagnostics.filter((d) => d.code === 'TS101');
  const [action] = service.getCodeActions(analysis, missing[0].range, missing);
  assert.equal(action.title, 'Insert section "## Goals and Non-Goals"');
  const fixed = applyEdits(text, action.edit!.changes![SPEC_URI]);
  assert.ok(fixed.includes('Finance exports invoices by hand each month.\n\n## Goals and Non-Goals\n\n- [Goal]\n\n## Proposed Design'), fixed);
});

test("completion offers the team template's values, sections and IDs", () => {
  const service = createLanguageService({ today: () => TODAY });
  const settings = teamSettings('requests');
  const text = specOf('requests', 'correct');
  const analysis = service.analyze({ uri: SPEC_URI, version: 1, text }, settings);
  const at = (marked: string): CompletionItem[] => service.getCompletions(analysis, cursorIn(text, marked));
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);
  assert.deepEqual(labels(at('**State**: $$accepted')), ['Proposed', 'Under Review', 'Accepted']);
  assert.deepEqual(labels(at('renamed | $$medium |')), ['Low', 'Medium', 'High', 'Critical']);
  assert.deepEqual(labels(at('| None | $$P0 |')), ['P0', 'P1', 'P2']);
  // The last row's own ID is free while it is typed: the next ID after the others.
  const next = at('| $$FR-3 | Ines |');
  assert.deepEqual(labels(next), ['FR-3']);
  assert.deepEqual((next[0].textEdit as TextEdit).newText, 'FR-3');
  assert.deepEqual(labels(at('| FR-1, $$FR-2 | P2 |')), ['FR-2']);
  const typed = text + '\n## ';
  const heading = service.analyze({ uri: SPEC_URI, version: 2, text: typed }, settings);
  const end = { line: typed.split('\n').length - 1, character: 3 };
  assert.deepEqual(labels(service.getCompletions(heading, end)), ['Appendix', 'Appendix (template skeleton)']);
});

test('a new template for the same document is read at once: the parts kept from the last version are not reused', () => {
  const service = createLanguageService({ today: () => TODAY });
  const text = specOf('requests', 'correct');
  const first = service.analyze({ uri: SPEC_URI, version: 1, text }, DEFAULT_SETTINGS);
  assert.ok(first.diagnostics.some((d) => d.code === 'TS101'));
  const second = service.analyze({ uri: SPEC_URI, version: 2, text }, teamSettings('requests'));
  assert.deepEqual(second.diagnostics, []);
  const third = service.analyze({ uri: SPEC_URI, version: 3, text }, DEFAULT_SETTINGS);
  assert.deepEqual(brief(third.diagnostics), brief(first.diagnostics));
});

test("regenerate-graph puts the graph under the template's own heading; hover names the team's columns", () => {
  const service = createLanguageService({ today: () => TODAY });
  const settings = teamSettings('requests');
  const full = specOf('requests', 'correct');
  const text = full.slice(0, full.indexOf('### Dependency Graph')) + full.slice(full.indexOf('## Risks'));
  const analysis = service.analyze({ uri: SPEC_URI, version: 1, text }, settings);
  const missing = analysis.diagnostics.filter((d) => d.code === 'TS501');
  assert.deepEqual(brief(missing), [
    'TS501 [23,39,23,49] Work Plan has no Dependency Graph for its 3 dependencies. Add a mermaid graph under "### Dependency Graph" (quick fix: generate it from the table).',
  ]);
  const [action] = service.getCodeActions(analysis, missing[0].range, missing);
  const fixed = applyEdits(text, action.edit!.changes![SPEC_URI]);
  assert.ok(fixed.includes('| FR-3 | Ines | List and rerun in the UI | ~220 | FR-1, FR-2 | P2 | |\n\n### Dependency Graph\n\n```mermaid\ngraph LR\n'), fixed);
  const hover = service.getHover(service.analyze({ uri: SPEC_URI, version: 2, text: full }, settings), cursorIn(full, '| FR-1, $$FR-2 | P2 |'));
  assert.deepEqual(hover?.contents, {
    kind: 'markdown',
    value: '**FR\\-2** Expose POST /searches\n\nEstimate: ~150\n\nDepends on: FR-1 · Needed by: FR-3',
  });
});
