import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, lines, only } from './helpers';

const HEAD = ['# Technical Spec: X', '', '> **Status**: Approved', '> **Author**: Ana', '> **PRD Link**: https://x.example/prd', '> **Last Updated**: 2026-11-20', ''];

test('TS301: each placeholder occurrence, ranged on the bracketed text, says what to replace', () => {
  const text = lines('# Technical Spec: [Feature Name]', '', '> **Author**: [Name]', '', '## Overview', '', 'We build [thing] and [thing] again.');
  const ds = only(diagnose(text), 'TS301');
  assert.deepEqual(ds.map((d) => [d.code, ...at(d)]), [['TS301', 0, 18, 0, 32], ['TS301', 2, 14, 2, 20], ['TS301', 6, 9, 6, 16], ['TS301', 6, 21, 6, 28]]);
  assert.deepEqual(ds.map((d) => d.message), [
    "Template placeholder [Feature Name] is still here: replace it with the feature's name.",
    "Template placeholder [Name] is still here: replace it with the author's name.",
    'Template placeholder [thing] is still here: replace it with the real content, or delete it.',
    'Template placeholder [thing] is still here: replace it with the real content, or delete it.',
  ]);
  assert.equal(ds[0].severity, 2);
});

test('TS301: links, task-list boxes, footnotes and escaped brackets are not placeholders', () => {
  const text = lines(...HEAD, '## Overview', '', 'See [docs](https://x.example), [ref][r], [^1] and \\[literal\\].', '', '- [ ] open', '- [x] done', '', '[r]: https://x.example', '[^1]: A note.');
  assert.deepEqual(only(diagnose(text), 'TS301'), []);
});

test('TS301: in code blocks only the template\'s own placeholders count', () => {
  const text = lines(...HEAD, '## Overview', '', '```mermaid', 'C4Context', '  title System Context for [Feature Name]', '  A[Box] --> B[Other]', '```');
  const ds = only(diagnose(text), 'TS301');
  assert.deepEqual(ds.map((d) => [d.code, ...at(d)]), [['TS301', 11, 27, 11, 41]]);
});

test('TS901: Approved while placeholders remain is an error on the Status value, pointing at each', () => {
  const text = lines(...HEAD, '## Overview', '', '[Summary] of [thing].');
  const [d, ...rest] = only(diagnose(text), 'TS901', 'TS902');
  assert.deepEqual(rest, []);
  assert.equal(d.code, 'TS901');
  assert.equal(d.severity, 1);
  assert.deepEqual(at(d), [2, 14, 2, 22]);
  assert.equal(d.message, 'Status is Approved but 2 template placeholders remain (the first, [Summary], on line 10): fill them in, or set Status back to In Review.');
  assert.deepEqual(d.data, { rule: 'approved-with-placeholders', fix: { kind: 'setStatus' } });
  assert.deepEqual(d.relatedInformation?.map((r) => [r.message, r.location.range.start.line, r.location.range.start.character]), [
    ['Placeholder [Summary]', 9, 0],
    ['Placeholder [thing]', 9, 13],
  ]);
});

test('TS902: Approved while Open Questions has unchecked items; checked ones and other sections do not count', () => {
  const text = lines(
    ...HEAD,
    '## Testing Strategy',
    '- [ ] not a question',
    '',
    '## Open Questions / Decisions Needed',
    '',
    '- [x] Which queue?',
    '- [ ] Which region?',
  );
  const ds = only(diagnose(text), 'TS901', 'TS902');
  assert.equal(ds.length, 1);
  const [d] = ds;
  assert.equal(d.code, 'TS902');
  assert.equal(d.severity, 1);
  assert.deepEqual(at(d), [2, 14, 2, 22]);
  assert.equal(d.message, 'Status is Approved but 1 open question is unchecked: decide each and check it off, or set Status back to In Review.');
  assert.deepEqual(d.relatedInformation?.map((r) => [r.message, r.location.range.start.line]), [['Open question: Which region?', 13]]);
});

test('TS901/TS902: not raised when Status is not exactly Approved', () => {
  for (const status of ['In Review', 'Draft', 'approved']) {
    const text = lines('# Technical Spec: X', '', `> **Status**: ${status}`, '', '## Open Questions', '', '- [ ] [Question]');
    assert.deepEqual(only(diagnose(text), 'TS901', 'TS902'), [], status);
  }
});

test('TS901/TS902: a complete Approved spec passes', () => {
  const text = lines(...HEAD, '## Open Questions / Decisions Needed', '', '- [x] Which queue? SQS.');
  assert.deepEqual(only(diagnose(text), 'TS901', 'TS902', 'TS301'), []);
});
