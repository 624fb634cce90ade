import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, dependencyWords, taskColumnOf } from '../../engine/model';
import { sectionNameOf } from '../../engine/model/headingText';
import { diagnose, lines, only, taskSpec } from './helpers';

/** What real teams write and a reviewer would not call a defect: the model reads it as meant. */

const r = (l: number, s: number, el: number, e: number) => ({ start: { line: l, character: s }, end: { line: el, character: e } });

test('headings: numbering and common names count as the section', () => {
  assert.deepEqual(
    [
      '1. Overview',
      '2) Architecture',
      '3.1 Data Model',
      'A. API Design',
      'IV. Task Breakdown',
      '10 Rollout Plan',
      'Launch Plan',
      '3D Rendering',
      'Overview',
    ].map(sectionNameOf),
    ['Overview', 'Architecture', 'Data Model', 'API Design', 'Task Breakdown', 'Rollout Plan', 'Rollout Plan', '3D Rendering', 'Overview'],
  );
  const m = buildModel(lines('# Technical Spec: X', '', '## 1. Overview', '', '## 2) Task Breakdown', '', '## 3. Launch Plan', '', '## 4. Background'));
  assert.deepEqual(
    m.sections.map((s) => s.key),
    ['overview', 'task-breakdown', 'rollout', undefined],
  );
});

test('Dependencies cells: the IDs count, notes in parentheses, after a dash and plain words do not', () => {
  const ids = (raw: string) => dependencyWords(raw).map((w) => w.id);
  assert.deepEqual(ids('T6 (email)'), ['T6']);
  assert.deepEqual(ids('T2 - schema first'), ['T2']);
  assert.deepEqual(ids('T4, T5 (needs the merge UI states)'), ['T4', 'T5']);
  assert.deepEqual(ids('after **T3** and `T7`'), ['T3', 'T7']);
  assert.deepEqual(ids('None (first task)'), ['None']);
  assert.deepEqual(ids('None - first task'), ['None']);
  // An item (between commas) without any ID is kept: an unknown name is still reported.
  assert.deepEqual(ids('Auth'), ['Auth']);
  assert.deepEqual(ids('T1, Design review'), ['T1', 'Design', 'review']);
  // A dash between IDs, or at the end, is no note: TS408 still sees "-" next to IDs.
  assert.deepEqual(ids('T1, -'), ['T1', '-']);
  // Upper-case words are kept: `TBD` next to an ID is still a finding.
  assert.deepEqual(ids('T1, TBD'), ['T1', 'TBD']);
});

test('task columns: "Blocked By" is the dependencies, not an estimate ("loc" inside a word is no LOC)', () => {
  assert.deepEqual(
    ['Blocked By', 'Est. LOC', 'Estimate (lines)', 'Size', 'Depends On', 'Ticket'].map((h) => taskColumnOf(h)),
    ['deps', 'lines', 'lines', 'lines', 'deps', 'jira'],
  );
});

test('Dependencies notes: no finding on the notes; a typo among them is still TS406, on its range', () => {
  const text = taskSpec('Notes', [
    '| T1 | Schema | ~50 | None | |',
    '| T2 | Repo | ~100 | T1 - schema first | |',
    '| T3 | Mail | ~100 | T2 (email), T9 (later) | |',
  ]);
  const ds = only(diagnose(text), 'TS406', 'TS408');
  assert.deepEqual(
    ds.map((d) => [d.code, d.range]),
    [['TS406', r(8, 33, 8, 35)]],
  );
});

test('mermaid: any direction, subgraphs, chains, labels, dotted and thick links, shapes, style lines, hyphenated IDs', () => {
  const m = buildModel(
    lines(
      '## Task Breakdown',
      '',
      '```mermaid',
      'graph BT',
      '  %% comment: A --> Z',
      '  subgraph wave-1 [Wave 1]',
      '    direction LR',
      '    PAY-101[Schema] --> PAY-102(Repo) --> PAY-103{{Gate}}',
      '  end',
      '  PAY-101 & PAY-102 -->|then| PAY-104>Flag]',
      '  PAY-103 -- soon --> PAY-105((Docs))',
      '  PAY-104 -.-> PAY-106[/In/] ==> PAY-107[(DB)]',
      '  PAY-105 == ship ==> PAY-107',
      '  PAY-106 --- PAY-107',
      '  style PAY-101 fill:#f9f',
      '  classDef done fill:#0f0',
      '  class PAY-101,PAY-102 done',
      '  click PAY-101 "https://x.example/PAY-101"',
      '  linkStyle 0 stroke:#f00',
      '  PAY-101-->PAY-108',
      '  PAY-102:::hot-path-->PAY-108',
      '```',
    ),
  );
  assert.deepEqual(
    m.diagram!.edges.map((e) => `${e.from.id}>${e.to.id}`),
    [
      'PAY-101>PAY-102',
      'PAY-102>PAY-103',
      'PAY-101>PAY-104',
      'PAY-102>PAY-104',
      'PAY-103>PAY-105',
      'PAY-104>PAY-106',
      'PAY-106>PAY-107',
      'PAY-105>PAY-107',
      'PAY-106>PAY-107',
      'PAY-101>PAY-108',
      'PAY-102>PAY-108',
    ],
  );
  assert.deepEqual(m.diagram!.subgraphs, ['wave-1']);
  assert.deepEqual(m.diagram!.edges[0].from.span.range, r(7, 4, 7, 11));
});

test('a spec with hyphenated IDs, notes, bold IDs and a hyphenated graph gets no task or graph findings', () => {
  const text = taskSpec(
    'Refunds',
    ['| **PAY-1** | Schema | ~50 | None | |', '| `PAY-2` | Repo | ~100 | PAY-1 (schema) | |', '| PAY-3 | API | ~100 | PAY-1, **PAY-2** - after review | |'],
    ['flowchart LR', '  PAY-1 --> PAY-2 & PAY-3', '  PAY-2 -->|review| PAY-3'],
  );
  assert.deepEqual(
    diagnose(text)
      .filter((d) => /^TS[45]/.test(String(d.code)))
      .map((d) => d.message),
    [],
  );
});
