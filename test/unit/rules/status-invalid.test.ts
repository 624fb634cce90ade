import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at } from '../helpers';
import { header, headerSpec } from './helpers';

test('a complete, valid header yields no header diagnostics', () => {
  assert.deepEqual(header(headerSpec()), []);
  assert.deepEqual(header(headerSpec({ status: 'In Review' })), []);
  assert.deepEqual(header(headerSpec({ status: 'Approved' })), []);
});

test('TS202: values match in any case and in common other forms', () => {
  for (const status of ['draft', 'in review', 'APPROVED', 'Under Review']) assert.deepEqual(header(headerSpec({ status })), [], status);
});

test('TS202: not one of Draft / In Review / Approved, with the closest value suggested and setStatus fix data', () => {
  const [d] = header(headerSpec({ status: 'Aproved' }));
  assert.equal(d.code, 'TS202');
  assert.deepEqual(at(d), [2, 14, 2, 21]);
  assert.equal(d.message, 'Status "Aproved" is not one of Draft, In Review or Approved: write "Approved".');
  assert.deepEqual(d.data, { rule: 'status-invalid', fix: { kind: 'setStatus' } });

  assert.equal(header(headerSpec({ status: 'Reviewing' }))[0].message, 'Status "Reviewing" is not one of Draft, In Review or Approved: write one of them.');
  assert.equal(header(headerSpec({ status: 'Drafty' }))[0].message, 'Status "Drafty" is not one of Draft, In Review or Approved: write "Draft".');
});

test('TS202: the template\'s "Draft | In Review | Approved" asks to pick one', () => {
  const [d] = header(headerSpec({ status: 'Draft | In Review | Approved' }));
  assert.equal(d.code, 'TS202');
  assert.deepEqual(at(d), [2, 14, 2, 42]);
  assert.equal(d.message, 'Status lists 3 values: keep exactly one of Draft, In Review or Approved.');
});
