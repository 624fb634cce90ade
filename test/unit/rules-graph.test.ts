import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { buildModel } from '../../engine/model';
import { at, diagnose, lines, taskSpec } from './helpers';

const mine = (ds: Diagnostic[]) => ds.filter((d) => /^TS[45]\d\d$/.test(String(d.code)));
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${JSON.stringify(at(d))} ${d.message}`);

const ROWS = [
  '| T1 | Migrate | ~50 | None | |',
  '| T2 | Repo | ~150 | T1 | |',
  '| T3 | Service | ~200 | T1, T2 | |',
  '| T4 | API | ~100 | T3 | |',
];

/** Table header on line 4, rows from line 6; with the default rows the graph's first line is line 15. */
const spec = (rows: string[], graph?: string[]) => taskSpec('Graph', rows, graph);

test('a graph that matches the table: nothing (labels, & groups, chains, edge labels)', () => {
  const graphs = [
    ['graph LR', '    T1[T1: Migration] --> T2[T2: Repository]', '    T1 & T2 --> T3[T3: Service]', '    T3 -->|calls| T4[T4: API]'],
    ['graph TD', '  T1 --> T2 --> T3 --> T4', '  T1 --> T3'],
    ['flowchart LR', '  T1-->T2', '  T1 -.-> T3', '  T2 == uses ==> T3', '  T3 -- serves --> T4'],
    ['flowchart LR', '  T1 -- schema --- T2', '  T1 -. maybe .-> T3', '  T2 ==>|data| T3 --> T4'],
  ];
  for (const g of graphs) assert.deepEqual(brief(mine(diagnose(spec(ROWS, g)))), [], g.join('\n'));
});

test('flowchart syntax that draws no edge or node: front matter, comments, classes, subgraphs, styles, ";"', () => {
  const g = [
    '---',
    'title: Task order',
    '---',
    'flowchart TD',
    '  %% T9 --> T1 is a comment',
    '  accTitle: Build order',
    '  classDef done fill:#9f9',
    '  subgraph P1 [Phase 1]',
    '    direction LR',
    '    T1:::done --> T2["Repo; [draft]"]',
    '  end',
    '  T1 & T2 --> T3; T3 --> T4',
    '  P1 --> T4',
    '  style T4 fill:#f9f',
    '  click T4 "https://example.com"',
  ];
  const m = buildModel(spec(ROWS, g));
  assert.deepEqual(m.diagram!.edges.map((e) => `${e.from.id}>${e.to.id}`), ['T1>T2', 'T1>T3', 'T2>T3', 'T3>T4', 'P1>T4']);
  assert.deepEqual(m.diagram!.subgraphs, ['P1']);
  assert.deepEqual(brief(mine(diagnose(spec(ROWS, g)))), []);
});

test('TS501: a table dependency the graph does not draw, on the dependency token', () => {
  const ds = mine(diagnose(spec(ROWS, ['graph LR', '  T1 --> T2 & T3', '  T3 --> T4'])));
  assert.deepEqual(brief(ds), [
    'TS501 [8,28,8,30] Task T3 depends on T2, but the Task Dependency Graph has no edge T2 --> T3. Add it, or regenerate the graph from the table (quick fix).',
  ]);
  assert.equal(ds[0].severity, 2);
  assert.deepEqual(ds[0].data, { rule: 'graph-edge-missing', fix: { kind: 'regenerateGraph' } });
});

test('TS502: a graph edge the table does not list, on the edge text (also inside a chain)', () => {
  const ds = mine(diagnose(spec(ROWS, ['graph LR', '  T1 --> T2 --> T4', '  T1 & T2 --> T3 --> T4', '    T2[T2: Repo] --> T4[T4: API]'])));
  const message = 'The graph draws T2 --> T4, but T4 does not list T2 in its Dependencies. Add the dependency to the table, or regenerate the graph from it (quick fix).';
  assert.deepEqual(brief(ds), [`TS502 [15,9,15,18] ${message}`, `TS502 [17,4,17,23] ${message}`]);
  assert.deepEqual(ds[0].data, { rule: 'graph-edge-extra', fix: { kind: 'regenerateGraph' } });
});

test('TS503: a node that is no task, once, related to its other occurrences; its edges are not TS502 too', () => {
  const ds = mine(diagnose(spec(ROWS, ['graph LR', '  T1 --> T2 & T3', '  T2 --> T3 --> T4', '  T1 --> X9[Cache warmup]', '  X9 --> T4'])));
  assert.deepEqual(brief(ds), [
    'TS503 [17,9,17,11] Graph node "X9" is no task in the table. Add a task row for it, or remove it from the graph (regenerating the graph from the table removes it).',
  ]);
  assert.deepEqual(ds[0].relatedInformation?.map((r) => [at({ range: r.location.range } as Diagnostic), r.message]), [[[18, 2, 18, 4], '"X9" again']]);
  assert.deepEqual(ds[0].data, { rule: 'graph-unknown-node', fix: { kind: 'regenerateGraph' } });
});

test('unknown and self dependencies drawn as the table says: only the table rules speak', () => {
  const rows = ['| T1 | a | ~50 | None | |', '| T2 | b | ~50 | T1, T2 | |', '| T3 | c | ~50 | T2, T25 | |'];
  assert.deepEqual(mine(diagnose(spec(rows, ['graph LR', '  T1 --> T2', '  T2 --> T2', '  T2 --> T3', '  T25 --> T3']))).map((d) => d.code), ['TS407', 'TS406']);
  // Nor does the graph have to draw them.
  assert.deepEqual(mine(diagnose(spec(rows, ['graph LR', '  T1 --> T2 --> T3']))).map((d) => d.code), ['TS407', 'TS406']);
});

test('no graph block while tasks have dependencies: one TS501, on the Dependencies header', () => {
  const ds = mine(diagnose(spec(ROWS)));
  assert.deepEqual(brief(ds), [
    'TS501 [4,27,4,39] Task Breakdown has no Task Dependency Graph for its 4 dependencies. Add a mermaid graph under "### Task Dependency Graph" (quick fix: generate it from the table).',
  ]);
  assert.deepEqual(ds[0].data, { rule: 'graph-edge-missing', fix: { kind: 'regenerateGraph' } });
  assert.deepEqual(mine(diagnose(spec(['| T1 | a | ~50 | None | |', '| T2 | b | ~50 | None | |']))), []);
});

test('a flowchart outside Task Breakdown: the graph rules stay silent', () => {
  const text = lines(spec(ROWS).trimEnd(), '', '## Architecture', '', '```mermaid', 'graph LR', '  T4 --> T1', '  Z --> T2', '```');
  assert.deepEqual(mine(diagnose(text)), []);
});

test('a table without a Dependencies column: TS402 says so, and the graph edges are not each flagged', () => {
  const text = lines('# Technical Spec: X', '', '## Task Breakdown', '', '| ID | Task | Est. Lines | Jira |', '|---|---|---|---|', '| T1 | a | ~10 | |', '| T2 | b | ~10 | |', '', '```mermaid', 'graph LR', '  T1 --> T2 --> T3', '```');
  assert.deepEqual(mine(diagnose(text)).map((d) => `${d.code} ${JSON.stringify(at(d))}`), ['TS402 [4,0,4,33]', 'TS503 [11,16,11,18]']);
});

test('no task table: the graph rules stay silent', () => {
  const text = lines('# Technical Spec: X', '', '## Task Breakdown', '', '```mermaid', 'graph LR', '  T1 --> T2', '```');
  assert.deepEqual(mine(diagnose(text)).map((d) => d.code), ['TS401']);
});

test('CRLF line endings: the same ranges in the table and the graph', () => {
  const text = spec(ROWS, ['graph LR', '  T1 --> T2 & T3', '  T3 --> T4', '  T2 --> T4', '  T4 --> Y']).replace(/\n/g, '\r\n');
  assert.deepEqual(mine(diagnose(text)).map((d) => `${d.code} ${JSON.stringify(at(d))}`), ['TS501 [8,28,8,30]', 'TS502 [17,2,17,11]', 'TS503 [18,9,18,10]']);
});
