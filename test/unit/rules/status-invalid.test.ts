import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at } from '../helpers';
import { header, headerSpec } from './helpers';

test('a complete, valid header yields no header diagnostics', () => {
  assert.deepEqual(header(headerSpec()), []);
  assert.deepEqual(header(headerSpec({ status: 'In Review' })), []);
  assert.deepEqual(header(headerSpec({ status: 'Approved' })), []);
});

test('TS202: not exactly Draft / In Review / Approved, with the closest value suggested and setStatus fix data', () => {
  const [d] = header(headerSpec({ status: 'draft' }));
  assert.equal(d.code, 'TS202');
  assert.deepEqual(at(d), [2, 14, 2, 19]);
  assert.equal(d.message, 'Status "draft" is not one of Draft, In Review or Approved: write "Draft".');
  assert.deepEqual(d.data, { rule: 'status-invalid', fix: { kind: 'setStatus' } });

  assert.equal(header(headerSpec({ status: 'Aproved' }))[0].message, 'Status "Aproved" is not one of Draft, In Review or Approved: write "Approved".');
  assert.equal(header(headerSpec({ status: 'Reviewing' }))[0].message, 'Status "Reviewing" is not one of Draft, In Review or Approved: write one of them.');
  assert.equal(header(headerSpec({ status: 'in review' }))[0].message, 'Status "in review" is not one of Draft, In Review or Approved: write "In Review".');
});

test('TS202: the template\'s "Draft | In Review | Approved" asks to pick one', () => {
  const [d] = header(headerSpec({ status: 'Draft | In Review | Approved' }));
  assert.equal(d.code, 'TS202');
  assert.deepEqual(at(d), [2, 14, 2, 42]);
  assert.equal(d.message, 'Status lists 3 values: keep exactly one of Draft, In Review or Approved.');
});
