// The one way protocol tests start the built language server (server/out/server.js --stdio) and
// talk to it over JSON-RPC, as an editor does. `npm test` builds first; a protocol test run alone
// builds when the bundle is missing or older than its sources.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ConfigurationRequest,
  createMessageConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type LogMessageParams,
  type MessageConnection,
  type Position,
  type PublishDiagnosticsParams,
  type WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';

export const ROOT = resolve(__dirname, '../..');
export const SERVER = join(ROOT, 'server/out/server.js');
/** What the server bundle is built from. */
const SOURCES = ['server/src', 'engine', 'protocol', 'package.json'].map((p) => join(ROOT, p));

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

function ensureServerBuilt(): void {
  if (existsSync(SERVER) && statSync(SERVER).mtimeMs >= Math.max(...SOURCES.map(newestChange))) return;
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

export interface ServerOptions {
  /** The client's capabilities sent in `initialize`; none by default. */
  capabilities?: ClientCapabilities;
  /** Answers workspace/configuration (section techspec) for each scope URI. */
  configuration?: (scopeUri: string | undefined) => unknown;
  workspaceFolders?: WorkspaceFolder[];
  /** Added to the server's environment. */
  env?: Record<string, string>;
  /** How long a wait lasts before it fails, naming what it waited for. */
  timeoutMs?: number;
}

/** A message from the server that a test may wait on: a notification, or a request that only informs (window/showMessageRequest). */
interface Received {
  method: string;
  params: unknown;
}

export interface TestServer {
  conn: MessageConnection;
  /** The server's answer to `initialize`. */
  init: InitializeResult;
  /** The server process's id. */
  pid: number;
  /** The first message of `method` (or one of them) that `test` accepts and no earlier wait took; fails naming `what` after the timeout. */
  waitFor<P>(method: string | string[], test: (params: P) => boolean, what: string): Promise<P>;
  /** Waits for the diagnostics of `uri` at `version`. */
  diagnostics(uri: string, version: number): Promise<PublishDiagnosticsParams>;
  /** The versions of `uri` whose diagnostics were published so far, in order. */
  publishedVersions(uri: string): (number | undefined)[];
  /** The messages of window/logMessage so far. */
  logs(): string[];
  open(uri: string, text: string, version?: number): Promise<void>;
  /** didChange inserting `text` at `at`. */
  insert(uri: string, version: number, at: Position, text: string): Promise<void>;
  /** Writes the messages to the server's stdin in one write, so that they arrive as one burst. */
  sendBurst(messages: { method: string; params: unknown }[]): void;
  /** shutdown, then exit; asserts that the server exits with 0 (it is killed if it has not exited in time). */
  dispose(): Promise<void>;
}

/** Builds the server if needed, starts it, and initializes it with `options`. */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  ensureServerBuilt();
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));

  const received: Received[] = [];
  const taken = new Set<Received>();
  const waiters: { accepts: (m: Received) => boolean; resolve: (m: Received) => void }[] = [];
  const receive = (m: Received) => {
    received.push(m);
    const i = waiters.findIndex((w) => w.accepts(m));
    if (i >= 0) {
      taken.add(m);
      waiters.splice(i, 1)[0].resolve(m);
    }
  };
  conn.onNotification((method, params) => receive({ method, params }));
  conn.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => options.configuration?.(item.scopeUri) ?? null));
  conn.onRequest(ShowMessageRequest.type, (params) => {
    receive({ method: ShowMessageRequest.method, params });
    return null;
  });
  // Registrations and any other request the server makes: accepted, with nothing to say.
  conn.onRequest(() => null);
  conn.listen();

  const waitFor = <P>(method: string | string[], test: (params: P) => boolean, what: string): Promise<P> => {
    const methods = typeof method === 'string' ? [method] : method;
    const accepts = (m: Received) => methods.includes(m.method) && test(m.params as P);
    const already = received.find((m) => !taken.has(m) && accepts(m));
    if (already) {
      taken.add(already);
      return Promise.resolve(already.params as P);
    }
    return new Promise<P>((res, rej) => {
      const waiter = { accepts, resolve: (m: Received) => (clearTimeout(timer), res(m.params as P)) };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        const seen = received.map((m) => m.method).join(', ') || 'nothing';
        rej(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what} (received so far: ${seen}; server stderr: ${stderr.trim() || 'empty'})`));
      }, timeoutMs);
      waiters.push(waiter);
    });
  };
  const published = (uri: string) =>
    received
      .filter((m) => m.method === PublishDiagnosticsNotification.method)
      .map((m) => m.params as PublishDiagnosticsParams)
      .filter((p) => p.uri === uri);

  const init = await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: options.workspaceFolders?.[0]?.uri ?? null,
    workspaceFolders: options.workspaceFolders ?? null,
    capabilities: options.capabilities ?? {},
  });
  await conn.sendNotification(InitializedNotification.type, {});

  return {
    conn,
    init,
    pid: proc.pid!,
    waitFor,
    diagnostics: (uri, version) =>
      waitFor<PublishDiagnosticsParams>(
        PublishDiagnosticsNotification.method,
        (p) => p.uri === uri && p.version === version,
        `publishDiagnostics for ${uri} version ${version}`,
      ),
    publishedVersions: (uri) => published(uri).map((p) => p.version),
    logs: () => received.filter((m) => m.method === LogMessageNotification.method).map((m) => (m.params as LogMessageParams).message),
    open: (uri, text, version = 1) =>
      conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } }),
    insert: (uri, version, at, text) =>
      conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: at, end: at }, text }],
      }),
    sendBurst(messages) {
      proc.stdin.write(
        Buffer.concat(
          messages.map((m) => {
            const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
            return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
          }),
        ),
      );
    },
    async dispose() {
      if (proc.exitCode !== null) return;
      const kill = setTimeout(() => proc.kill(), timeoutMs);
      try {
        await conn.sendRequest(ShutdownRequest.type);
        await conn.sendNotification(ExitNotification.type);
        assert.equal(await exited, 0, 'the server exits with 0 after shutdown and exit');
      } finally {
        clearTimeout(kill);
        conn.dispose();
      }
    },
  };
}
