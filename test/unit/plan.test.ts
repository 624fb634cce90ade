import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../engine/model';
import { buildPlan } from '../../engine/plan';
import { createLanguageService } from '../../engine/service';
import type { Plan } from '../../protocol';
import { lines, SPEC_URI, taskSpec, TODAY } from './helpers';

/** A spec whose Task Breakdown table has these rows (`ID | Task | Est. Lines | Dependencies`). */
const spec = (...rows: string[]) => taskSpec('Graph', rows);

function graph(markdown: string): Plan {
  return buildPlan(buildModel(markdown), SPEC_URI, 7);
}

/** The model without the document ranges, for compact literal comparisons. */
function shape(g: Plan) {
  return {
    status: g.status,
    tasks: g.tasks.map((t) => [t.id, t.estLines]),
    edges: g.edges.map((e) => `${e.from}>${e.to}${e.inCycle ? ' cycle' : ''}${e.critical ? ' critical' : ''}${e.implied ? ' implied' : ''}`),
    cycles: g.cycles,
    unknown: g.unknown.map((u) => `${u.from}>${u.id}`),
    criticalPath: g.criticalPath,
    criticalLines: g.criticalLines,
    waves: g.waves,
    totalLines: g.totalLines,
  };
}

test('a diamond: the critical path takes the heavier branch, waves are the layers', () => {
  const g = graph(
    spec(
      '| T1 | Migration | ~50 | None | [PROJ-1](https://jira.example.com/browse/PROJ-1) |',
      '| T2 | Repository | ~150 | T1 | |',
      '| T3 | Service | 100 | T1 | |',
      '| T4 | API | ~200 | T2, T3 | |',
      '| T5 | Docs | 30 | T1 | |',
    ),
  );
  assert.deepEqual(shape(g), {
    status: 'ok',
    tasks: [
      ['T1', 50],
      ['T2', 150],
      ['T3', 100],
      ['T4', 200],
      ['T5', 30],
    ],
    edges: ['T1>T2 critical', 'T1>T3', 'T2>T4 critical', 'T3>T4', 'T1>T5'],
    cycles: [],
    unknown: [],
    criticalPath: ['T1', 'T2', 'T4'],
    criticalLines: 400,
    waves: [['T1'], ['T2', 'T3', 'T5'], ['T4']],
    totalLines: 530,
  });
  assert.equal(g.uri, SPEC_URI);
  assert.equal(g.version, 7);
  assert.equal(g.message, undefined);
});

test('an edge a longer chain already implies is marked, whatever the table order', () => {
  const g = graph(
    spec('| T4 | d | 10 | T1, T3, T2 | |', '| T1 | a | 10 | None | |', '| T2 | b | 10 | T1 | |', '| T3 | c | 10 | T2 | |', '| T5 | e | 10 | T1 | |'),
  );
  assert.deepEqual(shape(g).edges, ['T1>T4 implied', 'T3>T4 critical', 'T2>T4 implied', 'T1>T2 critical', 'T2>T3 critical', 'T1>T5']);
});

test('tasks carry their title, Jira text and the ranges of their row and ID cell', () => {
  const g = graph(spec('| T1 | Migration | ~50 | None | [PROJ-1](https://jira.example.com/browse/PROJ-1) |', '| T2 | Add `repo` **layer** | many | T1 | |'));
  assert.deepEqual(g.tasks, [
    {
      id: 'T1',
      title: 'Migration',
      estLines: 50,
      jira: 'PROJ-1',
      range: { start: { line: 6, character: 0 }, end: { line: 6, character: 82 } },
      idRange: { start: { line: 6, character: 2 }, end: { line: 6, character: 4 } },
    },
    {
      id: 'T2',
      title: 'Add repo layer',
      estLines: null,
      range: { start: { line: 7, character: 0 }, end: { line: 7, character: 43 } },
      idRange: { start: { line: 7, character: 2 }, end: { line: 7, character: 4 } },
    },
  ]);
  // Est. Lines that is no number weighs nothing.
  assert.deepEqual([g.criticalPath, g.criticalLines, g.totalLines], [['T1', 'T2'], 50, 50]);
});

test('ties: equally heavy paths go to the natural-order first, read from the start', () => {
  const g = graph(spec('| T1 | a | 10 | None | |', '| T10 | b | 100 | T1 | |', '| T9 | c | 100 | T1 | |', '| T11 | d | 10 | T9, T10 | |'));
  assert.deepEqual(g.criticalPath, ['T1', 'T9', 'T11']);
  assert.equal(g.criticalLines, 120);
  assert.deepEqual(g.waves, [['T1'], ['T9', 'T10'], ['T11']]);

  // Separate chains of the same weight: T2 comes before T10 (not string order).
  const chains = graph(spec('| T10 | a | 100 | None | |', '| T2 | b | 60 | None | |', '| T3 | c | 40 | T2 | |'));
  assert.deepEqual(chains.criticalPath, ['T2', 'T3']);
  assert.equal(chains.criticalLines, 100);
  assert.deepEqual(chains.waves, [['T2', 'T10'], ['T3']]);
});

test('a task without Est. Lines still belongs to the path it extends', () => {
  const g = graph(spec('| T1 | setup | | None | |', '| T2 | work | 100 | T1 | |', '| T3 | wrap up | n/a | T2 | |'));
  assert.deepEqual([g.criticalPath, g.criticalLines], [['T1', 'T2', 'T3'], 100]);
});

test('cycles: reported once, their edges marked, their tasks and those waiting on them in no wave, no critical path', () => {
  const g = graph(
    spec(
      '| T1 | a | 10 | T3 | |',
      '| T2 | b | 20 | T1 | |',
      '| T3 | c | 30 | T2 | |',
      '| T4 | d | 40 | T3 | |',
      '| T5 | e | 50 | None | |',
      '| T6 | f | 60 | T5 | |',
    ),
  );
  assert.deepEqual(shape(g), {
    status: 'ok',
    tasks: [
      ['T1', 10],
      ['T2', 20],
      ['T3', 30],
      ['T4', 40],
      ['T5', 50],
      ['T6', 60],
    ],
    edges: ['T3>T1 cycle', 'T1>T2 cycle', 'T2>T3 cycle', 'T3>T4', 'T5>T6'],
    cycles: [['T1', 'T2', 'T3']],
    unknown: [],
    criticalPath: [],
    criticalLines: 0,
    waves: [['T5'], ['T6']],
    totalLines: 210,
  });
});

test("an edge inside a cycle's component is a cycle edge even when the reported path skips it", () => {
  // T1 <-> T2 is the shortest cycle; T3 (needs T2, needed by T1) is in the same knot.
  const g = graph(spec('| T1 | a | 1 | T2, T3 | |', '| T2 | b | 1 | T1 | |', '| T3 | c | 1 | T2 | |', '| T4 | d | 1 | T3 | |'));
  assert.deepEqual(g.cycles, [['T1', 'T2']]);
  assert.deepEqual(shape(g).edges, ['T2>T1 cycle', 'T3>T1 cycle', 'T1>T2 cycle', 'T2>T3 cycle', 'T3>T4']);
  assert.deepEqual(g.waves, []);
});

test('two separate cycles come in table order', () => {
  const g = graph(spec('| T1 | a | 1 | T2 | |', '| T2 | b | 1 | T1 | |', '| T3 | c | 1 | T4 | |', '| T4 | d | 1 | T3 | |'));
  assert.deepEqual(g.cycles, [
    ['T1', 'T2'],
    ['T3', 'T4'],
  ]);
  assert.deepEqual(g.edges.filter((e) => e.inCycle).length, 4);
});

test('dangling dependencies: listed once per task, left out of edges and waves; self-dependencies are not unknown', () => {
  const g = graph(spec('| T1 | a | 10 | None | |', '| T2 | b | 20 | T1, T9, T9 | |', '| T3 | c | 30 | T3, T9, X-1 | |'));
  assert.deepEqual(shape(g), {
    status: 'ok',
    tasks: [
      ['T1', 10],
      ['T2', 20],
      ['T3', 30],
    ],
    edges: ['T1>T2 critical'],
    cycles: [],
    unknown: ['T2>T9', 'T3>T9', 'T3>X-1'],
    criticalPath: ['T1', 'T2'],
    criticalLines: 30,
    waves: [['T1', 'T3'], ['T2']],
    totalLines: 60,
  });
});

test('a repeated ID: the first row is the task, the later row adds its dependencies', () => {
  const g = graph(spec('| T1 | a | 10 | None | |', '| T2 | b | 20 | None | |', '| T3 | c | 30 | T1 | |', '| T3 | c again | 99 | T2 | |'));
  assert.deepEqual(shape(g).tasks, [
    ['T1', 10],
    ['T2', 20],
    ['T3', 30],
  ]);
  assert.deepEqual(shape(g).edges, ['T1>T3', 'T2>T3 critical']);
  assert.deepEqual(g.criticalPath, ['T2', 'T3']);
});

test('empty and broken inputs each get a status and a message', () => {
  const notSpec = buildPlan(undefined, 'file:///w/README.md', 3);
  assert.deepEqual([notSpec.status, notSpec.uri, notSpec.version, notSpec.tasks, notSpec.waves], ['not-spec', 'file:///w/README.md', 3, [], []]);
  assert.match(notSpec.message!, /^This file is not a tech spec\./);

  const noSection = graph(lines('# Technical Spec: X', '', '## Overview', '', 'Text.'));
  assert.equal(noSection.status, 'no-task-breakdown');
  assert.equal(noSection.message, 'This spec has no "## Task Breakdown" section, so there are no tasks to draw.');

  const noTable = graph(lines('# Technical Spec: X', '', '## Task Breakdown', '', 'Tasks to come.'));
  assert.equal(noTable.status, 'no-task-breakdown');
  assert.equal(noTable.message, 'The Task Breakdown section has no table of tasks. Add one with the columns ID | Task | Est. Lines | Dependencies | Jira.');

  const emptyTable = graph(spec());
  assert.deepEqual(shape(emptyTable), {
    status: 'empty-table',
    tasks: [],
    edges: [],
    cycles: [],
    unknown: [],
    criticalPath: [],
    criticalLines: 0,
    waves: [],
    totalLines: 0,
  });
  assert.equal(emptyTable.message, 'The Task Breakdown table has no tasks yet. Add rows with an ID (T1, T2, …) to see the graph.');

  const blankIds = graph(spec('|  | a | 10 | None | |'));
  assert.equal(blankIds.status, 'empty-table');
});

test('the language service hands out the same model for a spec and not-spec for other markdown', () => {
  const service = createLanguageService({ today: () => TODAY });
  const text = spec('| T1 | a | 10 | None | |');
  const spec1 = service.getPlan(service.analyze({ uri: SPEC_URI, version: 2, text }));
  assert.deepEqual([spec1.status, spec1.version, spec1.criticalPath], ['ok', 2, ['T1']]);
  const readme = service.getPlan(service.analyze({ uri: 'file:///w/README.md', version: 1, text: lines('# Readme', '', '## Task Breakdown') }));
  assert.equal(readme.status, 'not-spec');
});

test('the shape gen-spec writes (each task needs the one before and the one 7 back): one wave per task, the whole chain critical', () => {
  const n = 500;
  const rows = Array.from({ length: n }, (_, i) => `| T${i + 1} | t | 2 | ${i === 0 ? 'None' : `T${i}${i > 6 ? `, T${i - 6}` : ''}`} | |`);
  const g = graph(spec(...rows));
  assert.equal(g.waves.length, n);
  assert.equal(g.criticalPath.length, n);
  assert.deepEqual([g.criticalPath[0], g.criticalPath[n - 1], g.criticalLines, g.totalLines], ['T1', `T${n}`, 2 * n, 2 * n]);
  // From T8 on, each task's second dependency (the task 7 back) is implied by the chain.
  assert.deepEqual([g.edges.length, g.edges.filter((e) => e.implied).length], [992, 493]);
  assert.deepEqual(
    g.edges.filter((e) => e.to === 'T9').map((e) => [e.from, e.implied]),
    [
      ['T8', false],
      ['T2', true],
    ],
  );
});

test("the diagram's subgraphs become labelled groups of tasks, nested ones with their parent, empty ones left out", () => {
  const g = graph(
    taskSpec(
      'Groups',
      ['| T1 | Schema | 100 | None | |', '| T2 | API | 200 | T1 | |', '| T3 | UI | 50 | T2 | |', '| T4 | Docs | 10 | T3 | |'],
      [
        'graph LR',
        '  subgraph backend [Back end]',
        '    T1 --> T2',
        '    subgraph "api"',
        '      T2 --> T3',
        '    end',
        '  end',
        '  subgraph empty',
        '    X1',
        '  end',
        '  subgraph ui["User interface"]',
        '    T3',
        '  end',
        '  T3 --> T4',
      ],
    ),
  );
  assert.deepEqual(g.groups, [
    { id: 'backend', label: 'Back end', tasks: ['T1', 'T2'] },
    { id: 'api', label: 'api', parent: 'backend', tasks: ['T3'] },
  ]);
});
