import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countProblems, matchesQuery, summarizeText, taskSymbols, type SpecSummary } from '../../engine';
import { lines, SPEC_URI, TODAY } from './helpers';

const SPEC = lines(
  '# Technical Spec: Chat',
  '',
  '> **Status**: Draft',
  '',
  '## Task Breakdown',
  '',
  '| ID | Task | Est. Lines | Dependencies |',
  '|----|------|-----------|--------------|',
  '| T2 | Chatbot integration | ~200 | T1 |',
  '| T1 | Schema | ~100 | None |',
  '| T3 | Loop A | ~50 | T4 |',
  '| T4 | Loop B | ~50 | T3 |',
  '| T5 | Widget | n/a | T1 |',
);

test('a spec’s summary: title, status, counts, and its tasks by wave in table order, the cycle unscheduled', () => {
  const s = summarizeText(SPEC, { uri: SPEC_URI, today: TODAY })!;
  assert.equal(s.title, 'Technical Spec: Chat');
  assert.equal(s.status, 'Draft');
  assert.equal(s.taskCount, 5);
  assert.equal(s.totalLines, 400);
  assert.deepEqual(
    s.waves.map((w) => w.map((t) => `${t.id}@${t.wave}:${t.range.start.line}`)),
    [['T1@0:9'], ['T2@1:8', 'T5@1:12']],
  );
  assert.deepEqual(
    s.unscheduled.map((t) => `${t.id}@${t.wave}`),
    ['T3@null', 'T4@null'],
  );
  assert.ok(s.problems.errors >= 1, 'the cycle is an error');
  assert.deepEqual(s.waves[1][0].range, { start: { line: 8, character: 0 }, end: { line: 8, character: 40 } });
});

test('a document that is no spec has no summary; a spec without a title is named by its file', () => {
  assert.equal(summarizeText('# Readme\n', { uri: 'file:///w/README.md', today: TODAY }), undefined);
  const s = summarizeText('## Task Breakdown\n', { uri: 'file:///w/my%20plan.spec.md', today: TODAY })!;
  assert.equal(s.title, 'my plan.spec.md');
  assert.equal(s.status, undefined);
  assert.equal(s.taskCount, 0);
});

test('problems are counted by severity, an unset severity as an error', () => {
  const d = (severity?: 1 | 2 | 3 | 4) => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'x', severity });
  assert.deepEqual(countProblems([d(1), d(), d(2), d(2), d(3), d(4)]), { errors: 2, warnings: 2, infos: 1, hints: 1 });
});

test('a query matches a name containing its characters in order, case and spaces ignored', () => {
  assert.ok(matchesQuery('', 'T1 Schema'));
  assert.ok(matchesQuery('chatbot', 'T12 Chatbot integration'));
  assert.ok(matchesQuery('T12 CHAT', 'T12 Chatbot integration'));
  assert.ok(matchesQuery('cbi', 'T12 Chatbot integration'));
  assert.ok(!matchesQuery('ibc', 'T12 Chatbot integration'));
  assert.ok(!matchesQuery('T13', 'T12 Chatbot integration'));
});

test('task symbols: substring matches before looser ones, each in spec and row order, up to the limit', () => {
  const task = (id: string, title: string, line: number) => ({ id, title, wave: 0, range: { start: { line, character: 0 }, end: { line, character: 9 } } });
  const spec = (uri: string, title: string, tasks: ReturnType<typeof task>[]): SpecSummary => ({
    uri,
    title,
    taskCount: tasks.length,
    totalLines: 0,
    problems: { errors: 0, warnings: 0, infos: 0, hints: 0 },
    waves: [tasks.slice(1), tasks.slice(0, 1)],
    unscheduled: [],
  });
  const specs = [
    spec('file:///a.spec.md', 'A', [task('T1', 'Chat', 5), task('T2', 'Cache hit', 6)]),
    spec('file:///b.spec.md', 'B', [task('T1', 'Set up chat', 3), task('T9', '', 4)]),
  ];
  assert.deepEqual(
    taskSymbols(specs, 'chat').map((s) => `${s.containerName}:${s.name}`),
    ['A:T1 Chat', 'B:T1 Set up chat'],
  );
  assert.deepEqual(
    taskSymbols(specs, 'cht').map((s) => `${s.containerName}:${s.name}:${s.range.start.line}`),
    ['A:T1 Chat:5', 'A:T2 Cache hit:6', 'B:T1 Set up chat:3'],
  );
  assert.deepEqual(
    taskSymbols(specs, '').map((s) => s.name),
    ['T1 Chat', 'T2 Cache hit', 'T1 Set up chat', 'T9'],
  );
  assert.equal(taskSymbols(specs, '', 3).length, 3);
});
