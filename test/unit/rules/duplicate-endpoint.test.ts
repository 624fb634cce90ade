import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at } from '../helpers';
import { api, codes } from './helpers';

test('TS802: the same method and path twice, parameter names aside, with related information', () => {
  const text = api('#### `GET /users/{id}`', '', '#### POST /users', '', '#### `GET /users/:userId/`', '', '#### GET /users/{id}/orders');
  const ds = codes(text, 'TS802');
  assert.equal(ds.length, 1);
  assert.deepEqual(at(ds[0]), [9, 5, 9, 26]);
  assert.equal(ds[0].message, 'GET /users/:userId/ is already described on line 6: merge the two descriptions, or fix the method or path.');
  assert.deepEqual(
    ds[0].relatedInformation?.map((r) => [r.message, r.location.range]),
    [['First description of GET /users/{id}', { start: { line: 5, character: 5 }, end: { line: 5, character: 22 } }]],
  );
});
