import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, lines } from '../helpers';
import { api, codes } from './helpers';

test("TS804: invalid JSON is an error ranged at the parser's error", () => {
  const text = api(
    '#### POST /users',
    '',
    '```json',
    '{',
    '  "name": "Ana"',
    '  "age": 3',
    '}',
    '```',
    '',
    '```json',
    '{ "a": 1, }',
    '```',
    '',
    '```json',
    '{ "a": 1 } // note',
    '```',
    '',
    '```json',
    "{ 'a': 1 }",
    '```',
    '',
    '```json',
    '{ "a": [1, 2 }',
    '```',
    '',
    '```json',
    '{ "a": ...',
    '```',
    '',
    '```json',
    '{ "a": 1',
    '```',
    '',
    '```JSON',
    '[1, 2] [3]',
    '```',
    '',
    '```json',
    '```',
  );
  const ds = codes(text, 'TS804');
  assert.deepEqual(
    ds.map((d) => [d.code, ...at(d), d.message]),
    [
      ['TS804', 10, 2, 10, 7, 'Invalid JSON: a comma is expected between the items.'],
      ['TS804', 15, 8, 15, 9, 'Invalid JSON: JSON allows no trailing comma: remove it.'],
      [
        'TS804',
        23,
        2,
        23,
        5,
        'Invalid JSON: unexpected "\'a\'": write a JSON value (a string in double quotes, a number, an object, an array, true, false or null).',
      ],
      ['TS804', 27, 13, 27, 14, 'Invalid JSON: a comma is expected between the items.'],
      ['TS804', 31, 7, 31, 8, 'Invalid JSON: the object is not closed: add }.'],
      ['TS804', 35, 7, 35, 8, 'Invalid JSON: the object is not closed: add }.'],
      ['TS804', 39, 7, 39, 8, 'Invalid JSON: text after the end of the JSON value: remove it, or wrap the values in an array.'],
      ['TS804', 42, 0, 42, 7, 'This json block is empty: write the JSON, or remove the block.'],
    ],
  );
  assert.equal(ds[0].severity, 1);
});

test('TS804: `...` and `…` elisions and comments are documentation, not errors', () => {
  const text = api(
    '```json',
    '{',
    '  "id": "shp_1",   // opaque',
    '  "events": [ { "at": 1 }, ... ],',
    '  "page": { ... },',
    '  "tags": […],',
    '  "total": ...,',
    '  "note": "a string with ... inside",',
    '  /* the rest */',
    '  ...',
    '}',
    '```',
    '',
    '```json',
    '[1, 2, …, 9]',
    '```',
  );
  assert.deepEqual(codes(text, 'TS804'), []);
});

test('TS804: a real error next to an elision is still reported where it is', () => {
  const text = api(
    '```json',
    '{',
    '  "a": [1, ...],',
    '  "b" 2,',
    '  ...',
    '}',
    '```',
    '',
    '```json',
    '{ "a": 1, ..., , "b": 2 }',
    '```',
    '',
    '```json',
    '{ "a": 1 /* open',
    '```',
  );
  const ds = codes(text, 'TS804');
  assert.deepEqual(
    ds.map((d) => [...at(d), d.message]),
    [
      [8, 6, 8, 7, 'Invalid JSON: a colon is expected after the property name.'],
      [14, 15, 14, 16, 'Invalid JSON: a property name in double quotes is expected here.'],
      [18, 9, 18, 16, 'Invalid JSON: the comment is not closed: add */.'],
    ],
  );
});

test('TS804: offsets map through blockquote and list indentation, and CRLF line endings', () => {
  const quoted = lines('# Technical Spec: X', '', '> ```json', '> {', '>   "a": 1,', '> }', '> ```', '', '- item', '', '  ```json', '  [1,,2]', '  ```');
  assert.deepEqual(codes(quoted, 'TS804').map(at), [
    [4, 10, 4, 11],
    [11, 5, 11, 6],
  ]);
  const crlf = ['# Technical Spec: X', '', '```json', '{', '  "a": 1', '  "b": 2', '}', '```', ''].join('\r\n');
  const [d] = codes(crlf, 'TS804');
  assert.deepEqual(at(d), [5, 2, 5, 5]);
});

test('TS804: other languages, jsonc and unlabelled blocks are not checked', () => {
  const text = lines('# Technical Spec: X', '', '```jsonc', '{ "a": 1, } // ok', '```', '', '```', '{ nope', '```', '', '```js', '{ a: 1 }', '```');
  assert.deepEqual(codes(text, 'TS804'), []);
});
