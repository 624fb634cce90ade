import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at } from '../helpers';
import { header, headerSpec } from './helpers';

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
    const ds = header(headerSpec({ date: value }));
    assert.equal(ds.length, 1, value);
    assert.equal(ds[0].code, 'TS205');
    assert.deepEqual(at(ds[0]), [5, 20, 5, 20 + value.length]);
    assert.equal(ds[0].message, message);
  }
  assert.deepEqual(header(headerSpec({ date: '2024-02-29' })), [], 'a leap day is a real date');
  assert.deepEqual(header(headerSpec({ date: '2000-02-29' })), [], '2000 is a leap year');
  assert.equal(header(headerSpec({ date: '1900-02-29' }))[0]?.code, 'TS205', '1900 is not a leap year');
  const [e] = header(headerSpec({ date: '' }));
  assert.deepEqual([e.code, ...at(e)], ['TS205', 5, 0, 5, 19]);
});
