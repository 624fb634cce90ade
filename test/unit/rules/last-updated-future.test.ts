import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at } from '../helpers';
import { header, headerSpec } from './helpers';

test('TS206: Last Updated later than today (today comes from the caller, not a clock)', () => {
  const [d, ...rest] = header(headerSpec({ date: '2026-11-26' }));
  assert.deepEqual(rest, []);
  assert.deepEqual([d.code, ...at(d)], ['TS206', 5, 20, 5, 30]);
  assert.equal(d.message, 'Last Updated 2026-11-26 is in the future (today is 2026-11-25): write the date of the last change.');
  assert.deepEqual(header(headerSpec({ date: '2026-11-25' })), [], 'today is not the future');
  assert.deepEqual(header(headerSpec({ date: '2026-11-26' }), '2026-12-01'), []);
  assert.deepEqual(header(headerSpec({ date: '2026-11-26' }), ''), [], 'no usable today, no claim about the future');
});
