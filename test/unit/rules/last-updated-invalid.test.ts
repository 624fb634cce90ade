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

test('TS205: Last Updated not YYYY-MM-DD, or not a real date', () => {
  const cases: [string, string][] = [
    ['Nov 20, 2026', 'Last Updated "Nov 20, 2026" is not a YYYY-MM-DD date: write the date as YYYY-MM-DD, like 2026-11-25.'],
    ['2026-2-3', 'Last Updated "2026-2-3" is not a YYYY-MM-DD date: write the date as YYYY-MM-DD, like 2026-11-25.'],
    ['2026-13-01', 'Last Updated "2026-13-01" has no month 13: write the date as YYYY-MM-DD, like 2026-11-25.'],
    ['2026-02-29', 'Last Updated "2026-02-29" is not a real date (February 2026 has 28 days): write the date as YYYY-MM-DD, like 2026-11-25.'],
    ['2026-04-31', 'Last Updated "2026-04-31" is not a real date (April 2026 has 30 days): write the date as YYYY-MM-DD, like 2026-11-25.'],
    ['2026-01-00', 'Last Updated "2026-01-00" is not a real date (January 2026 has 31 days): write the date as YYYY-MM-DD, like 2026-11-25.'],
  ];
  for (const [value, message] of cases) {
    const ds = header(spec({ date: value }));
    assert.equal(ds.length, 1, value);
    assert.equal(ds[0].code, 'TS205');
    assert.deepEqual(at(ds[0]), [5, 20, 5, 20 + value.length]);
    assert.equal(ds[0].message, message);
  }
  assert.deepEqual(header(spec({ date: '2024-02-29' })), [], 'a leap day is a real date');
  assert.deepEqual(header(spec({ date: '2000-02-29' })), [], '2000 is a leap year');
  assert.equal(header(spec({ date: '1900-02-29' }))[0]?.code, 'TS205', '1900 is not a leap year');
  const [e] = header(spec({ date: '' }));
  assert.deepEqual([e.code, ...at(e)], ['TS205', 5, 0, 5, 19]);
});
