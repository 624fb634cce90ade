import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, only } from '../helpers';
import { brief, R1, R2, related, tasksSpec } from './helpers';

test('TS403: a duplicate ID on the later row, related to the first', () => {
  const ds = only(diagnose(tasksSpec(R1, R2, '| T1 | Again | ~10 | None | J-9 |')), 'TS403');
  assert.deepEqual(brief(ds), ['TS403 [8,2,8,4] Duplicate task ID "T1": it is already used on line 7. Give this task an ID of its own.']);
  assert.equal(ds[0].severity, 1);
  assert.deepEqual(related(ds[0]), [[6, 2, 6, 4, 'First task with ID "T1"']]);
});

test('CRLF line endings: the same ranges', () => {
  const text = tasksSpec(R1, R2, '| T3 | Service | ~200 | T2, T4 | J-3 |', '| T3 | Again | ~10 | T3 | |').replace(/\n/g, '\r\n');
  assert.deepEqual(brief(only(diagnose(text), 'TS403', 'TS406', 'TS407')), [
    'TS406 [8,28,8,30] Unknown dependency "T4": no task has this ID. Did you mean T1?',
    'TS403 [9,2,9,4] Duplicate task ID "T3": it is already used on line 9. Give this task an ID of its own.',
    'TS407 [9,21,9,23] Task T3 depends on itself. Remove "T3" from its dependencies.',
  ]);
});
