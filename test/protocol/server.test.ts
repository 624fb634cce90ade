// Drives the built language server over stdio, as an editor does (test/protocol/harness.ts starts it).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeWorkspaceFoldersNotification,
  DocumentHighlightRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  DidChangeTextDocumentNotification,
  ShowMessageNotification,
  ShowMessageRequest,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type ResponseError,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';
import { DidAnalyzeNotification, PlanRequest, type DidAnalyzeParams } from '../../protocol';
import { fixtureText } from '../fixtures/fixtures';
import { ROOT, startServer, type TestServer } from './harness';

const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
const brief = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);

const SPEC_URI = 'file:///ws/docs/billing.spec.md';
const BAD_SETTINGS_URI = 'file:///ws/docs/bad-settings.spec.md';
const README_URI = 'file:///ws/README.md';
const NAVIGATION_URI = 'file:///ws/docs/navigation.spec.md';

// Billing: complete enough for the checks of this file, as the template's other sections are turned off by setting.
const SPEC = fixtureText('billing.spec.md');

describe('the language server over stdio', () => {
  let server: TestServer;

  before(async () => {
    server = await startServer({
      configuration: (uri) => {
        if (uri === BAD_SETTINGS_URI) return { maxTaskLines: 'lots', rules: { 'missing-section': 'off' } };
        return { rules: { 'missing-section': 'off' } };
      },
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
  });

  after(async () => {
    await server?.dispose();
  });

  test('initialize: the capabilities, and the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(server.init, {
      capabilities: {
        textDocumentSync: 2,
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.techspec'], resolveProvider: false },
        completionProvider: { triggerCharacters: [' ', ',', '|', '#', '>', '&'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        workspaceSymbolProvider: true,
        codeLensProvider: { resolveProvider: true },
        documentLinkProvider: { resolveProvider: false },
        documentRangeFormattingProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        experimental: { processId: server.pid },
      },
      serverInfo: { name: 'techspec', version },
    });
  });

  test('didOpen → publishDiagnostics with the version → codeAction → completion → didChange → new diagnostics', async () => {
    await server.open(SPEC_URI, SPEC, 1);
    const first = await server.diagnostics(SPEC_URI, 1);
    assert.deepEqual(brief(first.diagnostics), [
      ['TS407', 14, 31, 14, 33],
      ['TS406', 15, 28, 15, 31],
    ]);
    const unknown = first.diagnostics[1];
    assert.deepEqual(
      { severity: unknown.severity, source: unknown.source, message: unknown.message, data: unknown.data },
      {
        severity: 1,
        source: 'techspec',
        message: 'Unknown dependency "T12": no task has this ID. Did you mean T1?',
        data: { rule: 'unknown-dependency', fix: { kind: 'replaceDependency', suggestion: 'T1' } },
      },
    );

    // The client sends the diagnostic back as it received it, data included.
    const actions = await server.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: SPEC_URI },
      range: unknown.range,
      context: { diagnostics: [unknown] },
    });
    assert.deepEqual(actions, [
      {
        title: 'Replace T12 with T1',
        kind: 'quickfix',
        diagnostics: [unknown],
        isPreferred: true,
        edit: { changes: { [SPEC_URI]: [{ range: r(15, 28, 15, 31), newText: 'T1' }] } },
      },
      {
        title: 'Remove T12 from the dependencies of T3',
        kind: 'quickfix',
        diagnostics: [unknown],
        edit: { changes: { [SPEC_URI]: [{ range: r(15, 26, 15, 31), newText: '' }] } },
      },
    ]);

    // The empty Dependencies cell of T4: every other task, natural order, then None.
    const completion = (await server.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: SPEC_URI }, position: { line: 16, character: 21 } })) as
      CompletionItem[] | CompletionList;
    const items = Array.isArray(completion) ? completion : completion.items;
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['T1', 'Migration'],
        ['T2', 'Repository'],
        ['T3', 'Service'],
        ['None', 'No dependencies'],
      ],
    );
    assert.deepEqual(items[0].textEdit, { range: r(16, 21, 16, 21), newText: 'T1' });

    // Hover on T3's dependency T2: the task it names.
    const hover = await server.conn.sendRequest(HoverRequest.type, { textDocument: { uri: SPEC_URI }, position: { line: 15, character: 25 } });
    assert.deepEqual(hover, {
      contents: { kind: 'markdown', value: '**T2** Repository\n\nEst. Lines: ~150\n\nDepends on: T1 · Needed by: T3' },
      range: r(15, 24, 15, 26),
    });

    // Incremental change: T12 → T1; the unknown dependency goes, the graph now lacks T1 --> T3.
    await server.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: SPEC_URI, version: 2 },
      contentChanges: [{ range: r(15, 28, 15, 31), text: 'T1' }],
    });
    const second = await server.diagnostics(SPEC_URI, 2);
    assert.deepEqual(brief(second.diagnostics), [
      ['TS407', 14, 31, 14, 33],
      ['TS501', 15, 28, 15, 30],
    ]);

    // fixAll on the new version: the self-dependency and the graph, in one edit.
    const fixAll = await server.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: SPEC_URI },
      range: r(0, 0, 0, 0),
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(
      fixAll?.map((a) => 'kind' in a && a.kind),
      ['source.fixAll.techspec'],
    );
    assert.deepEqual(fixAll && 'edit' in fixAll[0] ? fixAll[0].edit!.changes![SPEC_URI] : undefined, [
      { range: r(14, 29, 14, 33), newText: '' },
      { range: r(23, 26, 23, 26), newText: '\n    T1 --> T3\n    T4[T4: API]' },
    ]);
  });

  test('a README-like markdown file gets an empty diagnostics list', async () => {
    await server.open(README_URI, '# Billing\n\nRun `npm install`. See [T12] and [Name].\n\n## Install\n');
    const published = await server.diagnostics(README_URI, 1);
    assert.deepEqual(published.diagnostics, []);
  });

  test('links to repository files: the server checks them on disk, relative to the spec', async () => {
    const uri = pathToFileURL(join(ROOT, 'docs-links.spec.md')).href;
    await server.open(uri, '# Technical Spec: Links\n\nSee [the readme](README.md), [the grammar](./syntaxes/) and [the ADR](docs/adr/0001-none.md).\n');
    const published = await server.diagnostics(uri, 1);
    assert.deepEqual(
      published.diagnostics.filter((d) => d.code === 'TS1103').map((d) => [d.range, d.message]),
      [[r(2, 70, 2, 91), 'No file "docs/adr/0001-none.md" in the workspace (the path is relative to this spec\'s folder). Fix the path, or add the file.']],
    );
  });

  test('an invalid setting: a warning message names it, and the default applies', async () => {
    const text = SPEC.replace('| T4 | API |  ~100 |  | B-4 |', '| T4 | API | ~900 | T3 | B-4 |').replace('T2, T12', 'T2');
    await server.open(BAD_SETTINGS_URI, text);
    // window/showMessage, or window/showMessageRequest (what connection.window.showWarningMessage sends).
    const message = await server.waitFor<ShowMessageParams>(
      [ShowMessageNotification.method, ShowMessageRequest.method],
      (p) => p.message.includes('maxTaskLines'),
      'window/showMessage about techspec.maxTaskLines',
    );
    assert.deepEqual(
      { type: message.type, message: message.message },
      { type: 2, message: 'techspec.maxTaskLines must be a positive number, not "lots"; using 400.' },
    );
    const published = await server.diagnostics(BAD_SETTINGS_URI, 1);
    // ~900 is above the default 400; the valid part of the settings (missing-section off) still applies.
    assert.deepEqual(brief(published.diagnostics), [
      ['TS407', 14, 31, 14, 33],
      ['TS411', 16, 13, 16, 17],
      ['TS501', 16, 20, 16, 22],
    ]);
  });

  test('techspec/plan returns the model of an open spec', async () => {
    const graph = await server.conn.sendRequest(PlanRequest, { uri: SPEC_URI });
    assert.equal(graph.uri, SPEC_URI);
    assert.equal(graph.version, 2);
    assert.equal(graph.status, 'ok');
    assert.deepEqual(
      graph.tasks.map((t) => [t.id, t.title, t.estLines]),
      [
        ['T1', 'Migration', 50],
        ['T2', 'Repository', 150],
        ['T3', 'Service', 200],
        ['T4', 'API', 100],
      ],
    );
    assert.deepEqual(graph.tasks[0].idRange, r(13, 2, 13, 4));
    assert.deepEqual(graph.edges.map((e) => `${e.from}>${e.to}`).sort(), ['T1>T2', 'T1>T3', 'T2>T3']);
    assert.deepEqual(graph.cycles, []);
    assert.deepEqual(graph.unknown, []);
    const notSpec = await server.conn.sendRequest(PlanRequest, { uri: README_URI });
    assert.equal(notSpec.status, 'not-spec');
  });

  test('task IDs: definition, references, highlights, rename, and a refused rename says why', async () => {
    await server.open(NAVIGATION_URI, SPEC);
    const doc = { uri: NAVIGATION_URI };
    const at = (line: number, character: number) => ({ textDocument: doc, position: { line, character } });
    // T3's dependency T2 → T2's ID cell.
    assert.deepEqual(await server.conn.sendRequest(DefinitionRequest.type, at(15, 25)), [{ uri: NAVIGATION_URI, range: r(14, 2, 14, 4) }]);
    const everyT2 = [r(14, 2, 14, 4), r(14, 31, 14, 33), r(15, 24, 15, 26), r(22, 26, 22, 28), r(23, 4, 23, 6)];
    const refs = await server.conn.sendRequest(ReferencesRequest.type, { ...at(23, 5), context: { includeDeclaration: true } });
    assert.deepEqual(
      refs,
      everyT2.map((range) => ({ uri: NAVIGATION_URI, range })),
    );
    const highlights = await server.conn.sendRequest(DocumentHighlightRequest.type, at(23, 5));
    assert.deepEqual(
      highlights?.map((h) => h.kind),
      [3, 2, 2, 2, 2],
    );

    assert.deepEqual(await server.conn.sendRequest(PrepareRenameRequest.type, at(22, 27)), { range: r(22, 26, 22, 28), placeholder: 'T2' });
    const edit = await server.conn.sendRequest(RenameRequest.type, { ...at(22, 27), newName: 'T5' });
    // The label T2[T2: Repository] starts with the ID: it follows.
    const renamedRanges = [...everyT2.slice(0, 4), r(22, 29, 22, 31), everyT2[4]];
    assert.deepEqual(edit, { changes: { [NAVIGATION_URI]: renamedRanges.map((range) => ({ range, newText: 'T5' })) } });

    const refused = (promise: Promise<unknown>, message: string) =>
      assert.rejects(promise, (e: ResponseError) => (assert.deepEqual({ code: e.code, message: e.message }, { code: -32600, message }), true));
    await refused(
      server.conn.sendRequest(RenameRequest.type, { ...at(22, 27), newName: 'T1' }),
      'T1 is already a task: renaming T2 to it would merge the two.',
    );
    await refused(
      server.conn.sendRequest(PrepareRenameRequest.type, at(13, 10)),
      'Rename works on a task ID: in its ID cell, in a Dependencies cell or in the Task Dependency Graph.',
    );
  });
});

describe('techspec.files over stdio: relative globs match inside the workspace folders', () => {
  let server: TestServer;
  // A spec by its path only: no "Technical Spec" title, no front matter.
  const UNTITLED_SPEC = SPEC.replace('# Technical Spec: Billing', '# Billing');

  before(async () => {
    server = await startServer({
      configuration: () => ({ files: ['specs/*.md', '**/*.spec.md'] }),
      workspaceFolders: [{ uri: 'file:///ws', name: 'ws' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true } },
    });
  });

  after(async () => {
    await server?.dispose();
  });

  /** Whether the server took the document at `uri` for a spec, once it analyzed it. */
  async function isSpec(uri: string): Promise<boolean> {
    await server.open(uri, UNTITLED_SPEC);
    const analyzed = await server.waitFor<DidAnalyzeParams>(DidAnalyzeNotification.method, (p) => p.uri === uri, `techspec/didAnalyze for ${uri}`);
    const published = await server.diagnostics(uri, 1);
    assert.equal(published.diagnostics.length > 0, analyzed.isSpec, `${uri}: diagnostics only for a spec`);
    return analyzed.isSpec;
  }

  test('specs/*.md matches a file in specs/ at the top of the workspace folder, and only there', async () => {
    assert.equal(await isSpec('file:///ws/specs/billing.md'), true);
    assert.equal(await isSpec('file:///ws/docs/specs/billing.md'), false);
    assert.equal(await isSpec('file:///elsewhere/specs/billing.md'), false);
  });

  test('**/*.spec.md matches anywhere', async () => {
    assert.equal(await isSpec('file:///ws/docs/billing.spec.md'), true);
    assert.equal(await isSpec('file:///elsewhere/billing.spec.md'), true);
  });

  test('a workspace folder added later: its specs/ folder matches too', async () => {
    await server.conn.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [{ uri: 'file:///more', name: 'more' }], removed: [] } });
    assert.equal(await isSpec('file:///more/specs/billing.md'), true);
  });
});
