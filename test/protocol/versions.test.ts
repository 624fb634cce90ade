// No stale results: over stdio, a burst of changes yields diagnostics for the last version only, and
// diagnostics never go back to an older version. Drives the built server (test/protocol/harness.ts).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Position } from 'vscode-languageserver-protocol/node';
import { ROOT, startServer, type TestServer } from './harness';

function genSpec(tasks: number): string {
  return execFileSync(process.execPath, [join(ROOT, 'bench/gen-spec.mjs'), '--tasks', String(tasks)], { encoding: 'utf8' });
}

let server: TestServer;

before(async () => {
  server = await startServer({ timeoutMs: 60_000 });
});

after(async () => {
  await server?.dispose();
});

/** An open followed by `n` one-character edits at `at`, versions 1..n+1, as one burst. */
function burst(uri: string, text: string, at: Position, n: number): { method: string; params: unknown }[] {
  const messages: { method: string; params: unknown }[] = [
    { method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text } } },
  ];
  for (let v = 2; v <= n + 1; v++) {
    messages.push({
      method: 'textDocument/didChange',
      params: { textDocument: { uri, version: v }, contentChanges: [{ range: { start: at, end: at }, text: 'x' }] },
    });
  }
  return messages;
}

test('a burst of changes that arrives together is analyzed once, for its last version', async () => {
  const uri = 'file:///w/burst.spec.md';
  const text = genSpec(20);
  const line = text.split('\n').findIndex((l) => l.startsWith('| T10 |'));
  server.sendBurst(burst(uri, text, { line, character: 8 }, 10));
  await server.diagnostics(uri, 11);
  assert.deepEqual(server.publishedVersions(uri), [11], 'only the last version is published: the open and nine changes behind it were superseded');
});

test('changes sent while a big document is analyzed: versions only go up, and the last one is published', async () => {
  const uri = 'file:///w/slow.spec.md';
  const text = genSpec(300);
  const line = text.split('\n').findIndex((l) => l.startsWith('| T150 |'));
  server.sendBurst(burst(uri, text, { line, character: 9 }, 1));
  // More changes, one at a time, while the server is busy with the first versions.
  for (let v = 3; v <= 8; v++) {
    await server.insert(uri, v, { line, character: 9 }, 'y');
    await new Promise((r) => setImmediate(r));
  }
  await server.diagnostics(uri, 8);
  const versions = server.publishedVersions(uri);
  assert.equal(versions[versions.length - 1], 8, `the last version is published last (published: ${versions.join(', ')})`);
  for (let i = 1; i < versions.length; i++) assert.ok(versions[i]! > versions[i - 1]!, `version ${versions[i]} published after ${versions[i - 1]}`);
});
