import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, lines } from '../helpers';
import { api, codes } from './helpers';

test('valid endpoints, error tables and JSON pass', () => {
  const text = api(
    '#### `POST /api/v1/users`',
    '',
    '```json',
    '{ "name": "Ana", "tags": ["a", "b"], "n": -1.5e3, "ok": true, "x": null }',
    '```',
    '',
    '| Status | Code | Description |',
    '|---|---|---|',
    '| 400 | INVALID | Bad input |',
    '| 404 Not Found | NOT_FOUND | No user |',
    '',
    '#### GET /api/v1/users/{id}',
    '',
    '### GET /api/v1/users (paginated)',
    '',
    '#### Pagination',
    '',
    'Cursor based.',
    '#### Request/Response',
    '',
  );
  assert.deepEqual(codes(text, 'TS801', 'TS802', 'TS803', 'TS804'), []);
});

test('TS801: a heading that is not METHOD /path with a real method, ranged on the heading text', () => {
  const text = api('#### `FETCH /users`', '#### GET users', '#### get /users', '#### /users', '### `users`', '#### PSOT /users');
  const ds = codes(text, 'TS801');
  assert.deepEqual(
    ds.map((d) => [d.code, ...at(d)]),
    [
      ['TS801', 5, 5, 5, 19],
      ['TS801', 6, 5, 6, 14],
      ['TS801', 7, 5, 7, 15],
      ['TS801', 8, 5, 8, 11],
      ['TS801', 9, 4, 9, 11],
      ['TS801', 10, 5, 10, 16],
    ],
  );
  assert.deepEqual(
    ds.map((d) => d.message),
    [
      'Endpoint heading "FETCH /users": "FETCH" is not an HTTP method: write METHOD /path with one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, TRACE or CONNECT, like "PATCH /users".',
      'Endpoint heading "GET users": it has no path starting with /: write it as METHOD /path, like "GET /users".',
      'Endpoint heading "get /users": write the HTTP method in capitals: "GET /users".',
      'Endpoint heading "/users": it has no HTTP method: write METHOD /path with one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, TRACE or CONNECT, like "GET /users".',
      'Endpoint heading "users": "users" is not an HTTP method: write METHOD /path with one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, TRACE or CONNECT, like "GET /resource".',
      'Endpoint heading "PSOT /users": "PSOT" is not an HTTP method: write METHOD /path with one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, TRACE or CONNECT, like "POST /users".',
    ],
  );
  assert.equal(ds[0].severity, 2);
});

test('TS801: words after the path need a separator', () => {
  const [d] = codes(api('#### POST /users for admins'), 'TS801');
  assert.deepEqual(at(d), [5, 5, 5, 27]);
  assert.equal(
    d.message,
    'Endpoint heading "POST /users for admins": put the words after the path in parentheses or after a dash: "POST /users (for admins)".',
  );
  assert.deepEqual(codes(api('#### POST /users (for admins)', '#### POST /users - for admins', '#### POST /users: for admins'), 'TS801'), []);
});

test('TS801: endpoint-like headings outside API Design are not endpoints', () => {
  assert.deepEqual(codes(lines('# Technical Spec: X', '', '## Overview', '', '#### FETCH /users'), 'TS801'), []);
});
