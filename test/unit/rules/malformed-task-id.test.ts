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
