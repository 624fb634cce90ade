import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, lines, only } from '../helpers';
import { HEAD, HEADER_CODES, headerSpec } from './helpers';

test('header values that are template placeholders are left to TS301', () => {
  const ds = only(diagnose(headerSpec({ status: '[Status]', author: '[Name]', prd: '[Link to PRD]', date: '[Date]' })), ...HEADER_CODES, 'TS301');
  assert.deepEqual(
    ds.map((d) => [d.code, ...at(d)]),
    [
      ['TS301', 2, 14, 2, 22],
      ['TS301', 3, 14, 3, 20],
      ['TS301', 4, 16, 4, 29],
      ['TS301', 5, 20, 5, 26],
    ],
  );
});

test('TS301: each placeholder occurrence, ranged on the bracketed text, says what to replace', () => {
  const text = lines('# Technical Spec: [Feature Name]', '', '> **Author**: [Name]', '', '## Overview', '', 'We build [thing] and [thing] again.');
  const ds = only(diagnose(text), 'TS301');
  assert.deepEqual(
    ds.map((d) => [d.code, ...at(d)]),
    [
      ['TS301', 0, 18, 0, 32],
      ['TS301', 2, 14, 2, 20],
      ['TS301', 6, 9, 6, 16],
      ['TS301', 6, 21, 6, 28],
    ],
  );
  assert.deepEqual(
    ds.map((d) => d.message),
    [
      "Template placeholder [Feature Name] is still here: replace it with the feature's name.",
      "Template placeholder [Name] is still here: replace it with the author's name.",
      'Template placeholder [thing] is still here: replace it with the real content, or delete it.',
      'Template placeholder [thing] is still here: replace it with the real content, or delete it.',
    ],
  );
  assert.equal(ds[0].severity, 2);
});

test('TS301: links, task-list boxes, footnotes and escaped brackets are not placeholders', () => {
  const text = lines(
    ...HEAD,
    '## Overview',
    '',
    'See [docs](https://x.example), [ref][r], [^1] and \\[literal\\].',
    '',
    '- [ ] open',
    '- [x] done',
    '',
    '[r]: https://x.example',
    '[^1]: A note.',
  );
  assert.deepEqual(only(diagnose(text), 'TS301'), []);
});

test("TS301: in code blocks only the template's own placeholders count", () => {
  const text = lines(...HEAD, '## Overview', '', '```mermaid', 'C4Context', '  title System Context for [Feature Name]', '  A[Box] --> B[Other]', '```');
  const ds = only(diagnose(text), 'TS301');
  assert.deepEqual(
    ds.map((d) => [d.code, ...at(d)]),
    [['TS301', 11, 27, 11, 41]],
  );
});
