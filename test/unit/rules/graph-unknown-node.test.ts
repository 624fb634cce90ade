import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { buildModel } from '../../../engine/model';
import { at, diagnose } from '../helpers';
import { brief, graphSpec, ROWS } from './helpers';

const mine = (ds: Diagnostic[]) => ds.filter((d) => /^TS[45]\d\d$/.test(String(d.code)));

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
  const m = buildModel(graphSpec(ROWS, g));
  assert.deepEqual(
    m.diagram!.edges.map((e) => `${e.from.id}>${e.to.id}`),
    ['T1>T2', 'T1>T3', 'T2>T3', 'T3>T4', 'P1>T4'],
  );
  assert.deepEqual(m.diagram!.subgraphs, ['P1']);
  assert.deepEqual(brief(mine(diagnose(graphSpec(ROWS, g)))), []);
});

test('TS503: a node that is no task, once, related to its other occurrences; its edges are not TS502 too', () => {
  const ds = mine(diagnose(graphSpec(ROWS, ['graph LR', '  T1 --> T2 & T3', '  T2 --> T3 --> T4', '  T1 --> X9[Cache warmup]', '  X9 --> T4'])));
  assert.deepEqual(brief(ds), [
    'TS503 [17,9,17,11] Graph node "X9" is no task in the table. Add a task row for it, or remove it from the graph (regenerating the graph from the table removes it).',
  ]);
  assert.deepEqual(
    ds[0].relatedInformation?.map((r) => [at({ range: r.location.range } as Diagnostic), r.message]),
    [[[18, 2, 18, 4], '"X9" again']],
  );
  assert.deepEqual(ds[0].data, { rule: 'graph-unknown-node', fix: { kind: 'regenerateGraph' } });
});
