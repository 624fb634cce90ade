// The workspace index over stdio: the list of specs of a temporary workspace, its change
// notification on create/change/delete, open buffers over the disk, and workspace/symbol.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  FileChangeType,
  WorkspaceSymbolRequest,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { DidChangeSpecsNotification, SpecsRequest, type DidChangeSpecsParams, type SpecSummary } from '../../protocol';
import { fixtureText } from '../fixtures/fixtures';
import { startServer, type TestServer } from './harness';

let dir: string;
let server: TestServer;
const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

const brief = (specs: SpecSummary[]) =>
  specs.map((s) => ({
    file: s.uri.slice(pathToFileURL(dir).href.length + 1),
    title: s.title,
    status: s.status,
    tasks: s.taskCount,
    lines: s.totalLines,
    waves: s.waves.map((w) => w.map((t) => t.id).join(' ')),
  }));

const small = (title: string, status: string) =>
  [
    `# Technical Spec: ${title}`,
    '',
    `> **Status**: ${status}`,
    '',
    '## Task Breakdown',
    '',
    '| ID | Task | Est. Lines | Dependencies |',
    '|----|------|-----------|--------------|',
    '| T1 | Schema | ~100 | None |',
    '| T2 | Endpoint | ~200 | T1 |',
    '',
  ].join('\n');

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'techspec-index-'));
  mkdirSync(join(dir, 'docs'));
  mkdirSync(join(dir, 'node_modules/pkg'), { recursive: true });
  writeFileSync(join(dir, 'docs/clean.spec.md'), fixtureText('clean.spec.md'));
  // Detected by its first heading, not by its name.
  writeFileSync(join(dir, 'docs/notes.md'), small('Notes', 'Draft'));
  writeFileSync(join(dir, 'README.md'), '# Readme\n\nNo spec here.\n');
  writeFileSync(join(dir, 'node_modules/pkg/dep.spec.md'), small('Vendored', 'Draft'));
  server = await startServer({
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
});

after(async () => {
  await server?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const list = () => server.conn.sendRequest(SpecsRequest, {});
const changeNotice = (what: string, test: (p: DidChangeSpecsParams) => boolean) => server.waitFor(DidChangeSpecsNotification.method, test, what);

describe('the workspace index', () => {
  test('lists the specs by glob and by heading, skipping node_modules and files that are no spec', async () => {
    assert.deepEqual(brief(await list()), [
      {
        file: 'docs/clean.spec.md',
        title: 'Technical Spec: Saved Report Exports',
        status: 'In Review',
        tasks: 6,
        lines: 900,
        waves: ['T1', 'T2 T3', 'T4', 'T5', 'T6'],
      },
      { file: 'docs/notes.md', title: 'Technical Spec: Notes', status: 'Draft', tasks: 2, lines: 300, waves: ['T1', 'T2'] },
    ]);
  });

  test('follows a created, a changed and a deleted file, each announced by a notification', async () => {
    writeFileSync(join(dir, 'docs/new.spec.md'), small('New', 'Draft'));
    const created = changeNotice('the created spec', (p) => p.changed.includes(uriOf('docs/new.spec.md')));
    await server.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('docs/new.spec.md'), type: FileChangeType.Created }] });
    assert.deepEqual(await created, { changed: [uriOf('docs/new.spec.md')], removed: [] });
    assert.deepEqual(
      brief(await list()).map((s) => s.file),
      ['docs/clean.spec.md', 'docs/new.spec.md', 'docs/notes.md'],
    );

    writeFileSync(
      join(dir, 'docs/notes.md'),
      small('Notes', 'Approved').replace('| T2 | Endpoint | ~200 | T1 |', '| T2 | Endpoint | ~200 | T1 |\n| T3 | Docs | ~50 | T1 |'),
    );
    const changed = changeNotice('the changed spec', (p) => p.changed.includes(uriOf('docs/notes.md')));
    await server.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('docs/notes.md'), type: FileChangeType.Changed }] });
    await changed;
    const notes = (await list()).find((s) => s.uri === uriOf('docs/notes.md'))!;
    assert.deepEqual(brief([notes]), [
      { file: 'docs/notes.md', title: 'Technical Spec: Notes', status: 'Approved', tasks: 3, lines: 350, waves: ['T1', 'T2 T3'] },
    ]);

    rmSync(join(dir, 'docs/new.spec.md'));
    const deleted = changeNotice('the deleted spec', (p) => p.removed.includes(uriOf('docs/new.spec.md')));
    await server.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('docs/new.spec.md'), type: FileChangeType.Deleted }] });
    assert.deepEqual(await deleted, { changed: [], removed: [uriOf('docs/new.spec.md')] });
    assert.deepEqual(
      brief(await list()).map((s) => s.file),
      ['docs/clean.spec.md', 'docs/notes.md'],
    );
  });

  test('a rescan finds a file no event announced, and reads only what changed', async () => {
    writeFileSync(join(dir, 'docs/unannounced.spec.md'), small('Unannounced', 'Draft'));
    const before = await list();
    assert.ok(!before.some((s) => s.uri === uriOf('docs/unannounced.spec.md')));
    const noticed = changeNotice('the rescan', (p) => p.changed.includes(uriOf('docs/unannounced.spec.md')));
    const after = await server.conn.sendRequest(SpecsRequest, { rescan: true });
    assert.deepEqual(await noticed, { changed: [uriOf('docs/unannounced.spec.md')], removed: [] });
    assert.ok(after.some((s) => s.uri === uriOf('docs/unannounced.spec.md')));
    rmSync(join(dir, 'docs/unannounced.spec.md'));
    const gone = changeNotice('the rescan after a delete', (p) => p.removed.includes(uriOf('docs/unannounced.spec.md')));
    await server.conn.sendRequest(SpecsRequest, { rescan: true });
    assert.deepEqual(await gone, { changed: [], removed: [uriOf('docs/unannounced.spec.md')] });
  });

  test('an open document’s buffer wins over its file until it is closed', async () => {
    const uri = uriOf('docs/notes.md');
    const text = small('Notes', 'Approved');
    await server.open(uri, text);
    await server.diagnostics(uri, 1);
    const edited = changeNotice('the edited buffer', (p) => p.changed.includes(uri));
    await server.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: text.replace('Approved', 'In Review') }],
    });
    await edited;
    assert.equal((await list()).find((s) => s.uri === uri)?.status, 'In Review');

    const closed = changeNotice('the closed buffer', (p) => p.changed.includes(uri));
    await server.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await closed;
    assert.equal((await list()).find((s) => s.uri === uri)?.status, 'Approved');
  });

  test('workspace/symbol lists the tasks matching the query, named by ID and title, in the spec titled', async () => {
    const symbols = (await server.conn.sendRequest(WorkspaceSymbolRequest.type, { query: 'ENDPOINT' })) as SymbolInformation[];
    assert.deepEqual(
      symbols.map((s) => [s.name, s.containerName, s.location.uri, s.location.range.start.line]),
      [
        ['T4 Create export endpoints', 'Technical Spec: Saved Report Exports', uriOf('docs/clean.spec.md'), 131],
        ['T2 Endpoint', 'Technical Spec: Notes', uriOf('docs/notes.md'), 9],
      ],
    );
    const all = (await server.conn.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as SymbolInformation[];
    assert.equal(all.length, 6 + 3);
  });
});
