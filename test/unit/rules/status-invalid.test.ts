import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, lines, only } from '../helpers';

const HEADER_CODES = ['TS201', 'TS202', 'TS203', 'TS204', 'TS205', 'TS206'];

/** A spec whose header lines are given (null leaves the field out); header fields are lines 2-5. */
function spec(fields: { status?: string | null; author?: string | null; prd?: string | null; date?: string | null } = {}): string {
  const f = { status: 'Draft', author: 'Ana Lima', prd: '[PRD](https://example.com/prd/1)', date: '2026-11-20', ...fields };
  return lines(
    '# Technical Spec: Payments',
    '',
    ...(f.status === null ? [] : [`> **Status**: ${f.status}`]),
    ...(f.author === null ? [] : [`> **Author**: ${f.author}`]),
    ...(f.prd === null ? [] : [`> **PRD Link**: ${f.prd}`]),
    ...(f.date === null ? [] : [`> **Last Updated**: ${f.date}`]),
    '',
    '## Overview',
    '',
    'Text.',
  );
}

const header = (text: string, today?: string) => only(diagnose(text, {}, today), ...HEADER_CODES);

test('a complete, valid header yields no header diagnostics', () => {
  assert.deepEqual(header(spec()), []);
  assert.deepEqual(header(spec({ status: 'In Review' })), []);
  assert.deepEqual(header(spec({ status: 'Approved' })), []);
});

test('TS202: not exactly Draft / In Review / Approved, with the closest value suggested and setStatus fix data', () => {
  const [d] = header(spec({ status: 'draft' }));
  assert.equal(d.code, 'TS202');
  assert.deepEqual(at(d), [2, 14, 2, 19]);
  assert.equal(d.message, 'Status "draft" is not one of Draft, In Review or Approved: write "Draft".');
  assert.deepEqual(d.data, { rule: 'status-invalid', fix: { kind: 'setStatus' } });

  assert.equal(header(spec({ status: 'Aproved' }))[0].message, 'Status "Aproved" is not one of Draft, In Review or Approved: write "Approved".');
  assert.equal(header(spec({ status: 'Reviewing' }))[0].message, 'Status "Reviewing" is not one of Draft, In Review or Approved: write one of them.');
  assert.equal(header(spec({ status: 'in review' }))[0].message, 'Status "in review" is not one of Draft, In Review or Approved: write "In Review".');
});

test('TS202: the template\'s "Draft | In Review | Approved" asks to pick one', () => {
  const [d] = header(spec({ status: 'Draft | In Review | Approved' }));
  assert.equal(d.code, 'TS202');
  assert.deepEqual(at(d), [2, 14, 2, 42]);
  assert.equal(d.message, 'Status lists 3 values: keep exactly one of Draft, In Review or Approved.');
});
