import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, only } from '../helpers';
import { brief, R1, tasksSpec } from './helpers';

test('TS404: IDs that do not match techspec.taskIdPattern', () => {
  const text = tasksSpec(R1, '| t2 | Lower | ~10 | T1 | J-2 |', '| Task-3 | Word | ~10 | T1 | J-3 |');
  assert.deepEqual(brief(only(diagnose(text), 'TS404')), [
    'TS404 [7,2,7,4] Task ID "t2" does not match the pattern ^T\\d+$ (the template\'s IDs). Use an ID like T1, T2, ….',
    'TS404 [8,2,8,8] Task ID "Task-3" does not match the pattern ^T\\d+$ (the template\'s IDs). Use an ID like T1, T2, ….',
  ]);
  const custom = tasksSpec('| API-1 | a | ~10 | None | |', '| API-2 | b | ~10 | API-1 | |');
  assert.deepEqual(only(diagnose(custom, { taskIdPattern: '^[A-Z]+-\\d+$' }), 'TS404'), []);
});

test("TS404: with the default pattern, a spec's own consistent scheme is accepted and only its outliers are flagged", () => {
  const own = tasksSpec('| PAY-101 | a | ~10 | None | |', '| PAY-102 | b | ~10 | PAY-101 | |', '| PAY-103 | c | ~10 | PAY-102 | |');
  assert.deepEqual(only(diagnose(own), 'TS404'), []);
  const padded = tasksSpec('| T001 | a | ~10 | None | |', '| T002 | b | ~10 | T001 | |');
  assert.deepEqual(only(diagnose(padded), 'TS404'), []);
  const outlier = tasksSpec('| FR-1 | a | ~10 | None | |', '| FR-2 | b | ~10 | FR-1 | |', '| T3 | c | ~10 | FR-2 | |');
  assert.deepEqual(brief(only(diagnose(outlier), 'TS404')), [
    'TS404 [8,2,8,4] Task ID "T3" does not follow the scheme of the spec\'s other IDs (like FR-1). Rename it to match them.',
  ]);
  // A configured pattern is the rule, whatever the spec does.
  assert.equal(only(diagnose(own, { taskIdPattern: '^T\\d{1,3}$' }), 'TS404').length, 3);
});
