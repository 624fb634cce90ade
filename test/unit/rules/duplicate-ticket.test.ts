import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, only, taskSpec } from '../helpers';

test('TS413: a key used by a second task, on the later one, with the first as related information', () => {
  const text = taskSpec('Tickets', ['| T1 | A | ~10 | None | WS-1 |', '| T2 | B | ~10 | T1 | WS-2 |', '| T3 | C | ~10 | T2 | WS-3, WS-1 |']);
  const found = only(diagnose(text), 'TS413');
  assert.deepEqual(
    found.map((d) => [...at(d), d.message]),
    [[8, 28, 8, 32, 'Ticket WS-1 is already the ticket of T1: give T3 its own ticket.']],
  );
  assert.deepEqual(
    found[0].relatedInformation?.map((r) => [r.location.range.start.line, r.location.range.start.character, r.location.range.end.character, r.message]),
    [[6, 24, 28, 'WS-1 on T1']],
  );
});

test('TS413: distinct keys, an invalid token twice and two rows of one task ID are not flagged', () => {
  const text = taskSpec('Tickets', [
    '| T1 | A | ~10 | None | WS-1 |',
    '| T2 | B | ~10 | T1 | WS-2 |',
    '| T3 | C | ~10 | T1 | odd |',
    '| T4 | D | ~10 | T1 | odd |',
    '| T1 | A again | ~10 | None | WS-1 |',
  ]);
  assert.deepEqual(only(diagnose(text), 'TS413'), []);
});
