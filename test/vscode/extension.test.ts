// The extension inside a real VS Code: activation, diagnostics, quick fixes, completion, task-ID
// navigation and rename, snippets and grammar, server restart, and the preview. scripts/check-vsix.mjs runs it again
// against the packaged VSIX installed into a fresh profile (TECHSPEC_INSTALLED=1).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseJsonc, type ParseError, printParseErrorCode } from 'jsonc-parser';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  closeAllEditors,
  codeOf,
  describe as describeDiagnostics,
  fixture,
  fixtureText,
  nextDiagnosticsChange,
  openEditor,
  openUntitled,
  rangeText,
  screenshot,
  techspecDiagnostics,
  waitFor,
  waitForDiagnostics,
  workspaceRoot,
} from './helpers';
import { renderSnippet } from './snippetText';

const DEFECTS = 'defects.spec.md';
const CLEAN = 'clean.spec.md';
const README = 'README.md';

/**
 * The diagnostics planted in test/fixtures/defects.spec.md, as code and range
 * (startLine:startChar-endLine:endChar, zero-based), compared exactly: no more, no fewer.
 */
const DEFECTS_EXPECTED = [
  'TS101 0:0-0:45', // "## Security Considerations" is missing: flagged on the title line
  'TS406 131:44-131:46', // T4 depends on T9, which is no task (a misspelt T3: the graph's T3 --> T4 is not flagged too)
  'TS407 133:40-133:42', // T6 depends on itself
  'TS301 154:29-154:52', // "[Pagination, streaming]" is the template's placeholder
].sort();

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

function summary(ds: readonly vscode.Diagnostic[]): string[] {
  return ds.map((d) => `${codeOf(d)} ${rangeText(d.range)}`).sort();
}

describe('techspec in VS Code', function () {
  // Each test opens what it needs; edited untitled copies are reverted, never saved.
  afterEach(closeAllEditors);

  describe('activation', () => {
    it('activates on a spec and starts the language server', async () => {
      const uri = fixture(DEFECTS);
      const diagnosticsCame = waitForDiagnostics(uri, (ds) => ds.length > 0, 'the spec got no techspec diagnostics after it was opened', 45_000);
      await openEditor(uri);
      await diagnosticsCame;
      const ext = extension();
      assert.equal(ext.isActive, true, 'the extension is not active although a spec is open');
      if (process.env.TECHSPEC_INSTALLED) {
        // The run checks the packaged extension, not the development folder this suite lives in.
        assert.ok(relative(ext.extensionPath, __dirname).startsWith('..'), `the extension was loaded from ${ext.extensionPath}, not from the installed VSIX`);
        const pkg = ext.packageJSON as { contributes?: { snippets?: { path: string }[]; grammars?: { path: string }[] } };
        for (const c of [...(pkg.contributes?.snippets ?? []), ...(pkg.contributes?.grammars ?? [])]) {
          assert.ok(existsSync(join(ext.extensionPath, c.path)), `the VSIX lacks ${c.path}`);
        }
        for (const f of ['client/out/extension.js', 'server/out/server.js']) assert.ok(existsSync(join(ext.extensionPath, f)), `the VSIX lacks ${f}`);
        for (const f of ['test', 'client/src', 'server/src', 'node_modules']) assert.ok(!existsSync(join(ext.extensionPath, f)), `the VSIX carries ${f}`);
      }
    });

    it('gives a plain README.md no diagnostics', async () => {
      const uri = fixture(README);
      // The server publishes an empty set for a document it looked at and left alone.
      const published = nextDiagnosticsChange(uri, 'the language server published nothing for README.md after it was opened');
      await openEditor(uri);
      assert.deepEqual(summary(await published), []);
      assert.deepEqual(summary(techspecDiagnostics(uri)), []);
    });

    it('gives a complete spec no diagnostics', async () => {
      const uri = fixture(CLEAN);
      const published = nextDiagnosticsChange(uri, 'the language server published nothing for clean.spec.md after it was opened');
      await openEditor(uri);
      assert.deepEqual(summary(await published), []);
    });
  });

  describe('the demo samples (npm start)', () => {
    const sample = (name: string) => vscode.Uri.joinPath(workspaceRoot(), '..', '..', 'samples', name);

    it('team-invitations.spec.md gets no diagnostics', async () => {
      const uri = sample('team-invitations.spec.md');
      const published = nextDiagnosticsChange(uri, 'the language server published nothing for samples/team-invitations.spec.md');
      await openEditor(uri);
      assert.deepEqual(summary(await published), []);
    });

    it('webhook-retries.spec.md shows its defects', async () => {
      const uri = sample('webhook-retries.spec.md');
      const want = [
        'TS101',
        'TS202',
        'TS204',
        'TS205',
        'TS301',
        'TS301',
        'TS301',
        'TS406',
        'TS409',
        'TS409',
        'TS411',
        'TS501',
        'TS501',
        'TS702',
        'TS801',
        'TS803',
        'TS804',
      ];
      await openEditor(uri);
      const got = await waitForDiagnostics(uri, (ds) => ds.length >= want.length, `samples/webhook-retries.spec.md did not get its ${want.length} findings`);
      assert.deepEqual(got.map(codeOf).sort(), want);
    });
  });

  describe('diagnostics', () => {
    it('reports the planted defects with their codes and ranges', async () => {
      const uri = fixture(DEFECTS);
      await openEditor(uri);
      const got = await waitForDiagnostics(
        uri,
        (ds) => ds.length >= DEFECTS_EXPECTED.length,
        `the planted defects (${DEFECTS_EXPECTED.join(', ')}) were not all reported`,
      );
      assert.deepEqual(summary(got), DEFECTS_EXPECTED);
      for (const d of got) assert.ok(d.message.length > 20, `${codeOf(d)} has no useful message: "${d.message}"`);
      const security = got.find((d) => codeOf(d) === 'TS101');
      assert.match(security?.message ?? '', /Security Considerations/);
      assert.equal(security?.severity, vscode.DiagnosticSeverity.Warning);

      // Show the task table, where most of the squiggles are, above the Problems panel.
      const editor = vscode.window.activeTextEditor!;
      const unknown = got.find((d) => codeOf(d) === 'TS406')!;
      const top = new vscode.Position(unknown.range.start.line - 9, 0); // "## Task Breakdown"
      editor.revealRange(new vscode.Range(top, top), vscode.TextEditorRevealType.AtTop);
      editor.selection = new vscode.Selection(unknown.range.start, unknown.range.start);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await screenshot('diagnostics-editor-and-problems', ['.monaco-editor .squiggly-error', '.markers-panel .monaco-list-row']);
    });
  });

  describe('quick fixes', () => {
    it('offers "Insert section" for a missing section, in the code actions and in the quick-fix menu', async () => {
      const uri = fixture(DEFECTS);
      const editor = await openEditor(uri);
      const ds = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'TS101'), 'no TS101 on the defects fixture');
      const missing = ds.find((d) => codeOf(d) === 'TS101')!;
      const expected = 'Insert section "## Security Considerations"';
      const cursor = new vscode.Range(missing.range.start, missing.range.start);
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        uri,
        cursor,
        vscode.CodeActionKind.QuickFix.value,
      );
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes(expected), `VS Code offers no "${expected}" at ${rangeText(cursor)}; it offers: ${JSON.stringify(titles)}`);

      editor.selection = new vscode.Selection(missing.range.start, missing.range.start);
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await vscode.commands.executeCommand('editor.action.quickFix');
      const menuRow = '.action-widget .monaco-list-row.action';
      const shown = await screenshot('quick-fix-menu', [menuRow]);
      await vscode.commands.executeCommand('hideCodeActionWidget');
      // Only the offline runner sees the page; under @vscode/test-electron the code actions above are the check.
      if (shown)
        assert.ok(
          shown.texts[menuRow].some((t) => t.includes(expected)),
          `the quick-fix menu shows ${JSON.stringify(shown.texts[menuRow])}, not "${expected}"`,
        );
    });

    it('inserts a missing section, and its diagnostic goes away', async () => {
      const text = await fixtureText(DEFECTS);
      const editor = await openUntitled(text);
      const uri = editor.document.uri;
      const isSecurity = (d: vscode.Diagnostic) => codeOf(d) === 'TS101' && d.message.includes('Security Considerations');
      const before = await waitForDiagnostics(
        uri,
        (ds) => ds.some(isSecurity),
        'no TS101 for "Security Considerations" on the untitled copy of the defects fixture',
      );
      const diagnostic = before.find(isSecurity)!;

      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const titles = actions.map((a) => a.title);
      const fix = actions.find((a): a is vscode.CodeAction => 'edit' in a && !!a.edit && /insert\b.*section\b.*Security Considerations/i.test(a.title));
      assert.ok(fix, `no "Insert section … Security Considerations" quick fix among: ${JSON.stringify(titles)}`);
      assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);

      const others = before.filter((d) => !isSecurity(d));
      const after = waitForDiagnostics(
        uri,
        (ds) => editor.document.version > 1 && !ds.some(isSecurity),
        'the TS101 for "Security Considerations" did not go away after the quick fix',
      );
      assert.equal(await vscode.workspace.applyEdit(fix.edit!), true, 'workspace.applyEdit refused the quick fix');
      const remaining = await after;

      const fixed = editor.document.getText();
      const at = fixed.indexOf('\n## Security Considerations\n');
      assert.ok(
        at > fixed.indexOf('\n## Task Breakdown\n') && at < fixed.indexOf('\n## Performance Considerations\n'),
        'the section was not inserted between Task Breakdown and Performance Considerations, where the template puts it',
      );
      // The fix inserts text and changes nothing else.
      const inserted = fixed.length - text.length;
      assert.ok(inserted > 0);
      const start = firstDifference(text, fixed);
      assert.equal(fixed.slice(0, start) + fixed.slice(start + inserted), text, 'the quick fix changed text other than the inserted section');
      // Other findings stay, moved down by the inserted lines where they come after it; inside the
      // inserted section there are only the template skeleton's placeholders.
      const from = editor.document.positionAt(start).line;
      const added = editor.document.positionAt(start + inserted).line - from;
      const shift = (d: vscode.Diagnostic) => {
        const by = d.range.start.line >= from ? added : 0;
        return `${codeOf(d)} ${rangeText(new vscode.Range(d.range.start.translate(by), d.range.end.translate(by)))}`;
      };
      const inside = (d: vscode.Diagnostic) => d.range.start.line >= from && d.range.end.line < from + added;
      assert.deepEqual(
        summary(remaining.filter((d) => !inside(d))),
        others.map(shift).sort(),
        `findings outside the inserted section changed; now: ${describeDiagnostics(remaining)}`,
      );
      assert.deepEqual([...new Set(remaining.filter(inside).map(codeOf))], ['TS301'], 'the inserted skeleton has findings other than its placeholders');
    });
  });

  describe('completion', () => {
    it('offers the task IDs in a Dependencies cell', async () => {
      const text = (await fixtureText(DEFECTS)).replace(
        '| T5 | Add integration tests | ~200 | T4 | REP-5 |',
        '| T5 | Add integration tests | ~200 | T4,  | REP-5 |',
      );
      const editor = await openUntitled(text);
      const uri = editor.document.uri;
      // Its planted defects show the server has analyzed this copy.
      await waitForDiagnostics(uri, (ds) => ds.length > 0, 'the server published no diagnostics for the untitled copy of defects.spec.md');
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.startsWith('| T5 |'));
      const position = new vscode.Position(line, lines[line].indexOf('T4, ') + 'T4, '.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
      const items = new Map(list.items.map((i) => [typeof i.label === 'string' ? i.label : i.label.label, i]));
      const labels = [...items.keys()];
      for (const id of ['T1', 'T2', 'T3'])
        assert.ok(
          items.has(id),
          `${id} is not offered in T5's Dependencies cell of ${uri.toString()} at ${position.line}:${position.character}; offered: ${JSON.stringify(labels)}`,
        );
      assert.ok(!items.has('T5'), 'T5 is offered as a dependency of itself');
      assert.ok(!items.has('T6'), 'T6 is offered as a dependency of T5, which would close the cycle T5 → T6 → T5');
      const t1 = items.get('T1')!;
      const detail = t1.detail ?? (typeof t1.label === 'string' ? undefined : (t1.label.description ?? t1.label.detail));
      assert.match(detail ?? '', /Create report_exports migration/, 'T1 does not carry its title as detail');
    });
  });

  describe('task IDs', () => {
    it("goes from a dependency to its task's row, and renames a task everywhere", async () => {
      const text = await fixtureText(DEFECTS);
      const editor = await openUntitled(text);
      const uri = editor.document.uri;
      await waitForDiagnostics(uri, (ds) => ds.length > 0, 'the server published no diagnostics for the untitled copy of defects.spec.md');
      const lines = text.split('\n');
      const t4Row = lines.findIndex((l) => l.startsWith('| T4 |'));
      const t5Row = lines.findIndex((l) => l.startsWith('| T5 |'));
      const dependency = new vscode.Position(t5Row, lines[t5Row].lastIndexOf('T4') + 1);

      const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, dependency);
      const targets = definitions.map((d) => ('targetRange' in d ? rangeText(d.targetRange) : rangeText(d.range)));
      assert.deepEqual(targets, [`${t4Row}:2-${t4Row}:4`], "Go to Definition on T5's dependency T4 does not land on T4's ID cell");

      const uses = (t: string, id: string) => (t.match(new RegExp(`\\b${id}\\b`, 'g')) ?? []).length;
      const before = uses(text, 'T4');
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, dependency, 'T40');
      assert.ok(edit && (await vscode.workspace.applyEdit(edit)), 'the rename edit was not applied');
      const after = editor.document.getText();
      assert.equal(uses(after, 'T4'), 0, `T4 is still written somewhere after the rename:\n${after}`);
      assert.equal(uses(after, 'T40'), before, 'the rename did not write T40 wherever T4 was');
      assert.ok(after.includes('T2 --> T40[T40: API]'), 'the graph node and its label did not follow the rename');
    });

    it("leaves renaming in a markdown file that is no spec to VS Code's markdown support", async () => {
      const uri = fixture(README);
      const published = nextDiagnosticsChange(uri, 'the language server published nothing for README.md after it was opened');
      const editor = await openEditor(uri);
      await published;
      const line = editor.document
        .getText()
        .split('\n')
        .findIndex((l) => l.startsWith('| T1 |'));
      const at = new vscode.Position(line, 3);
      // VS Code's markdown support refuses (it renames headers and links); the refusal must not be ours.
      const refusalOf = (command: string, ...args: unknown[]) =>
        vscode.commands.executeCommand(command, uri, at, ...args).then(
          (result) => assert.fail(`${command} on T1 in README.md was not refused: ${JSON.stringify(result)}`),
          (e: Error) => e.message,
        );
      const refusal = (await refusalOf('vscode.prepareRename')) + (await refusalOf('vscode.executeDocumentRenameProvider', 'T2'));
      assert.doesNotMatch(refusal, /task ID|tech spec/i, 'techspec answered a rename in a file that is no spec');
    });
  });

  describe('snippets and grammar', () => {
    type Contributions = { snippets?: { language: string; path: string }[]; grammars?: { path: string; scopeName: string; injectTo?: string[] }[] };
    const contributes = () => (extension().packageJSON as { contributes?: Contributions }).contributes ?? {};
    const read = (path: string) => readFileSync(join(extension().extensionPath, path), 'utf8');

    function parseFile(path: string): unknown {
      const errors: ParseError[] = [];
      const value = parseJsonc(read(path), errors, { allowTrailingComma: true });
      assert.deepEqual(
        errors.map((e) => `${printParseErrorCode(e.error)} at offset ${e.offset}`),
        [],
        `${path} does not parse`,
      );
      return value;
    }

    function snippets(): { file: string; name: string; prefix: string; body: string }[] {
      const out = [];
      for (const s of contributes().snippets ?? []) {
        const file = parseFile(s.path) as Record<string, { prefix: string | string[]; body: string | string[] }>;
        for (const [name, snippet] of Object.entries(file)) {
          const prefix = Array.isArray(snippet.prefix) ? snippet.prefix[0] : snippet.prefix;
          out.push({ file: s.path, name, prefix, body: Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body });
        }
      }
      return out;
    }

    it('contributes snippet files that exist and parse, with spec- prefixes', () => {
      const files = contributes().snippets ?? [];
      assert.ok(files.length > 0, 'package.json contributes no snippets');
      for (const f of files) assert.equal(f.language, 'markdown', `${f.path} is not contributed for markdown`);
      const all = snippets();
      assert.ok(all.length >= 5, `only ${all.length} snippets are contributed`);
      for (const s of all) assert.match(s.prefix, /^spec-/, `snippet "${s.name}" in ${s.file} has prefix "${s.prefix}"`);
    });

    it('contributes an injection grammar into markdown that exists and parses', () => {
      const grammars = contributes().grammars ?? [];
      assert.ok(grammars.length > 0, 'package.json contributes no grammar');
      for (const g of grammars) {
        const grammar = parseFile(g.path) as { scopeName?: string; injectionSelector?: string; patterns?: unknown[] };
        assert.equal(grammar.scopeName, g.scopeName, `${g.path} declares scope ${grammar.scopeName}, package.json says ${g.scopeName}`);
        assert.ok(g.injectTo?.includes('text.html.markdown'), `${g.path} is not injected into markdown`);
        assert.ok(grammar.injectionSelector, `${g.path} has no injectionSelector`);
        assert.ok(Array.isArray(grammar.patterns) && grammar.patterns.length > 0, `${g.path} has no patterns`);
      }
    });

    it('expands every contributed snippet with editor.insertSnippet', async () => {
      for (const s of snippets()) {
        const editor = await openUntitled('');
        const expected = renderSnippet(s.body, editor.document);
        const changed = waitFor(
          vscode.workspace.onDidChangeTextDocument,
          () => (editor.document.getText() === expected ? true : undefined),
          10_000,
          `snippet "${s.name}" (${s.prefix}) did not expand to its body`,
        );
        assert.equal(await editor.insertSnippet(new vscode.SnippetString(s.body)), true, `insertSnippet refused "${s.name}"`);
        await changed;
        await vscode.commands.executeCommand('leaveSnippet');
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    });
  });

  describe('snippets and grammar: the skeleton', () => {
    it('spec-skeleton expands into a spec with every section, a valid header and a consistent task graph', async () => {
      const pkg = extension().packageJSON as { contributes: { snippets: { path: string }[] } };
      const file = parseJsonc(readFileSync(join(extension().extensionPath, pkg.contributes.snippets[0].path), 'utf8')) as Record<
        string,
        { prefix: string; body: string[] | string }
      >;
      const skeleton = Object.values(file).find((s) => s.prefix === 'spec-skeleton');
      assert.ok(skeleton, 'no snippet with prefix spec-skeleton');
      const editor = await openUntitled('');
      const uri = editor.document.uri;
      const analyzed = waitForDiagnostics(
        uri,
        (ds) => ds.length > 0,
        'the expanded skeleton was never analyzed as a spec (its placeholders were not reported)',
      );
      assert.equal(await editor.insertSnippet(new vscode.SnippetString(Array.isArray(skeleton.body) ? skeleton.body.join('\n') : skeleton.body)), true);
      const ds = await analyzed;
      // Placeholders are the skeleton's job; missing sections, header, task or graph findings are not.
      const structural = ds.filter((d) => /^TS[1245]/.test(codeOf(d)));
      assert.deepEqual(summary(structural), [], 'the expanded skeleton has structural findings');
      assert.ok(
        ds.some((d) => codeOf(d) === 'TS301'),
        'the skeleton has no placeholders left to fill',
      );
      await vscode.commands.executeCommand('leaveSnippet');
    });
  });

  describe('preview', () => {
    it('techspec.showPreview opens the dependency-graph panel for the spec and draws its tasks', async () => {
      const uri = fixture(CLEAN);
      await openEditor(uri);
      // Opening markdown activates the extension; this waits for activate() to finish.
      const api = (await extension().activate()) as { preview?: { onDidRender: vscode.Event<Rendered> } } | undefined;
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('techspec.showPreview'), 'the command techspec.showPreview is not registered');
      assert.ok(api?.preview, "the extension's API has no preview (expected preview.onDidRender)");
      let last: Rendered | undefined;
      const rendered = waitFor(
        (listener) => api.preview!.onDidRender((info) => listener((last = info))),
        () => (last && last.uri === uri.toString() && last.status === 'ok' ? last : undefined),
        30_000,
        'the preview never drew the graph of clean.spec.md (no onDidRender with status ok)',
      );
      const isPreview = (t: vscode.Tab) => t.input instanceof vscode.TabInputWebview && /techspec/i.test(t.input.viewType);
      const opened = waitFor(
        vscode.window.tabGroups.onDidChangeTabs,
        () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(isPreview),
        30_000,
        'techspec.showPreview opened no techspec webview tab',
      );
      await vscode.commands.executeCommand('techspec.showPreview');
      const tab = await opened;
      assert.match(tab.label, /clean\.spec\.md/, `the preview tab "${tab.label}" does not name the spec`);
      const info = await rendered;
      assert.equal(info.nodes, 6, 'the preview did not draw the six tasks of clean.spec.md');
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await screenshot('preview-panel', ['webview:svg .nodes .node']);
    });

    it('techspec.showPreviewToSide follows the active spec editor', async () => {
      const defects = fixture(DEFECTS);
      const clean = fixture(CLEAN);
      await openEditor(defects);
      const api = (await extension().activate()) as { preview: { onDidRender: vscode.Event<Rendered> } };
      const drawn = (uri: vscode.Uri) => {
        let last: Rendered | undefined;
        return waitFor(
          (listener) => api.preview.onDidRender((info) => listener((last = info))),
          () => (last && last.uri === uri.toString() && last.status === 'ok' ? last : undefined),
          30_000,
          `the preview never drew the graph of ${uri.path.split('/').pop()}`,
        );
      };
      const first = drawn(defects);
      await vscode.commands.executeCommand('techspec.showPreviewToSide');
      const info = await first;
      assert.ok(info.nodes >= 6, `the preview drew ${info.nodes} nodes for the six tasks of defects.spec.md`);
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await screenshot('preview-beside-defects', ['webview:svg .nodes .node']);

      const second = drawn(clean);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(clean), { viewColumn: vscode.ViewColumn.One });
      assert.equal((await second).nodes, 6);
    });
  });
});

interface Rendered {
  uri: string;
  version: number;
  status: string;
  nodes: number;
  ms: number;
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
