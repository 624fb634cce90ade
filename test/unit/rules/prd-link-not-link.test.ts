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
