// A big spec is parsed on two threads (the server's main thread and its parse worker): over stdio,
// the built server publishes exactly the diagnostics the single-threaded engine gives, at the open
// and for edits made while that parse runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { CompletionRequest } from 'vscode-languageserver-protocol/node';
import { createLanguageService } from '../../engine/service';
import { ROOT, startServer, type TestServer } from './harness';

/** A 2,000-task spec takes a few seconds to open on a loaded machine: this is the bound of a broken server. */
const TIMEOUT_MS = 120_000;

function genSpec(tasks: number): string {
  return execFileSync(process.execPath, [join(ROOT, 'bench/gen-spec.mjs'), '--tasks', String(tasks), '--defects'], { encoding: 'utf8', maxBuffer: 1 << 26 });
}

/** The diagnostics of the single-threaded path: the engine in this process, on the same text. */
function singleThreaded(uri: string, text: string) {
  const service = createLanguageService({ today: () => new Date().toISOString().slice(0, 10) });
  return service.analyze({ uri, version: 1, text }).diagnostics;
}

let server: TestServer;

before(async () => {
  // Below the default bound, so that a 2,000-task spec (430 KB) takes the two-thread path, on the server thread.
  server = await startServer({ env: { TECHSPEC_PARALLEL_MIN_CHARS: '300000', TECHSPEC_WORKER_MIN_CHARS: 'Infinity' }, timeoutMs: TIMEOUT_MS });
});

after(async () => {
  await server?.dispose();
});

const TEXT = genSpec(2000);

test('opening a big spec: the worker parses part of it, and the diagnostics are those of the single-threaded path', { timeout: TIMEOUT_MS }, async () => {
  const uri = 'file:///w/big.spec.md';
  await server.open(uri, TEXT);
  const published = await server.diagnostics(uri, 1);
  const expected = singleThreaded(uri, TEXT);
  assert.ok(expected.length >= 4, 'gen-spec --defects has defects to report');
  assert.deepEqual(published.diagnostics, expected);
  const logs = server.logs();
  const parsed = logs.map((m) => /parsed \d+ pieces of file:\/\/\/w\/big\.spec\.md in \d+ ms, (\d+) of them in the parse worker/.exec(m)).find((m) => m);
  assert.ok(parsed, `the server logs the parse on two threads (logs: ${logs.join(' | ')})`);
  assert.ok(Number(parsed[1]) > 0, 'the worker parsed some of it');
});

test(
  'while a big spec is parsed the server answers, and of edits sent meanwhile the last one gets the single-threaded diagnostics',
  { timeout: TIMEOUT_MS },
  async () => {
    const uri = 'file:///w/edited.spec.md';
    await server.open(uri, TEXT);
    // Answered between the slices of the parse: the analysis starts two turns after the open.
    for (let k = 0; k < 3; k++) {
      assert.deepEqual(
        await server.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: 'file:///w/not-open.spec.md' }, position: { line: 0, character: 0 } }),
        [],
      );
    }
    // Each edit turns a dependency of T10 into an unknown one: T9 → T9x → T9xx…
    const lines = TEXT.split('\n');
    const line = lines.findIndex((l) => l.startsWith('| T10 |'));
    const character = lines[line].indexOf('T9') + 2;
    let text = TEXT;
    for (let v = 2; v <= 6; v++) {
      await new Promise((resolve) => setImmediate(resolve));
      await server.insert(uri, v, { line, character }, 'x');
      const at = text.split('\n').slice(0, line).join('\n').length + 1 + character;
      text = text.slice(0, at) + 'x' + text.slice(at);
    }
    assert.deepEqual(server.publishedVersions(uri), [], 'the edits were sent before the open was analyzed');
    const last = await server.diagnostics(uri, 6);
    assert.deepEqual(last.diagnostics, singleThreaded(uri, text));
    assert.ok(
      last.diagnostics.some((d) => String(d.message).includes('T9xxxxx')),
      'the last version is the one analyzed',
    );
    const versions = server.publishedVersions(uri).map((v) => v!);
    for (let i = 1; i < versions.length; i++)
      assert.ok(versions[i] > versions[i - 1], `version ${versions[i]} published after ${versions[i - 1]} (published: ${versions.join(', ')})`);
  },
);
