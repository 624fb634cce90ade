import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at } from '../helpers';
import { header, headerSpec } from './helpers';

test('TS203: no Author, or an empty one', () => {
  const [d] = header(headerSpec({ author: null }));
  assert.deepEqual([d.code, ...at(d)], ['TS203', 0, 2, 0, 26]);
  assert.match(String(d.message), /add "> \*\*Author\*\*: Your Name"/);
  const [e] = header(headerSpec({ author: '' }));
  assert.deepEqual([e.code, ...at(e)], ['TS203', 3, 0, 3, 13]);
  assert.equal(e.message, 'Author is empty: write who owns this spec.');
});
