import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../engine/model';
import { buildPlan } from '../../engine/plan';
import { findTasks, legendKeys, lineageOf } from '../../client/src/webview/search';
import { SPEC_URI, taskSpec } from './helpers';

const plan = (...rows: string[]) => buildPlan(buildModel(taskSpec('Search', rows)), SPEC_URI, 1);

const CHAIN = plan(
  '| T1 | Schema migration | 100 | None | |',
  '| T2 | Repository | 200 | T1 | |',
  '| T3 | Export worker | 250 | T1 | |',
  '| T4 | Endpoints | 200 | T2, T3 | |',
  '| T10 | Docs for T4 | 50 | T4 | |',
  '| T11 | Schema docs | 20 | T1 | |',
);

test('the search finds the ID itself first, then IDs starting with the query, then titles containing it', () => {
  assert.deepEqual(findTasks(CHAIN, 't1'), ['T1', 'T10', 'T11']);
  assert.deepEqual(findTasks(CHAIN, 'schema'), ['T1', 'T11']);
  assert.deepEqual(findTasks(CHAIN, 'T4'), ['T4', 'T10']);
  assert.deepEqual(findTasks(CHAIN, ' EXPORT '), ['T3']);
  assert.deepEqual(findTasks(CHAIN, 't3 export'), ['T3']);
  assert.deepEqual(findTasks(CHAIN, 'nothing'), []);
  assert.deepEqual(findTasks(CHAIN, '  '), []);
});

test("a task's upstream and downstream: every task before and after it, through chains", () => {
  const l = lineageOf(CHAIN, 'T2');
  assert.deepEqual([...l.upstream].sort(), ['T1']);
  assert.deepEqual([...l.downstream].sort(), ['T10', 'T4']);
  const root = lineageOf(CHAIN, 'T1');
  assert.deepEqual(root.upstream.size, 0);
  assert.deepEqual([...root.downstream].sort(), ['T10', 'T11', 'T2', 'T3', 'T4']);
});

test('the legend names only the kinds of node and edge the graph holds', () => {
  assert.deepEqual(legendKeys(CHAIN), ['critical', 'plain']);
  assert.deepEqual(legendKeys(plan('| T1 | A | 1 | T2 | |', '| T2 | B | 1 | T1 | |', '| T3 | C | 1 | T9 | |')), ['cycle', 'unknown']);
  assert.deepEqual(legendKeys(plan('| T1 | A | 1 | None | |', '| T2 | B | 1 | T1 | |', '| T3 | C | 1 | T1, T2 | |')), ['critical', 'implied']);
  assert.deepEqual(legendKeys(plan('| T1 | A | 1 | None | |')), ['critical']);
});
