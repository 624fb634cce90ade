// The server reads .techspec.jsonc as the command line does: the file wins over the editor's
// settings, problems are reported in the file at the bad value, and changes re-check open specs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  HoverRequest,
  PublishDiagnosticsNotification,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ROOT, startServer, type TestServer } from './harness';

const SPEC = `# Technical Spec: Config Test

## Task Breakdown

| ID | Task | Est. Lines | Dependencies | Jira |
|----|------|-----------|--------------|------|
| T1 | Build the importer | ~300 | None | ABC-1 |
`;

/** A team template that differs from the bundled one, and a spec written against it that is correct. */
const TEMPLATE = readFileSync(join(ROOT, 'test/fixtures/templates/requests/template.md'), 'utf8');
const TEMPLATE_SPEC = readFileSync(join(ROOT, 'test/fixtures/templates/requests/correct.spec.md'), 'utf8');
const ROLLOUT = '\n## Rollout\n\n[How it reaches users.]\n';

const codes = (ds: Diagnostic[]) => new Set(ds.map((d) => String(d.code)));
const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

describe('.techspec.jsonc in the language server', () => {
  let server: TestServer;
  let root: string;
  const uri = (...parts: string[]) => pathToFileURL(join(root, ...parts)).href;
  const write = (text: string, ...parts: string[]) => {
    mkdirSync(join(root, ...parts.slice(0, -1)), { recursive: true });
    writeFileSync(join(root, ...parts), text);
  };
  /** The next diagnostics published for `target` that `test` accepts. */
  const next = (target: string, test: (p: PublishDiagnosticsParams) => boolean = () => true) =>
    server.waitFor<PublishDiagnosticsParams>(PublishDiagnosticsNotification.method, (p) => p.uri === target && test(p), `diagnostics for ${target}`);
  const watched = (file: string, type: FileChangeType) =>
    server.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: file, type }] });

  before(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'techspec-config-')));
    // good: the file turns TS101 off, the editor turns TS201 off.
    write('{\n  // the team\'s choices\n  "rules": { "TS101": "off" },\n}\n', 'good', '.techspec.jsonc');
    // bad: a value of the wrong type; the editor's settings apply.
    write('{\n  "maxTaskLines": "lots"\n}\n', 'bad', '.techspec.jsonc');
    // base: extends a file with a bad severity.
    write('{ "extends": "./base.jsonc" }\n', 'base', '.techspec.jsonc');
    write('{ "rules": { "TS101": "sometimes" } }\n', 'base', 'base.jsonc');
    // tpl: a team template.
    write('{ "template": "template.md" }\n', 'tpl', '.techspec.jsonc');
    write(TEMPLATE, 'tpl', 'template.md');
    server = await startServer({
      configuration: () => ({ rules: { TS101: 'error', TS201: 'off' } }),
      workspaceFolders: ['good', 'bad', 'base', 'edit', 'tpl'].map((name) => ({ uri: uri(name), name })),
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
    });
  });

  after(async () => {
    await server?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  test("the file's keys win over the editor's settings, which fill what it leaves out", async () => {
    await server.open(uri('good', 'docs', 'a.spec.md'), SPEC);
    const found = codes((await server.diagnostics(uri('good', 'docs', 'a.spec.md'), 1)).diagnostics);
    assert.equal(found.has('TS101'), false, 'the file turns TS101 off over the editor, which turns it to error');
    assert.equal(found.has('TS201'), false, 'the editor turns TS201 off, which the file does not name');
    assert.equal(found.has('TS203'), true, 'the rules neither names keep their default');
  });

  test('an invalid config: a diagnostic at the bad value in the file, and the editor settings for the spec', async () => {
    const config = next(uri('bad', '.techspec.jsonc'));
    await server.open(uri('bad', 'a.spec.md'), SPEC);
    const spec = await server.diagnostics(uri('bad', 'a.spec.md'), 1);
    assert.equal(codes(spec.diagnostics).has('TS101'), true, "the editor's TS101: error applies");
    assert.equal(spec.diagnostics.find((d) => d.code === 'TS101')?.severity, 1);
    assert.deepEqual((await config).diagnostics, [
      { range: r(1, 18, 1, 24), severity: 1, source: 'techspec', message: `maxTaskLines must be a positive number, not "lots"; the editor's settings apply.` },
    ]);
  });

  test('a config that extends a bad file: reported at its "extends" value, and in the bad file at the value', async () => {
    const config = next(uri('base', '.techspec.jsonc'));
    const base = next(uri('base', 'base.jsonc'));
    await server.open(uri('base', 'a.spec.md'), SPEC);
    assert.equal(codes((await server.diagnostics(uri('base', 'a.spec.md'), 1)).diagnostics).has('TS101'), true);
    const basePath = join(root, 'base', 'base.jsonc');
    assert.deepEqual((await config).diagnostics, [
      {
        range: r(0, 13, 0, 27),
        severity: 1,
        source: 'techspec',
        message: `the config it extends cannot be used: ${basePath}:1:23: rules.TS101 must be one of error, warning, information, hint, off, not "sometimes"; the editor's settings apply.`,
      },
    ]);
    assert.deepEqual((await base).diagnostics, [
      {
        range: r(0, 22, 0, 33),
        severity: 1,
        source: 'techspec',
        message: `rules.TS101 must be one of error, warning, information, hint, off, not "sometimes"; the editor's settings apply.`,
      },
    ]);
  });

  test('a config changed on disk (a file event) re-checks the open specs; fixed, its diagnostics clear', async () => {
    write('{ "rules": { "TS101": "off" }, "maxTaskLines": 100 }\n', 'good', '.techspec.jsonc');
    // Est. Lines ~300 is above the new maxTaskLines.
    const again = next(uri('good', 'docs', 'a.spec.md'), (p) => codes(p.diagnostics).has('TS411'));
    await watched(uri('good', '.techspec.jsonc'), FileChangeType.Changed);
    assert.equal(codes((await again).diagnostics).has('TS101'), false);

    write('{ "rules": { "TS101": "warning" } }\n', 'base', 'base.jsonc');
    const cleared = next(uri('base', '.techspec.jsonc'));
    const baseCleared = next(uri('base', 'base.jsonc'));
    // The base's TS101: warning wins over the editor's error.
    const spec = next(uri('base', 'a.spec.md'), (p) => p.diagnostics.some((d) => d.code === 'TS101' && d.severity === 2));
    await watched(uri('base', 'base.jsonc'), FileChangeType.Changed);
    assert.deepEqual((await cleared).diagnostics, []);
    assert.deepEqual((await baseCleared).diagnostics, []);
    assert.equal(
      (await spec).diagnostics.some((d) => d.code === 'TS101' && d.severity === 1),
      false,
    );
  });

  test('a new config file (created on disk) applies to the open specs under it', async () => {
    await server.open(uri('edit', 'docs', 'b.spec.md'), SPEC);
    assert.equal(codes((await server.diagnostics(uri('edit', 'docs', 'b.spec.md'), 1)).diagnostics).has('TS101'), true);
    write('{ "rules": { "missing-section": "off" } }\n', 'edit', '.techspec.jsonc');
    const again = next(uri('edit', 'docs', 'b.spec.md'), (p) => !codes(p.diagnostics).has('TS101'));
    await watched(uri('edit', '.techspec.jsonc'), FileChangeType.Created);
    assert.equal(codes((await again).diagnostics).has('TS203'), true);
  });

  test('the open config is read from its buffer: each edit re-checks the specs; no spec analysis runs on it', async () => {
    const configUri = uri('edit', '.techspec.jsonc');
    const text = '{ "rules": { "missing-section": "off" } }\n';
    await server.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: configUri, languageId: 'jsonc', version: 1, text } });
    assert.equal(await server.conn.sendRequest(HoverRequest.type, { textDocument: { uri: configUri }, position: { line: 0, character: 5 } }), null);
    assert.deepEqual(await server.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: configUri }, position: { line: 0, character: 2 } }), []);

    // Broken in the buffer (not on disk): reported at the value, and the editor's settings apply.
    const broken = next(configUri, (p) => p.version === 2);
    const spec = next(uri('edit', 'docs', 'b.spec.md'), (p) => codes(p.diagnostics).has('TS101'));
    await server.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: configUri, version: 2 },
      contentChanges: [{ range: r(0, 32, 0, 37), text: '"of"' }],
    });
    assert.deepEqual((await broken).diagnostics, [
      {
        range: r(0, 32, 0, 36),
        severity: 1,
        source: 'techspec',
        message: `rules.missing-section must be one of error, warning, information, hint, off, not "of"; the editor's settings apply.`,
      },
    ]);
    assert.equal((await spec).version, 1);

    const fixed = next(configUri, (p) => p.version === 3);
    const specAgain = next(uri('edit', 'docs', 'b.spec.md'), (p) => !codes(p.diagnostics).has('TS101'));
    await server.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: configUri, version: 3 },
      contentChanges: [{ range: r(0, 32, 0, 36), text: '"off"' }],
    });
    assert.deepEqual((await fixed).diagnostics, []);
    assert.equal((await specAgain).version, 1);

    await server.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: configUri } });
    // Every diagnostics list published for the config came from the config check: none from a spec analysis.
    assert.deepEqual(server.publishedVersions(configUri), [2, 3]);
  });

  test("editing the config's template, on disk or in the editor, re-checks the specs against it", async () => {
    const spec = uri('tpl', 'a.spec.md');
    await server.open(spec, TEMPLATE_SPEC);
    assert.deepEqual((await server.diagnostics(spec, 1)).diagnostics, [], 'a correct spec of the team template');

    write(TEMPLATE + ROLLOUT, 'tpl', 'template.md');
    const missing = next(spec, (p) => codes(p.diagnostics).has('TS101'));
    await watched(uri('tpl', 'template.md'), FileChangeType.Changed);
    // The one new finding is the section the template now asks for.
    const found = (await missing).diagnostics;
    assert.deepEqual(
      found.map((d) => d.code),
      ['TS101'],
    );
    assert.match(String(found[0].message), /Rollout/);

    // Open in the editor, the template's buffer is what counts: taking the section out again, unsaved.
    const templateUri = uri('tpl', 'template.md');
    await server.open(templateUri, TEMPLATE + ROLLOUT);
    const clean = next(spec, (p) => p.diagnostics.length === 0);
    await server.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: templateUri, version: 2 },
      contentChanges: [{ text: TEMPLATE }],
    });
    assert.equal((await clean).version, 1);
  });
});
