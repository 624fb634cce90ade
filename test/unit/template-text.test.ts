// TEMPLATE_TEXT is a hand copy of the team's template: it must stay the repository's copy
// (engine/template/tech-spec-template.md), byte for byte, and that copy the shared original.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { TEMPLATE_TEXT } from '../../engine/templateText';

const ROOT = resolve(__dirname, '../..');
const REPOSITORY_COPY = join(ROOT, 'engine/template/tech-spec-template.md');

/** shared/template/tech-spec-template.md in the nearest folder above the repository that has one. */
function sharedTemplate(): string | undefined {
  for (let dir = dirname(ROOT); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared/template/tech-spec-template.md');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

test('TEMPLATE_TEXT is engine/template/tech-spec-template.md exactly', () => {
  assert.equal(TEMPLATE_TEXT, readFileSync(REPOSITORY_COPY, 'utf8'));
});

test('engine/template/tech-spec-template.md is the shared template exactly, where the shared one is present', (t) => {
  const shared = sharedTemplate();
  if (!shared) return t.skip('no shared/template/tech-spec-template.md above the repository');
  assert.equal(readFileSync(REPOSITORY_COPY, 'utf8'), readFileSync(shared, 'utf8'), `${REPOSITORY_COPY} differs from ${shared}`);
});
