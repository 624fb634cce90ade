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

test('TS206: Last Updated later than today (today comes from the caller, not a clock)', () => {
  const [d, ...rest] = header(spec({ date: '2026-11-26' }));
  assert.deepEqual(rest, []);
  assert.deepEqual([d.code, ...at(d)], ['TS206', 5, 20, 5, 30]);
  assert.equal(d.message, 'Last Updated 2026-11-26 is in the future (today is 2026-11-25): write the date of the last change.');
  assert.deepEqual(header(spec({ date: '2026-11-25' })), [], 'today is not the future');
  assert.deepEqual(header(spec({ date: '2026-11-26' }), '2026-12-01'), []);
  assert.deepEqual(header(spec({ date: '2026-11-26' }), ''), [], 'no usable today, no claim about the future');
});
