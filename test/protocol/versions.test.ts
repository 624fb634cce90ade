// No stale results: over stdio, a burst of changes yields diagnostics for the last version only, and
// diagnostics never go back to an older version. Drives the built server (server/out/server.js).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ensureServerBuilt, ROOT, SERVER } from './built-server';
import { StreamMessageReader, type Message, type NotificationMessage, type ResponseMessage } from 'vscode-languageserver-protocol/node';

const TIMEOUT_MS = 60_000;

function genSpec(tasks: number): string {
  return execFileSync(process.execPath, [join(ROOT, 'bench/gen-spec.mjs'), '--tasks', String(tasks)], { encoding: 'utf8' });
}

/** JSON-RPC framing of several messages in one buffer, so the server receives them as one burst. */
function frames(messages: object[]): Buffer {
  return Buffer.concat(
    messages.map((m) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    }),
  );
}

let server: ChildProcess;
const received: Message[] = [];
const waiters: { test: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];

function waitFor(what: string, test: (m: Message) => boolean): Promise<Message> {
  const seen = received.find(test);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not send ${what} within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
    waiters.push({ test, resolve: (m) => (clearTimeout(timer), resolvePromise(m)) });
  });
}

const published = (uri: string) =>
  received
    .filter((m): m is NotificationMessage => (m as NotificationMessage).method === 'textDocument/publishDiagnostics')
    .map((m) => m.params as { uri: string; version?: number })
    .filter((p) => p.uri === uri)
    .map((p) => p.version);

const diagnosticsOf = (uri: string, version: number) =>
  waitFor(`publishDiagnostics for ${uri} version ${version}`, (m) => {
    const p = (m as NotificationMessage).params as { uri?: string; version?: number } | undefined;
    return (m as NotificationMessage).method === 'textDocument/publishDiagnostics' && p?.uri === uri && p.version === version;
  });

before(async () => {
  ensureServerBuilt();
  server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  new StreamMessageReader(server.stdout!).listen((m) => {
    received.push(m);
    for (const w of [...waiters]) {
      if (w.test(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
    // The server may ask the client things (configuration, registration): answer null.
    const req = m as { id?: number | string; method?: string };
    if (req.id !== undefined && req.method) server.stdin!.write(frames([{ id: req.id, result: null }]));
  });
  server.stdin!.write(frames([{ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null } }]));
  await waitFor('the initialize response', (m) => (m as ResponseMessage).id === 1);
  server.stdin!.write(frames([{ method: 'initialized', params: {} }]));
});

after(() => {
  server.stdin!.write(frames([{ id: 2, method: 'shutdown' }, { method: 'exit' }]));
});

/** An open followed by `n` one-character edits at `at`, versions 1..n+1, as one burst. */
function burst(uri: string, text: string, at: { line: number; character: number }, n: number): Buffer {
  const messages: object[] = [{ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text } } }];
  for (let v = 2; v <= n + 1; v++) {
    messages.push({
      method: 'textDocument/didChange',
      params: { textDocument: { uri, version: v }, contentChanges: [{ range: { start: at, end: at }, text: 'x' }] },
    });
  }
  return frames(messages);
}

test('a burst of changes that arrives together is analyzed once, for its last version', async () => {
  const uri = 'file:///w/burst.spec.md';
  const text = genSpec(20);
  const line = text.split('\n').findIndex((l) => l.startsWith('| T10 |'));
  server.stdin!.write(burst(uri, text, { line, character: 8 }, 10));
  await diagnosticsOf(uri, 11);
  assert.deepEqual(published(uri), [11], 'only the last version is published: the open and nine changes behind it were superseded');
});

test('changes sent while a big document is analyzed: versions only go up, and the last one is published', async () => {
  const uri = 'file:///w/slow.spec.md';
  const text = genSpec(300);
  const line = text.split('\n').findIndex((l) => l.startsWith('| T150 |'));
  server.stdin!.write(burst(uri, text, { line, character: 9 }, 1));
  // More changes, one at a time, while the server is busy with the first versions.
  for (let v = 3; v <= 8; v++) {
    server.stdin!.write(frames([{ method: 'textDocument/didChange', params: { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line, character: 9 }, end: { line, character: 9 } }, text: 'y' }] } }]));
    await new Promise((r) => setImmediate(r));
  }
  await diagnosticsOf(uri, 8);
  const versions = published(uri);
  assert.equal(versions[versions.length - 1], 8, `the last version is published last (published: ${versions.join(', ')})`);
  for (let i = 1; i < versions.length; i++) assert.ok(versions[i]! > versions[i - 1]!, `version ${versions[i]} published after ${versions[i - 1]}`);
});
