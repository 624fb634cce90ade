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

test('TS203: no Author, or an empty one', () => {
  const [d] = header(spec({ author: null }));
  assert.deepEqual([d.code, ...at(d)], ['TS203', 0, 2, 0, 26]);
  assert.match(String(d.message), /add "> \*\*Author\*\*: Your Name"/);
  const [e] = header(spec({ author: '' }));
  assert.deepEqual([e.code, ...at(e)], ['TS203', 3, 0, 3, 13]);
  assert.equal(e.message, 'Author is empty: write who owns this spec.');
});
