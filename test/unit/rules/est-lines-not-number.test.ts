import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, only } from '../helpers';
import { brief, R1, R2, tasksSpec } from './helpers';

test('TS410 and TS411: Est. Lines not a number, or above techspec.maxTaskLines', () => {
  const text = tasksSpec(
    R1,
    '| T2 | Big | ~600 | T1 | |',
    '| T3 | Vague | lots | T1 | |',
    '| T4 | Blank |  | T1 | |',
    '| T5 | Placeholder | [Lines] | T1 | |',
    '| T6 | Range | 300-450 | T1 | |',
  );
  assert.deepEqual(brief(only(diagnose(text), 'TS410', 'TS411')), [
    'TS411 [7,13,7,17] Task T2 is estimated at 600 lines, more than 400. Split it into smaller tasks of at most 400 lines, one PR each.',
    'TS410 [8,15,8,19] Est. Lines "lots" is not a number. Write an estimate like ~150.',
    'TS411 [11,15,11,22] Task T6 is estimated at 450 lines, more than 400. Split it into smaller tasks of at most 400 lines, one PR each.',
  ]);
  assert.deepEqual(
    only(diagnose(text, { maxTaskLines: 500 }), 'TS411').map((d) => at(d)[0]),
    [7],
  );
  assert.deepEqual(
    only(diagnose(tasksSpec(R1, R2), { maxTaskLines: 100 }), 'TS411').map((d) => at(d)),
    [[7, 14, 7, 18]],
  );
});
