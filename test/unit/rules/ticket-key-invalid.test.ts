import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, only, taskSpec } from '../helpers';

test('TS412: a ticket that is not a key like ABC-123, on the token; lower case gets the upper-case key suggested', () => {
  const text = taskSpec('Tickets', [
    '| T1 | Good | ~10 | None | WS-101 |',
    '| T2 | Lower | ~10 | T1 | ws-102 |',
    '| T3 | Words | ~10 | T1 | see board |',
    '| T4 | Two keys | ~10 | T1 | WS-104, WS-1x5 |',
  ]);
  assert.deepEqual(
    only(diagnose(text), 'TS412').map((d) => [...at(d), d.message]),
    [
      [7, 26, 7, 32, 'Ticket "ws-102" of T2 is not a key like ABC-123 (project key in capitals, a hyphen, the number). Did you mean WS-102?'],
      [8, 26, 8, 29, 'Ticket "see" of T3 is not a key like ABC-123 (project key in capitals, a hyphen, the number).'],
      [8, 30, 8, 35, 'Ticket "board" of T3 is not a key like ABC-123 (project key in capitals, a hyphen, the number).'],
      [9, 37, 9, 43, 'Ticket "WS-1x5" of T4 is not a key like ABC-123 (project key in capitals, a hyphen, the number).'],
    ],
  );
});

test('TS412: empty cells, "no ticket" words, the template placeholder [Link], URLs and links to a key pass', () => {
  const text = taskSpec('Tickets', [
    '| T1 | Empty | ~10 | None | |',
    '| T2 | Dash | ~10 | T1 | - |',
    '| T3 | Later | ~10 | T1 | TBD |',
    '| T4 | Template | ~10 | T1 | [Link] |',
    '| T5 | URL | ~10 | T1 | https://jira.example.com/browse/WS-5 |',
    '| T6 | Linked | ~10 | T1 | [WS-6](https://jira.example.com/browse/WS-6) |',
  ]);
  assert.deepEqual(only(diagnose(text), 'TS412'), []);
});
