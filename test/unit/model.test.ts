import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, parseEstLines } from '../../engine/model';
import { TEMPLATE_TEXT } from '../../engine/templateText';

const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

test('the template: header fields with tight value ranges', () => {
  const m = buildModel(TEMPLATE_TEXT);
  assert.equal(m.title?.text, 'Technical Spec: [Feature Name]');
  assert.deepEqual(m.header.status?.valueSpan.range, r(2, 14, 2, 42));
  assert.equal(m.header.status?.value, 'Draft | In Review | Approved');
  assert.equal(m.header.author?.value, '[Name]');
  assert.deepEqual(m.header.author?.valueSpan.range, r(3, 14, 3, 20));
  assert.equal(m.header.prdLink?.value, '[Link to PRD]');
  assert.equal(m.header.lastUpdated?.value, '[Date]');
  assert.deepEqual(m.headerAnchor?.range, r(5, 26, 5, 26));
});

test('the template: sections in order with template keys', () => {
  const m = buildModel(TEMPLATE_TEXT);
  assert.deepEqual(
    m.sections.map((s) => s.key),
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
  assert.deepEqual(m.sections[0].heading.range, r(9, 0, 9, 11));
});

test('the template: tasks, dependencies and the mermaid graph', () => {
  const m = buildModel(TEMPLATE_TEXT);
  const tasks = m.taskTable!.tasks;
  assert.deepEqual(
    tasks.map((t) => [t.id, t.estLines, t.deps.map((d) => d.id), t.noneMarkers.map((d) => d.id)]),
    [
      ['T1', 50, [], ['None']],
      ['T2', 150, ['T1'], []],
      ['T3', 200, ['T2'], []],
      ['T4', 150, ['T3'], []],
      ['T5', 300, ['T4'], []],
      ['T6', 200, ['T5'], []],
      ['T7', 50, ['T6'], []],
    ],
  );
  assert.deepEqual(tasks[1].idCell.span.range, r(166, 2, 166, 4));
  assert.deepEqual(tasks[1].deps[0].span.range, r(166, 52, 166, 54));
  assert.deepEqual(
    m.diagram!.edges.map((e) => `${e.from.id}>${e.to.id}`),
    ['T1>T2', 'T2>T3', 'T3>T4', 'T4>T5', 'T5>T6', 'T6>T7'],
  );
  assert.deepEqual(m.diagram!.edges[0].from.span.range, r(177, 4, 177, 6));
  assert.deepEqual(m.diagram!.edges[0].to.span.range, r(177, 26, 177, 28));
});

test('mermaid: chains, & groups, edge labels, shapes and comments', () => {
  const m = buildModel(
    [
      '## Task Breakdown',
      '',
      '```mermaid',
      'flowchart TD',
      '  %% a comment --> T9',
      '  T1[T1: A] --> T2((two)) --> T3{"three [x]"}',
      '  T4 & T5 -->|after| T6',
      '  T7 -- waits --> T8; T8 ==> T9',
      '  classDef done fill:#0f0',
      '```',
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    m.diagram!.edges.map((e) => `${e.from.id}>${e.to.id}`),
    ['T1>T2', 'T2>T3', 'T4>T6', 'T5>T6', 'T7>T8', 'T8>T9'],
  );
});

test('cells: escaped pipes are content, code spans keep them, CRLF and BOM keep ranges right', () => {
  const text =
    '\uFEFF## Task Breakdown\r\n\r\n| ID | Task | Est. Lines | Dependencies | Jira |\r\n|--|--|--|--|--|\r\n| T1 | Parse `a\\|b` and x \\| y | ~1,200 | T2,T3 | — |\r\n';
  const m = buildModel(text);
  const t = m.taskTable!.tasks[0];
  assert.equal(t.title, 'Parse a|b and x | y');
  assert.equal(t.titleCell!.raw, 'Parse `a\\|b` and x \\| y');
  assert.equal(t.estLines, 1200);
  assert.deepEqual(
    t.deps.map((d) => [d.id, d.span.range]),
    [
      ['T2', r(4, 42, 4, 44)],
      ['T3', r(4, 45, 4, 47)],
    ],
  );
  assert.equal(m.taskTable!.table.rows[0].cells.length, 5);
});

test('non-ASCII titles and headings', () => {
  const m = buildModel(
    '# Technical Spec: Überblick 🎉\n\n## Überblick\n\n## Task Breakdown\n\n| ID | Task | Est. Lines | Dependencies | Jira |\n|-|-|-|-|-|\n| T1 | Größe ändern 🎉 | ~10 | None | |\n',
  );
  assert.equal(m.title?.text, 'Technical Spec: Überblick 🎉');
  assert.equal(m.taskTable!.tasks[0].title, 'Größe ändern 🎉');
  assert.deepEqual(m.taskTable!.tasks[0].titleCell!.span.range, r(8, 7, 8, 22));
});

test('front matter is not read as a heading', () => {
  const m = buildModel('---\ntechspec: true\ntitle: X\n---\n\n## Overview\n');
  assert.deepEqual(m.frontMatter, { techspec: 'true', title: 'X' });
  assert.deepEqual(
    m.sections.map((s) => s.title),
    ['Overview'],
  );
});

test('placeholders: bracketed text, not links, boxes, footnotes or escaped brackets; code only for template ones', () => {
  const m = buildModel(
    'Use [Name] and [a link](x) and [ref][r] and \\[not\\] and [^1].\n\n- [ ] box\n- [x] done\n\n```mermaid\ngraph LR\n  T1[T1: A] --> T2\n  title for [Feature Name]\n```\n\n[r]: https://x\n[^1]: note\n',
  );
  assert.deepEqual(
    m.placeholders.map((p) => [p.text, p.span.range]),
    [
      ['[Name]', r(0, 4, 0, 10)],
      ['[Feature Name]', r(8, 12, 8, 26)],
    ],
  );
});

test('disable directives silence the following line', () => {
  const m = buildModel('<!-- techspec-disable-next-line TS301 placeholder -->\n[Name]\n');
  assert.deepEqual(m.directives, [{ line: 1, rules: ['TS301', 'placeholder'] }]);
});

test('Est. Lines forms', () => {
  assert.deepEqual(['~150', '150', '150 lines', '1,200', '100-200', '~100 – ~300', 'lots', ''].map(parseEstLines), [
    150,
    150,
    150,
    1200,
    200,
    300,
    undefined,
    undefined,
  ]);
});

test('an empty document and garbage build an empty model', () => {
  for (const text of ['', '\u0000\u0001\uFFFD|||', '\r\r\r', '```']) {
    const m = buildModel(text);
    assert.equal(m.sections.length, 0);
    assert.equal(m.taskTable, undefined);
  }
});
