import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { at, diagnose, lines } from '../helpers';
import { brief, graphSpec, ROWS } from './helpers';

const mine = (ds: Diagnostic[]) => ds.filter((d) => /^TS[45]\d\d$/.test(String(d.code)));

test('TS502: a graph edge the table does not list, on the edge text (also inside a chain)', () => {
  const ds = mine(diagnose(graphSpec(ROWS, ['graph LR', '  T1 --> T2 --> T4', '  T1 & T2 --> T3 --> T4', '    T2[T2: Repo] --> T4[T4: API]'])));
  const message =
    'The graph draws T2 --> T4, but T4 does not list T2 in its Dependencies. Add the dependency to the table, or regenerate the graph from it (quick fix).';
  assert.deepEqual(brief(ds), [`TS502 [15,9,15,18] ${message}`, `TS502 [17,4,17,23] ${message}`]);
  assert.deepEqual(ds[0].data, { rule: 'graph-edge-extra', fix: { kind: 'regenerateGraph' } });
});

test('unknown and self dependencies drawn as the table says: only the table rules speak', () => {
  const rows = ['| T1 | a | ~50 | None | |', '| T2 | b | ~50 | T1, T2 | |', '| T3 | c | ~50 | T2, T25 | |'];
  assert.deepEqual(
    mine(diagnose(graphSpec(rows, ['graph LR', '  T1 --> T2', '  T2 --> T2', '  T2 --> T3', '  T25 --> T3']))).map((d) => d.code),
    ['TS407', 'TS406'],
  );
  // Nor does the graph have to draw them.
  assert.deepEqual(
    mine(diagnose(graphSpec(rows, ['graph LR', '  T1 --> T2 --> T3']))).map((d) => d.code),
    ['TS407', 'TS406'],
  );
});

test('a table without a Dependencies column: TS402 says so, and the graph edges are not each flagged', () => {
  const text = lines(
    '# Technical Spec: X',
    '',
    '## Task Breakdown',
    '',
    '| ID | Task | Est. Lines | Jira |',
    '|---|---|---|---|',
    '| T1 | a | ~10 | |',
    '| T2 | b | ~10 | |',
    '',
    '```mermaid',
    'graph LR',
    '  T1 --> T2 --> T3',
    '```',
  );
  assert.deepEqual(
    mine(diagnose(text)).map((d) => `${d.code} ${JSON.stringify(at(d))}`),
    ['TS402 [4,0,4,33]', 'TS503 [11,16,11,18]'],
  );
});
