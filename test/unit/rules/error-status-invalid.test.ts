import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at } from '../helpers';
import { api, codes } from './helpers';

test('TS803: a status that is not an HTTP status code 100-599, ranged on the cell', () => {
  const text = api(
    '#### POST /users',
    '',
    '**Errors**:',
    '| Status | Code | Description |',
    '|---|---|---|',
    '| 400 | A | a |',
    '| 4xx | B | b |',
    '| 600 | C | c |',
    '| Conflict | D | d |',
    '|  | E | e |',
    '| `409` | F | f |',
    '| 099 | G | g |',
  );
  const ds = codes(text, 'TS803');
  assert.deepEqual(
    ds.map((d) => [d.code, ...at(d)]),
    [
      ['TS803', 11, 2, 11, 5],
      ['TS803', 12, 2, 12, 5],
      ['TS803', 13, 2, 13, 10],
      ['TS803', 14, 1, 14, 3],
      ['TS803', 16, 2, 16, 5],
    ],
  );
  assert.equal(ds[0].message, '"4xx" is not an HTTP status code: write a number from 100 to 599, like 400 or 404.');
  assert.equal(ds[3].message, 'The status is empty: write the HTTP status code, a number from 100 to 599 like 400.');
});

test('TS803: only Status tables inside an endpoint; a heading-level endpoint covers its subheadings', () => {
  const text = api(
    '| Status | Note |',
    '|---|---|',
    '| soon | x |',
    '',
    '### PUT /users/{id}',
    '',
    '#### Errors',
    '',
    '| HTTP Status | Code |',
    '|---|---|',
    '| nope | X |',
    '',
    '| Code | Status |',
    '|---|---|',
    '| X | nope |',
  );
  assert.deepEqual(codes(text, 'TS803').map(at), [[15, 2, 15, 6]]);
});
