// The "Tech Specs" view, Go to Symbol in Workspace, and the preview's search, inside a real VS Code
// on the suite's workspace (test/fixtures).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, fixture, openEditor, screenshot, waitFor } from './helpers';

/** The parts of the extension's API this file reads (client/src/specsView.ts, client/src/preview/preview.ts). */
interface Api {
  specs: {
    specs(): readonly { uri: string; title: string }[];
    onDidRefresh: vscode.Event<unknown>;
    provider: vscode.TreeDataProvider<unknown>;
    view: vscode.TreeView<unknown>;
    refresh(): Promise<void>;
  };
  preview: {
    onDidRender: vscode.Event<{ uri: string; status: string; nodes: number }>;
    search(query: string): Promise<{ query: string; found: string | null; matches: number; upstream: string[]; downstream: string[] }>;
  };
}

async function api(): Promise<Api> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return (await ext.activate()) as Api;
}

const fileName = (uri: string) => decodeURIComponent(uri.replace(/^.*\//, ''));

describe('the Tech Specs view', function () {
  afterEach(closeAllEditors);

  it('lists the specs of the workspace with Status, tasks, estimate and problems, their tasks by wave', async () => {
    await openEditor(fixture('clean.spec.md'));
    const { specs } = await api();
    const cleanUri = fixture('clean.spec.md').toString();
    const listed = waitFor(
      specs.onDidRefresh,
      () => (specs.specs().some((s) => s.uri === cleanUri) ? specs.specs() : undefined),
      30_000,
      'the view never listed clean.spec.md',
    );
    await vscode.commands.executeCommand('techspec.refreshSpecs');
    const list = await listed;
    const names = list.map((s) => fileName(s.uri));
    for (const spec of ['billing.spec.md', 'clean.spec.md', 'defects.spec.md'])
      assert.ok(names.includes(spec), `the view does not list ${spec} (it lists ${names.join(', ')})`);
    assert.ok(!names.includes('README.md'), 'the view lists README.md, which is no spec');

    const provider = specs.provider;
    const roots = (await provider.getChildren()) ?? [];
    const items = await Promise.all(roots.map((r) => provider.getTreeItem(r)));
    const at = (name: string) => items.findIndex((i) => i.resourceUri && fileName(i.resourceUri.toString()) === name);
    const clean = items[at('clean.spec.md')];
    assert.equal(clean.label, 'Technical Spec: Saved Report Exports');
    assert.match(String(clean.description), /^In Review · 6 tasks · ~900 lines · /);
    assert.equal((clean.iconPath as vscode.ThemeIcon).id, 'checklist');
    const defects = items[at('defects.spec.md')];
    assert.equal((defects.iconPath as vscode.ThemeIcon).id, 'error', 'a spec with errors shows the error icon');
    assert.match(String(defects.description), /· \d+ problems?$/);

    const waves = (await provider.getChildren(roots[at('clean.spec.md')])) ?? [];
    const waveItems = await Promise.all(waves.map((w) => provider.getTreeItem(w)));
    assert.deepEqual(
      waveItems.map((w) => `${w.label}: ${w.description}`),
      ['Wave 1: 1 task', 'Wave 2: 2 tasks', 'Wave 3: 1 task', 'Wave 4: 1 task', 'Wave 5: 1 task'],
    );
    const tasks = await Promise.all(((await provider.getChildren(waves[1])) ?? []).map((t) => provider.getTreeItem(t)));
    assert.deepEqual(
      tasks.map((t) => `${t.label} ${t.description}`),
      ['T2 Add export repository', 'T3 Render CSV in the export worker'],
    );

    // Clicking a task reveals its row.
    await closeAllEditors();
    const command = tasks[1].command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), cleanUri);
    assert.equal(editor?.selection.start.line, 130, 'the T3 row (line 131) is selected');
    assert.match(editor!.document.lineAt(130).text, /^\| T3 \|/);

    // For the screenshot: a wider side bar (the headless page has no keyboard focus, so the width
    // commands resize the editor), and the folder's file list moved out of the Explorer meanwhile.
    await vscode.commands.executeCommand('techspec.specs.focus');
    for (let i = 0; i < 8; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
    await vscode.commands.executeCommand('vscode.moveViews', { viewIds: ['workbench.explorer.fileView'], destinationId: 'workbench.panel.output' });
    try {
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await specs.view.reveal(roots[at('clean.spec.md')], { expand: 2, select: true, focus: true });
      await screenshot('specs-view', ['.monaco-list-row[aria-label*="Saved Report Exports"]']);
    } finally {
      await vscode.commands.executeCommand('vscode.moveViews', { viewIds: ['workbench.explorer.fileView'], destinationId: 'workbench.view.explorer' });
      for (let i = 0; i < 8; i++) await vscode.commands.executeCommand('workbench.action.increaseViewWidth');
    }
  });

  it('Go to Symbol in Workspace finds the tasks of every spec, named by ID and title, in the spec titled', async () => {
    await api();
    const symbols = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'export endpoints')) ?? [];
    const found = symbols.filter((s) => s.name === 'T4 Create export endpoints' && s.containerName === 'Technical Spec: Saved Report Exports');
    assert.ok(
      symbols.some((s) => s.containerName === 'Technical Spec: Report Exports With Defects'),
      'the tasks of defects.spec.md are symbols too',
    );
    assert.equal(found.length, 1, `expected T4 of clean.spec.md, got ${symbols.map((s) => `${s.name} (${s.containerName})`).join(', ')}`);
    assert.equal(found[0].containerName, 'Technical Spec: Saved Report Exports');
    assert.equal(found[0].location.uri.toString(), fixture('clean.spec.md').toString());
    assert.equal(found[0].location.range.start.line, 131);
  });
});

describe('the preview search', function () {
  afterEach(closeAllEditors);

  it('finds a task by ID and highlights it with its upstream and downstream', async () => {
    const uri = fixture('clean.spec.md');
    await openEditor(uri);
    const { preview } = await api();
    let last: { uri: string; status: string; nodes: number } | undefined;
    const drawn = waitFor(
      (listener) => preview.onDidRender((info) => listener((last = info))),
      () => (last?.uri === uri.toString() && last.status === 'ok' ? last : undefined),
      30_000,
      'the preview never drew clean.spec.md',
    );
    await vscode.commands.executeCommand('techspec.showPreview');
    assert.equal((await drawn).nodes, 6);
    const result = await preview.search('t4');
    assert.deepEqual(
      { ...result, upstream: [...result.upstream].sort(), downstream: [...result.downstream].sort() },
      { query: 't4', found: 'T4', matches: 1, upstream: ['T1', 'T2', 'T3'], downstream: ['T5', 'T6'] },
    );
    const byTitle = await preview.search('integration');
    assert.equal(byTitle.found, 'T5');
    const none = await preview.search('no such task');
    assert.deepEqual([none.found, none.matches], [null, 0]);
    await preview.search('T4');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await screenshot('preview-search', ['webview:svg .node.found']);
  });
});
