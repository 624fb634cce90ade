import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, only, taskSpec } from '../helpers';

const TABLE = taskSpec('Tasks', [
  '| T1 | Migrate | ~400 | None | |',
  '| T2 | Big | ~401 | T1 | |',
  '| T3 | Range | 100-900 | T2 | |',
  '| T4 | Vague | lots | T3 | |',
]);

test('TS411: above techspec.maxTaskLines (400 by default), on the Est. Lines cell; a range counts by its top', () => {
  assert.deepEqual(
    only(diagnose(TABLE), 'TS411').map((d) => [...at(d), d.message]),
    [
      [7, 13, 7, 17, 'Task T2 is estimated at 401 lines, more than 400. Split it into smaller tasks of at most 400 lines, one PR each.'],
      [8, 15, 8, 22, 'Task T3 is estimated at 900 lines, more than 400. Split it into smaller tasks of at most 400 lines, one PR each.'],
    ],
  );
});

test('TS411: a higher maxTaskLines lets them pass; a lower one flags more', () => {
  assert.deepEqual(only(diagnose(TABLE, { maxTaskLines: 1000 }), 'TS411'), []);
  assert.deepEqual(
    only(diagnose(TABLE, { maxTaskLines: 399 }), 'TS411').map((d) => at(d)[0]),
    [6, 7, 8],
  );
});
