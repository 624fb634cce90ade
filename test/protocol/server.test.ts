// Drives the built language server (server/out/server.js --stdio) over JSON-RPC, as an editor does.
// `npm test` builds first; run alone, this file builds when the bundle is missing or older than the sources.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentHighlightRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type ResponseError,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';
import { PlanRequest } from '../../protocol';
import { ensureServerBuilt, ROOT, SERVER } from './built-server';

const TIMEOUT_MS = 15_000;

interface Received {
  method: string;
  params: unknown;
}

/** The server process and a connection to it; every notification it sends is kept, to be waited on. */
class Client {
  readonly received: Received[] = [];
  private readonly waiters: { test: (m: Received) => boolean; resolve: (m: Received) => void }[] = [];
  private consumed = new Set<Received>();
  private stderr = '';
  readonly exited: Promise<number | null>;

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: MessageConnection,
  ) {
    this.exited = new Promise((res) => proc.on('exit', (code) => res(code)));
    proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    conn.onNotification((method, params) => this.receive({ method, params }));
  }

  /** Notifications, and requests that only inform (window/showMessageRequest), are kept here. */
  receive(m: Received): void {
    this.received.push(m);
    const i = this.waiters.findIndex((w) => w.test(m));
    if (i >= 0) {
      this.consumed.add(m);
      this.waiters.splice(i, 1)[0].resolve(m);
    }
  }

  /** Starts the server; `configuration` answers workspace/configuration for each scope URI. */
  static start(configuration: (scopeUri: string | undefined) => unknown): Client {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new Client(proc, conn);
    conn.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => configuration(item.scopeUri)));
    conn.onRequest(RegistrationRequest.type, () => undefined);
    conn.onRequest(ShowMessageRequest.type, (params) => {
      client.receive({ method: ShowMessageRequest.method, params });
      return null;
    });
    conn.listen();
    return client;
  }

  /** The first message of `method` (or one of them) not yet waited on that `test` accepts; fails naming `what` after a timeout. */
  waitFor<P>(method: string | string[], test: (params: P) => boolean, what: string): Promise<P> {
    const methods = typeof method === 'string' ? [method] : method;
    const accepts = (m: Received) => methods.includes(m.method) && test(m.params as P);
    const already = this.received.find((m) => !this.consumed.has(m) && accepts(m));
    if (already) {
      this.consumed.add(already);
      return Promise.resolve(already.params as P);
    }
    return new Promise<P>((res, rej) => {
      const waiter = { test: accepts, resolve: (m: Received) => (clearTimeout(timer), res(m.params as P)) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        const seen = this.received.map((m) => m.method).join(', ') || 'nothing';
        rej(new Error(`timed out after ${TIMEOUT_MS} ms waiting for ${what} (received so far: ${seen}; server stderr: ${this.stderr.trim() || 'empty'})`));
      }, TIMEOUT_MS);
      this.waiters.push(waiter);
    });
  }

  diagnostics(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor<PublishDiagnosticsParams>(PublishDiagnosticsNotification.method, (p) => p.uri === uri && p.version === version, `publishDiagnostics for ${uri} version ${version}`);
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  /** shutdown, then exit; the process is killed if it has not exited within the timeout. */
  async stop(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    const timer = setTimeout(() => this.proc.kill(), TIMEOUT_MS);
    try {
      await this.conn.sendRequest(ShutdownRequest.type);
      await this.conn.sendNotification(ExitNotification.type);
      const code = await this.exited;
      assert.equal(code, 0, 'the server exits with 0 after shutdown and exit');
    } finally {
      clearTimeout(timer);
      this.conn.dispose();
    }
  }
}

const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
const brief = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);

const SPEC_URI = 'file:///ws/docs/billing.spec.md';
const BAD_SETTINGS_URI = 'file:///ws/docs/bad-settings.spec.md';
const README_URI = 'file:///ws/README.md';
const NAVIGATION_URI = 'file:///ws/docs/navigation.spec.md';

// Complete enough for the checks this test is about: the template's other sections are turned off by setting.
const SPEC = [
  '# Technical Spec: Billing',
  '',
  '> **Status**: Draft',
  '> **Author**: Ada',
  '',
  '## Overview',
  '',
  'Billing.',
  '',
  '## Task Breakdown',
  '',
  '| ID | Task | Est. Lines | Dependencies | Jira |',
  '|----|------|------------|--------------|------|',
  '| T1 | Migration | ~50 | None | B-1 |',
  '| T2 | Repository | ~150 | T1, T2 | B-2 |',
  '| T3 | Service | ~200 | T2, T12 | B-3 |',
  '| T4 | API |  ~100 |  | B-4 |',
  '',
  '### Task Dependency Graph',
  '',
  '```mermaid',
  'graph LR',
  '    T1[T1: Migration] --> T2[T2: Repository]',
  '    T2 --> T3[T3: Service]',
  '```',
  '',
].join('\n');

describe('the language server over stdio', () => {
  let client: Client;
  let init: InitializeResult;

  before(async () => {
    ensureServerBuilt();
    client = Client.start((uri) => {
      if (uri === BAD_SETTINGS_URI) return { maxTaskLines: 'lots', rules: { 'missing-section': 'off' } };
      return { rules: { 'missing-section': 'off' } };
    });
    init = await client.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: 'file:///ws',
      workspaceFolders: [{ uri: 'file:///ws', name: 'ws' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true },
          completion: { completionItem: { snippetSupport: true } },
        },
      },
    });
    await client.conn.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    await client?.stop();
  });

  test('initialize: the capabilities', () => {
    assert.deepEqual(init, {
      capabilities: {
        textDocumentSync: 2,
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.techspec'], resolveProvider: false },
        completionProvider: { triggerCharacters: [' ', ',', '|', '#', '>', '&'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        experimental: { processId: (init as { capabilities: { experimental: { processId: number } } }).capabilities.experimental.processId },
      },
      serverInfo: { name: 'techspec', version: '0.1.0' },
    });
    assert.equal(typeof (init as { capabilities: { experimental: { processId: unknown } } }).capabilities.experimental.processId, 'number');
  });

  test('didOpen → publishDiagnostics with the version → codeAction → completion → didChange → new diagnostics', async () => {
    await client.open(SPEC_URI, SPEC, 1);
    const first = await client.diagnostics(SPEC_URI, 1);
    assert.deepEqual(brief(first.diagnostics), [
      ['TS407', 14, 31, 14, 33],
      ['TS406', 15, 28, 15, 31],
    ]);
    const unknown = first.diagnostics[1];
    assert.deepEqual(
      { severity: unknown.severity, source: unknown.source, message: unknown.message, data: unknown.data },
      { severity: 1, source: 'techspec', message: 'Unknown dependency "T12": no task has this ID. Did you mean T1?', data: { rule: 'unknown-dependency', fix: { kind: 'replaceDependency', suggestion: 'T1' } } },
    );

    // The client sends the diagnostic back as it received it, data included.
    const actions = await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: SPEC_URI }, range: unknown.range, context: { diagnostics: [unknown] } });
    assert.deepEqual(actions, [
      { title: 'Replace T12 with T1', kind: 'quickfix', diagnostics: [unknown], isPreferred: true, edit: { changes: { [SPEC_URI]: [{ range: r(15, 28, 15, 31), newText: 'T1' }] } } },
      { title: 'Remove T12 from the dependencies of T3', kind: 'quickfix', diagnostics: [unknown], edit: { changes: { [SPEC_URI]: [{ range: r(15, 26, 15, 31), newText: '' }] } } },
    ]);

    // The empty Dependencies cell of T4: every other task, natural order, then None.
    const completion = (await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: SPEC_URI }, position: { line: 16, character: 21 } })) as CompletionItem[] | CompletionList;
    const items = Array.isArray(completion) ? completion : completion.items;
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [['T1', 'Migration'], ['T2', 'Repository'], ['T3', 'Service'], ['None', 'No dependencies']]);
    assert.deepEqual(items[0].textEdit, { range: r(16, 21, 16, 21), newText: 'T1' });

    // Hover on T3's dependency T2: the task it names.
    const hover = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: SPEC_URI }, position: { line: 15, character: 25 } });
    assert.deepEqual(hover, {
      contents: { kind: 'markdown', value: '**T2** Repository\n\nEst. Lines: ~150\n\nDepends on: T1 · Needed by: T3' },
      range: r(15, 24, 15, 26),
    });

    // Incremental change: T12 → T1; the unknown dependency goes, the graph now lacks T1 --> T3.
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: SPEC_URI, version: 2 },
      contentChanges: [{ range: r(15, 28, 15, 31), text: 'T1' }],
    });
    const second = await client.diagnostics(SPEC_URI, 2);
    assert.deepEqual(brief(second.diagnostics), [
      ['TS407', 14, 31, 14, 33],
      ['TS501', 15, 28, 15, 30],
    ]);

    // fixAll on the new version: the self-dependency and the graph, in one edit.
    const fixAll = await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: SPEC_URI }, range: r(0, 0, 0, 0), context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(fixAll?.map((a) => 'kind' in a && a.kind), ['source.fixAll.techspec']);
    assert.deepEqual(fixAll && 'edit' in fixAll[0] ? fixAll[0].edit!.changes![SPEC_URI] : undefined, [
      { range: r(14, 29, 14, 33), newText: '' },
      { range: r(23, 26, 23, 26), newText: '\n    T1 --> T3\n    T4[T4: API]' },
    ]);
  });

  test('a README-like markdown file gets an empty diagnostics list', async () => {
    await client.open(README_URI, '# Billing\n\nRun `npm install`. See [T12] and [Name].\n\n## Install\n');
    const published = await client.diagnostics(README_URI, 1);
    assert.deepEqual(published.diagnostics, []);
  });

  test('an invalid setting: a warning message names it, and the default applies', async () => {
    const text = SPEC.replace('| T4 | API |  ~100 |  | B-4 |', '| T4 | API | ~900 | T3 | B-4 |').replace('T2, T12', 'T2');
    await client.open(BAD_SETTINGS_URI, text);
    // window/showMessage, or window/showMessageRequest (what connection.window.showWarningMessage sends).
    const message = await client.waitFor<ShowMessageParams>([ShowMessageNotification.method, ShowMessageRequest.method], (p) => p.message.includes('maxTaskLines'), 'window/showMessage about techspec.maxTaskLines');
    assert.deepEqual({ type: message.type, message: message.message }, { type: 2, message: 'techspec.maxTaskLines must be a positive number, not "lots"; using 400.' });
    const published = await client.diagnostics(BAD_SETTINGS_URI, 1);
    // ~900 is above the default 400; the valid part of the settings (missing-section off) still applies.
    assert.deepEqual(brief(published.diagnostics), [
      ['TS407', 14, 31, 14, 33],
      ['TS411', 16, 13, 16, 17],
      ['TS501', 16, 20, 16, 22],
    ]);
  });

  test('techspec/plan returns the model of an open spec', async () => {
    const graph = await client.conn.sendRequest(PlanRequest, { uri: SPEC_URI });
    assert.equal(graph.uri, SPEC_URI);
    assert.equal(graph.version, 2);
    assert.equal(graph.status, 'ok');
    assert.deepEqual(graph.tasks.map((t) => [t.id, t.title, t.estLines]), [['T1', 'Migration', 50], ['T2', 'Repository', 150], ['T3', 'Service', 200], ['T4', 'API', 100]]);
    assert.deepEqual(graph.tasks[0].idRange, r(13, 2, 13, 4));
    assert.deepEqual(graph.edges.map((e) => `${e.from}>${e.to}`).sort(), ['T1>T2', 'T1>T3', 'T2>T3']);
    assert.deepEqual(graph.cycles, []);
    assert.deepEqual(graph.unknown, []);
    const notSpec = await client.conn.sendRequest(PlanRequest, { uri: README_URI });
    assert.equal(notSpec.status, 'not-spec');
  });

  test('task IDs: definition, references, highlights, rename, and a refused rename says why', async () => {
    await client.open(NAVIGATION_URI, SPEC);
    const doc = { uri: NAVIGATION_URI };
    const at = (line: number, character: number) => ({ textDocument: doc, position: { line, character } });
    // T3's dependency T2 → T2's ID cell.
    assert.deepEqual(await client.conn.sendRequest(DefinitionRequest.type, at(15, 25)), [{ uri: NAVIGATION_URI, range: r(14, 2, 14, 4) }]);
    const everyT2 = [r(14, 2, 14, 4), r(14, 31, 14, 33), r(15, 24, 15, 26), r(22, 26, 22, 28), r(23, 4, 23, 6)];
    const refs = await client.conn.sendRequest(ReferencesRequest.type, { ...at(23, 5), context: { includeDeclaration: true } });
    assert.deepEqual(refs, everyT2.map((range) => ({ uri: NAVIGATION_URI, range })));
    const highlights = await client.conn.sendRequest(DocumentHighlightRequest.type, at(23, 5));
    assert.deepEqual(highlights?.map((h) => h.kind), [3, 2, 2, 2, 2]);

    assert.deepEqual(await client.conn.sendRequest(PrepareRenameRequest.type, at(22, 27)), { range: r(22, 26, 22, 28), placeholder: 'T2' });
    const edit = await client.conn.sendRequest(RenameRequest.type, { ...at(22, 27), newName: 'T5' });
    // The label T2[T2: Repository] starts with the ID: it follows.
    const renamedRanges = [...everyT2.slice(0, 4), r(22, 29, 22, 31), everyT2[4]];
    assert.deepEqual(edit, { changes: { [NAVIGATION_URI]: renamedRanges.map((range) => ({ range, newText: 'T5' })) } });

    const refused = (promise: Promise<unknown>, message: string) =>
      assert.rejects(promise, (e: ResponseError) => (assert.deepEqual({ code: e.code, message: e.message }, { code: -32600, message }), true));
    await refused(client.conn.sendRequest(RenameRequest.type, { ...at(22, 27), newName: 'T1' }), 'T1 is already a task: renaming T2 to it would merge the two.');
    await refused(
      client.conn.sendRequest(PrepareRenameRequest.type, at(13, 10)),
      'Rename works on a task ID: in its ID cell, in a Dependencies cell or in the Task Dependency Graph.',
    );
  });
});
