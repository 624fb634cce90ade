import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, only } from '../helpers';
import { brief, R1, tasksSpec } from './helpers';

test('TS405: an empty ID, an empty title, an empty row', () => {
  const text = tasksSpec(R1, '|  | No ID | ~10 | T1 | |', '| T3 |   | ~10 | T1 | |', '|  |  |  |  |  |');
  assert.deepEqual(brief(only(diagnose(text), 'TS405')), [
    'TS405 [7,1,7,3] Task "No ID" has no ID. Give it the next free ID.',
    'TS405 [8,6,8,9] Task T3 has no title. Say what the task does.',
    'TS405 [9,0,9,16] Empty task row: fill in its ID and title, or delete it.',
  ]);
});
