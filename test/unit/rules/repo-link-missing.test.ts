import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../engine';
import { lines } from '../helpers';
import { isPathText, isRelativeFileTarget } from '../../../engine/rules/support/repoLinks';

const URI = 'file:///w/specs/x.spec.md';
/** The files of the workspace, as paths relative to the spec's folder (/w/specs/). */
const EXISTING = new Set(['adr/0001.md', '../prd/x.md', './notes.md', 'dir with space/a.md']);
const asked: [string, string][] = [];
const fileExists = (path: string, doc: string) => {
  asked.push([path, doc]);
  return EXISTING.has(path);
};

/** TS1103 and TS204 findings, with the host's `fileExists` (null: a host without it). */
const linkDiags = (text: string, exists: ((p: string, d: string) => boolean | undefined) | null = fileExists) =>
  lint(text, { uri: URI, today: '2026-11-25', force: true, ...(exists ? { fileExists: exists } : {}) })
    .filter((d) => d.code === 'TS1103' || d.code === 'TS204')
    .map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message]);

test('what counts as a repository path', () => {
  assert.deepEqual(['docs/prd.md', './a', '../b/c.yaml', 'adr/0001.md#context', 'notes.md'].map(isRelativeFileTarget), [true, true, true, true, true]);
  assert.deepEqual(['https://x.example/a.md', 'mailto:a@b.c', '#overview', '/abs/a.md', 'www.x.example', 'link', ''].map(isRelativeFileTarget), [
    false,
    false,
    false,
    false,
    false,
    false,
    false,
  ]);
  assert.deepEqual(['docs/prd/x.md', './x', 'src/app.ts', 'package.json', 'npm install', 'T1/T2'].map(isPathText), [true, true, true, false, false, false]);
});

test('TS1103: links, images and definitions to missing files, on the path; fragments and encoding handled', () => {
  asked.length = 0;
  const text = lines(
    '# Technical Spec: X',
    '',
    '> **PRD Link**: [PRD](../prd/x.md)',
    '',
    'See [ADR 1](adr/0001.md#decision), [ADR 2](adr/0002.md), ![diagram](img/flow.png) and [notes](<./notes.md>).',
    'Also [a space](dir%20with%20space/a.md), [the site](https://x.example/a.md) and [top](#x).',
    '',
    '```markdown',
    '[in code](missing/in-code.md)',
    '```',
    '',
    'Inline `[code](missing/code.md)` is no link.',
    '',
    '[ref]: ../gone/ref.md',
  );
  assert.deepEqual(linkDiags(text), [
    ['TS1103', 4, 43, 4, 54, 'No file "adr/0002.md" in the workspace (the path is relative to this spec\'s folder). Fix the path, or add the file.'],
    ['TS1103', 4, 68, 4, 80, 'No file "img/flow.png" in the workspace (the path is relative to this spec\'s folder). Fix the path, or add the file.'],
    ['TS1103', 13, 7, 13, 21, 'No file "../gone/ref.md" in the workspace (the path is relative to this spec\'s folder). Fix the path, or add the file.'],
  ]);
  // Paths are asked for decoded, with the document they are relative to.
  assert.ok(asked.some(([p, d]) => p === 'dir with space/a.md' && d === URI));
});

test('TS204/TS1103: a PRD Link or a References item may be a repository path in a code span', () => {
  const text = lines(
    '# Technical Spec: X',
    '',
    '> **PRD Link**: `docs/prd/missing.md`',
    '',
    '## References',
    '',
    '- `adr/0001.md`',
    '- `adr/0009.md`',
    '- `npm test`',
  );
  assert.deepEqual(linkDiags(text), [
    ['TS1103', 2, 17, 2, 36, 'No file "docs/prd/missing.md" in the workspace (the path is relative to this spec\'s folder). Fix the path, or add the file.'],
    ['TS1103', 7, 3, 7, 14, 'No file "adr/0009.md" in the workspace (the path is relative to this spec\'s folder). Fix the path, or add the file.'],
  ]);
});

test('TS1103: nothing without a host that can tell, or when it cannot tell', () => {
  const text = lines('# Technical Spec: X', '', 'See [ADR 2](adr/0002.md).');
  assert.deepEqual(linkDiags(text, null), []);
  assert.deepEqual(
    linkDiags(text, () => undefined),
    [],
  );
});
