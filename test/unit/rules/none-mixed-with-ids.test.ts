import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, only } from '../helpers';
import { brief, R1, R2, tasksSpec } from './helpers';

test('TS408: None together with IDs, on the None', () => {
  assert.deepEqual(brief(only(diagnose(tasksSpec(R1, R2, '| T3 | API | ~10 | None, T2 | J-3 |')), 'TS408')), [
    'TS408 [8,19,8,23] "None" next to task IDs (T2): remove "None", or the IDs if the task has no dependencies.',
  ]);
});
