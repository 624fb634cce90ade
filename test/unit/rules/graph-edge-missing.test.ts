import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { at, diagnose, lines } from '../helpers';
import { brief, graphSpec, ROWS } from './helpers';

const mine = (ds: Diagnostic[]) => ds.filter((d) => /^TS[45]\d\d$/.test(String(d.code)));

test('a graph that matches the table: nothing (labels, & groups, chains, edge labels)', () => {
  const graphs = [
    ['graph LR', '    T1[T1: Migration] --> T2[T2: Repository]', '    T1 & T2 --> T3[T3: Service]', '    T3 -->|calls| T4[T4: API]'],
    ['graph TD', '  T1 --> T2 --> T3 --> T4', '  T1 --> T3'],
    ['flowchart LR', '  T1-->T2', '  T1 -.-> T3', '  T2 == uses ==> T3', '  T3 -- serves --> T4'],
    ['flowchart LR', '  T1 -- schema --- T2', '  T1 -. maybe .-> T3', '  T2 ==>|data| T3 --> T4'],
  ];
  for (const g of graphs) assert.deepEqual(brief(mine(diagnose(graphSpec(ROWS, g)))), [], g.join('\n'));
});

test('TS501: a table dependency the graph does not draw, on the dependency token', () => {
  const ds = mine(diagnose(graphSpec(ROWS, ['graph LR', '  T1 --> T2 & T3', '  T3 --> T4'])));
  assert.deepEqual(brief(ds), [
    'TS501 [8,28,8,30] Task T3 depends on T2, but the Task Dependency Graph has no edge T2 --> T3. Add it, or regenerate the graph from the table (quick fix).',
  ]);
  assert.equal(ds[0].severity, 2);
  assert.deepEqual(ds[0].data, { rule: 'graph-edge-missing', fix: { kind: 'regenerateGraph' } });
});

test('no graph block while tasks have dependencies: one TS501, on the Dependencies header', () => {
  const ds = mine(diagnose(graphSpec(ROWS)));
  assert.deepEqual(brief(ds), [
    'TS501 [4,27,4,39] Task Breakdown has no Task Dependency Graph for its 4 dependencies. Add a mermaid graph under "### Task Dependency Graph" (quick fix: generate it from the table).',
  ]);
  assert.deepEqual(ds[0].data, { rule: 'graph-edge-missing', fix: { kind: 'regenerateGraph' } });
  assert.deepEqual(mine(diagnose(graphSpec(['| T1 | a | ~50 | None | |', '| T2 | b | ~50 | None | |']))), []);
});

test('a flowchart outside Task Breakdown: the graph rules stay silent', () => {
  const text = lines(graphSpec(ROWS).trimEnd(), '', '## Architecture', '', '```mermaid', 'graph LR', '  T4 --> T1', '  Z --> T2', '```');
  assert.deepEqual(mine(diagnose(text)), []);
});

test('no task table: the graph rules stay silent', () => {
  const text = lines('# Technical Spec: X', '', '## Task Breakdown', '', '```mermaid', 'graph LR', '  T1 --> T2', '```');
  assert.deepEqual(
    mine(diagnose(text)).map((d) => d.code),
    ['TS401'],
  );
});

test('CRLF line endings: the same ranges in the table and the graph', () => {
  const text = graphSpec(ROWS, ['graph LR', '  T1 --> T2 & T3', '  T3 --> T4', '  T2 --> T4', '  T4 --> Y']).replace(/\n/g, '\r\n');
  assert.deepEqual(
    mine(diagnose(text)).map((d) => `${d.code} ${JSON.stringify(at(d))}`),
    ['TS501 [8,28,8,30]', 'TS502 [17,2,17,11]', 'TS503 [18,9,18,10]'],
  );
});
