import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, lines, only } from './helpers';

/** Lines under "### New Endpoints"; the first given line is line 5. */
const api = (...body: string[]) => lines('# Technical Spec: X', '', '## API Design', '', '### New Endpoints', ...body);
const codes = (text: string, ...c: string[]) => only(diagnose(text), ...c);

test('valid endpoints, error tables and JSON pass', () => {
  const text = api(
    '#### `POST /api/v1/users`', '', '```json', '{ "name": "Ana", "tags": ["a", "b"], "n": -1.5e3, "ok": true, "x": null }', '```', '',
    '| Status | Code | Description |', '|---|---|---|', '| 400 | INVALID | Bad input |', '| 404 Not Found | NOT_FOUND | No user |', '',
    '#### GET /api/v1/users/{id}', '', '### GET /api/v1/users (paginated)', '', '#### Pagination', '', 'Cursor based.', '#### Request/Response', '',
  );
  assert.deepEqual(codes(text, 'TS801', 'TS802', 'TS803', 'TS804'), []);
});

test('TS801: a heading that is not METHOD /path with a real method, ranged on the heading text', () => {
  const text = api('#### `FETCH /users`', '#### GET users', '#### get /users', '#### /users', '### `users`', '#### PSOT /users');
  const ds = codes(text, 'TS801');
  assert.deepEqual(ds.map((d) => [d.code, ...at(d)]), [
    ['TS801', 5, 5, 5, 19], ['TS801', 6, 5, 6, 14], ['TS801', 7, 5, 7, 15], ['TS801', 8, 5, 8, 11], ['TS801', 9, 4, 9, 11], ['TS801', 10, 5, 10, 16],
  ]);
  assert.deepEqual(ds.map((d) => d.message), [
    'Endpoint heading "FETCH /users": "FETCH" is not an HTTP method: write METHOD /path with one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, TRACE or CONNECT, like "PATCH /users".',
    'Endpoint heading "GET users": it has no path starting with /: write it as METHOD /path, like "GET /users".',
    'Endpoint heading "get /users": write the HTTP method in capitals: "GET /users".',
    'Endpoint heading "/users": it has no HTTP method: write METHOD /path with one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, TRACE or CONNECT, like "GET /users".',
    'Endpoint heading "users": "users" is not an HTTP method: write METHOD /path with one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, TRACE or CONNECT, like "GET /resource".',
    'Endpoint heading "PSOT /users": "PSOT" is not an HTTP method: write METHOD /path with one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, TRACE or CONNECT, like "POST /users".',
  ]);
  assert.equal(ds[0].severity, 2);
});

test('TS801: words after the path need a separator', () => {
  const [d] = codes(api('#### POST /users for admins'), 'TS801');
  assert.deepEqual(at(d), [5, 5, 5, 27]);
  assert.equal(d.message, 'Endpoint heading "POST /users for admins": put the words after the path in parentheses or after a dash: "POST /users (for admins)".');
  assert.deepEqual(codes(api('#### POST /users (for admins)', '#### POST /users - for admins', '#### POST /users: for admins'), 'TS801'), []);
});

test('TS801: endpoint-like headings outside API Design are not endpoints', () => {
  assert.deepEqual(codes(lines('# Technical Spec: X', '', '## Overview', '', '#### FETCH /users'), 'TS801'), []);
});

test('TS802: the same method and path twice, parameter names aside, with related information', () => {
  const text = api('#### `GET /users/{id}`', '', '#### POST /users', '', '#### `GET /users/:userId/`', '', '#### GET /users/{id}/orders');
  const ds = codes(text, 'TS802');
  assert.equal(ds.length, 1);
  assert.deepEqual(at(ds[0]), [9, 5, 9, 26]);
  assert.equal(ds[0].message, 'GET /users/:userId/ is already described on line 6: merge the two descriptions, or fix the method or path.');
  assert.deepEqual(ds[0].relatedInformation?.map((r) => [r.message, r.location.range]), [
    ['First description of GET /users/{id}', { start: { line: 5, character: 5 }, end: { line: 5, character: 22 } }],
  ]);
});

test('TS803: a status that is not an HTTP status code 100-599, ranged on the cell', () => {
  const text = api(
    '#### POST /users', '', '**Errors**:', '| Status | Code | Description |', '|---|---|---|',
    '| 400 | A | a |', '| 4xx | B | b |', '| 600 | C | c |', '| Conflict | D | d |', '|  | E | e |', '| `409` | F | f |', '| 099 | G | g |',
  );
  const ds = codes(text, 'TS803');
  assert.deepEqual(ds.map((d) => [d.code, ...at(d)]), [
    ['TS803', 11, 2, 11, 5], ['TS803', 12, 2, 12, 5], ['TS803', 13, 2, 13, 10], ['TS803', 14, 1, 14, 3], ['TS803', 16, 2, 16, 5],
  ]);
  assert.equal(ds[0].message, '"4xx" is not an HTTP status code: write a number from 100 to 599, like 400 or 404.');
  assert.equal(ds[3].message, 'The status is empty: write the HTTP status code, a number from 100 to 599 like 400.');
});

test('TS803: only Status tables inside an endpoint; a heading-level endpoint covers its subheadings', () => {
  const text = api(
    '| Status | Note |', '|---|---|', '| soon | x |', '',
    '### PUT /users/{id}', '', '#### Errors', '', '| HTTP Status | Code |', '|---|---|', '| nope | X |', '',
    '| Code | Status |', '|---|---|', '| X | nope |',
  );
  assert.deepEqual(codes(text, 'TS803').map(at), [[15, 2, 15, 6]]);
});

test('TS804: invalid JSON is an error ranged at the parser\'s error', () => {
  const text = api(
    '#### POST /users', '',
    '```json', '{', '  "name": "Ana"', '  "age": 3', '}', '```', '',
    '```json', '{ "a": 1, }', '```', '',
    '```json', '{ "a": 1 } // note', '```', '',
    '```json', "{ 'a': 1 }", '```', '',
    '```json', '{ "a": [1, 2 }', '```', '',
    '```json', '{ "a": ...', '```', '',
    '```json', '{ "a": 1', '```', '',
    '```JSON', '[1, 2] [3]', '```', '',
    '```json', '```',
  );
  const ds = codes(text, 'TS804');
  assert.deepEqual(ds.map((d) => [d.code, ...at(d), d.message]), [
    ['TS804', 10, 2, 10, 7, 'Invalid JSON: a comma is expected between the items.'],
    ['TS804', 15, 8, 15, 9, 'Invalid JSON: JSON allows no trailing comma: remove it.'],
    ['TS804', 19, 11, 19, 18, 'Invalid JSON: comments are not allowed in JSON: remove the comment, or mark the block jsonc.'],
    ['TS804', 23, 2, 23, 5, 'Invalid JSON: unexpected "\'a\'": write a JSON value (a string in double quotes, a number, an object, an array, true, false or null).'],
    ['TS804', 27, 13, 27, 14, 'Invalid JSON: a comma is expected between the items.'],
    ['TS804', 31, 7, 31, 10, 'Invalid JSON: unexpected "...": write a JSON value (a string in double quotes, a number, an object, an array, true, false or null).'],
    ['TS804', 35, 7, 35, 8, 'Invalid JSON: the object is not closed: add }.'],
    ['TS804', 39, 7, 39, 8, 'Invalid JSON: text after the end of the JSON value: remove it, or wrap the values in an array.'],
    ['TS804', 42, 0, 42, 7, 'This json block is empty: write the JSON, or remove the block.'],
  ]);
  assert.equal(ds[0].severity, 1);
});

test('TS804: offsets map through blockquote and list indentation, and CRLF line endings', () => {
  const quoted = lines('# Technical Spec: X', '', '> ```json', '> {', '>   "a": 1,', '> }', '> ```', '', '- item', '', '  ```json', '  [1,,2]', '  ```');
  assert.deepEqual(codes(quoted, 'TS804').map(at), [[4, 10, 4, 11], [11, 5, 11, 6]]);
  const crlf = ['# Technical Spec: X', '', '```json', '{', '  "a": 1', '  "b": 2', '}', '```', ''].join('\r\n');
  const [d] = codes(crlf, 'TS804');
  assert.deepEqual(at(d), [5, 2, 5, 5]);
});

test('TS804: other languages, jsonc and unlabelled blocks are not checked', () => {
  const text = lines('# Technical Spec: X', '', '```jsonc', '{ "a": 1, } // ok', '```', '', '```', '{ nope', '```', '', '```js', '{ a: 1 }', '```');
  assert.deepEqual(codes(text, 'TS804'), []);
});
