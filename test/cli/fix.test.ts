import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, fixAll } from '../../engine';
import { fixture, project, techspec } from './helpers';

const SAMPLE = fixture('samples/webhook-retries.spec.md');
const FILE = 'webhook-retries.spec.md';
const options = { uri: FILE, today: '2026-01-01' };

test('--fix applies the safe fixes: nothing fixable is left, text outside the edits is unchanged, a second run changes nothing', () => {
  const dir = project({ [FILE]: SAMPLE });
  const edits = fixAll(SAMPLE, options);
  assert.ok(edits.length > 0, 'the sample has fixable problems');
  const run = techspec(['lint', '--fix', '--format', 'json'], dir);
  assert.equal(run.code, 1, 'unfixable errors remain');
  const fixed = readFileSync(join(dir, FILE), 'utf8');
  assert.equal(fixed, applyEdits(SAMPLE, edits));
  assert.deepEqual(fixAll(fixed, options), []);
  const codes = JSON.parse(run.stdout)[0].problems.map((p: { code: string }) => p.code);
  for (const gone of ['TS101', 'TS406', 'TS501']) assert.ok(!codes.includes(gone), `${gone} fixed`);
  techspec(['lint', '--fix'], dir);
  assert.equal(readFileSync(join(dir, FILE), 'utf8'), fixed);
});

test('--fix keeps CRLF line endings and the BOM', () => {
  const crlf = '\uFEFF' + SAMPLE.replace(/\n/g, '\r\n');
  const dir = project({ [FILE]: crlf });
  techspec(['lint', '--fix'], dir);
  const fixed = readFileSync(join(dir, FILE), 'utf8');
  assert.ok(fixed.startsWith('\uFEFF'));
  assert.doesNotMatch(fixed, /[^\r]\n/);
  assert.equal(fixed, '\uFEFF' + applyEdits(SAMPLE, fixAll(SAMPLE, options)).replace(/\n/g, '\r\n'));
});

test('--fix --dry-run prints a unified diff and changes nothing', () => {
  const dir = project({ [FILE]: SAMPLE });
  const run = techspec(['lint', '--fix', '--dry-run', '--quiet'], dir);
  assert.equal(readFileSync(join(dir, FILE), 'utf8'), SAMPLE);
  assert.match(run.stdout, /^-{3} a\/webhook-retries\.spec\.md\n\+{3} b\/webhook-retries\.spec\.md\n/m);
  assert.match(run.stdout, /^\+## Rollout Plan$/m);
  assert.match(run.stdout, /^-\| T6 \| Alert on exhausted retries \| ~100 \| T12 \| HOOK-6 \|$/m);
  assert.match(run.stdout, /webhook-retries\.spec\.md:\d+:\d+ error TS406/, 'the report is of the file as it is');
});
