import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, lines, only } from './helpers';

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

test('TS201: no Status is flagged on the title text; an empty Status on its line', () => {
  const [d, ...rest] = header(spec({ status: null }));
  assert.deepEqual(rest, []);
  assert.equal(d.code, 'TS201');
  assert.deepEqual(at(d), [0, 2, 0, 26]);
  assert.equal(d.severity, 2);
  assert.match(String(d.message), /add "> \*\*Status\*\*: Draft"/);

  const [e] = header(spec({ status: '' }));
  assert.equal(e.code, 'TS201');
  assert.deepEqual(at(e), [2, 0, 2, 13]);
  assert.equal(e.message, 'Status is empty: write Draft, In Review or Approved.');
});

test('TS201 and TS203 on a document without title or header: the first line', () => {
  const ds = header(lines('Just some text.', '', '## Overview'));
  assert.deepEqual(ds.map((d) => [d.code, ...at(d)]), [['TS201', 0, 0, 0, 15], ['TS203', 0, 0, 0, 15]]);
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

test('TS203: no Author, or an empty one', () => {
  const [d] = header(spec({ author: null }));
  assert.deepEqual([d.code, ...at(d)], ['TS203', 0, 2, 0, 26]);
  assert.match(String(d.message), /add "> \*\*Author\*\*: Your Name"/);
  const [e] = header(spec({ author: '' }));
  assert.deepEqual([e.code, ...at(e)], ['TS203', 3, 0, 3, 13]);
  assert.equal(e.message, 'Author is empty: write who owns this spec.');
});

test('TS204: a PRD Link that is not a link; links, autolinks and bare URLs pass', () => {
  for (const ok of ['[PRD](https://x.example/prd)', '<https://x.example/prd>', 'https://x.example/prd', 'www.example.com/prd', 'See [the PRD](https://x.example/p) (v2)']) {
    assert.deepEqual(header(spec({ prd: ok })), [], ok);
  }
  const [d] = header(spec({ prd: 'the payments PRD' }));
  assert.deepEqual([d.code, ...at(d)], ['TS204', 4, 16, 4, 32]);
  assert.equal(d.message, 'PRD Link "the payments PRD" is not a link: write the PRD\'s URL or a markdown link like [PRD](https://…).');
  const [e] = header(spec({ prd: '[PRD]()' }));
  assert.deepEqual([e.code, ...at(e)], ['TS204', 4, 16, 4, 23]);
  const [f] = header(spec({ prd: '' }));
  assert.deepEqual([f.code, ...at(f)], ['TS204', 4, 0, 4, 15]);
  assert.deepEqual(header(spec({ prd: null })), [], 'a missing PRD Link line is not flagged');
});

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

test('TS206: Last Updated later than today (today comes from the caller, not a clock)', () => {
  const [d, ...rest] = header(spec({ date: '2026-11-26' }));
  assert.deepEqual(rest, []);
  assert.deepEqual([d.code, ...at(d)], ['TS206', 5, 20, 5, 30]);
  assert.equal(d.message, 'Last Updated 2026-11-26 is in the future (today is 2026-11-25): write the date of the last change.');
  assert.deepEqual(header(spec({ date: '2026-11-25' })), [], 'today is not the future');
  assert.deepEqual(header(spec({ date: '2026-11-26' }), '2026-12-01'), []);
  assert.deepEqual(header(spec({ date: '2026-11-26' }), ''), [], 'no usable today, no claim about the future');
});

test('header values that are template placeholders are left to TS301', () => {
  const ds = only(diagnose(spec({ status: '[Status]', author: '[Name]', prd: '[Link to PRD]', date: '[Date]' })), ...HEADER_CODES, 'TS301');
  assert.deepEqual(ds.map((d) => [d.code, ...at(d)]), [
    ['TS301', 2, 14, 2, 22],
    ['TS301', 3, 14, 3, 20],
    ['TS301', 4, 16, 4, 29],
    ['TS301', 5, 20, 5, 26],
  ]);
});

test('header fields without a blockquote and with the colon inside the bold are read too', () => {
  const text = lines('# Technical Spec: X', '', '**Status:** Done', '**Author:** Bo', '**Last Updated:** 2026-1-1', '', '## Overview');
  assert.deepEqual(header(text).map((d) => [d.code, ...at(d)]), [['TS202', 2, 12, 2, 16], ['TS205', 4, 18, 4, 26]]);
});

test('TS201/TS203: a Status or Author given in the front matter counts', () => {
  const text = lines('---', 'status: Draft', 'author: Ana', '---', '', '# Technical Spec: X', '', '## Overview');
  assert.deepEqual(header(text), []);
  const noAuthor = lines('---', 'techspec: true', '---', '# Technical Spec: X');
  assert.deepEqual(header(noAuthor).map((d) => [d.code, ...at(d)]), [['TS201', 3, 2, 3, 19], ['TS203', 3, 2, 3, 19]]);
});
