import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, only } from '../helpers';
import { brief, related, tasksSpec } from './helpers';

test('TS409: a cycle once, on every member row, its path in the message, related to each member', () => {
  const text = tasksSpec(
    '| T6 | a | ~10 | None | |',
    '| T7 | b | ~10 | T6, T8 | |',
    '| T8 | c | ~10 | T9 | |',
    '| T9 | d | ~10 | T7 | |',
    '| T10 | e | ~10 | T9 | |',
  );
  const ds = only(diagnose(text), 'TS409');
  const message = 'Dependency cycle: T7 → T9 → T8 → T7. None of these tasks can start; remove one of the dependencies.';
  assert.deepEqual(brief(ds), [`TS409 [7,2,7,4] ${message}`, `TS409 [8,2,8,4] ${message}`, `TS409 [9,2,9,4] ${message}`]);
  for (const d of ds) {
    assert.deepEqual(related(d), [
      [7, 2, 7, 4, 'T7 depends on T8'],
      [9, 2, 9, 4, 'T9 depends on T7'],
      [8, 2, 8, 4, 'T8 depends on T9'],
    ]);
  }
});

test('TS409: two separate cycles, each reported on its own members; a self-dependency is no cycle', () => {
  const text = tasksSpec('| T1 | a | ~10 | T2 | |', '| T2 | b | ~10 | T1 | |', '| T3 | c | ~10 | T3, T4 | |', '| T4 | d | ~10 | T3 | |');
  assert.deepEqual(
    only(diagnose(text), 'TS409').map((d) => `${at(d)[0]} ${String(d.message).split('.')[0]}`),
    ['6 Dependency cycle: T1 → T2 → T1', '7 Dependency cycle: T1 → T2 → T1', '8 Dependency cycle: T3 → T4 → T3', '9 Dependency cycle: T3 → T4 → T3'],
  );
});
