// The plan at a glance inside real VS Code: the code lenses on a sample spec, the readiness item in
// the status bar and its quick pick, and table formatting (range formatting and the command).
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, openEditor, openUntitled, screenshot, waitFor } from './helpers';

interface ReadinessApi {
  text(): string | undefined;
  readiness(): { uri: string; readiness: { problems: { range: { start: { line: number } } }[] } } | undefined;
  onDidUpdate: vscode.Event<void>;
  onDidShowPick: vscode.Event<string[]>;
}

/** The samples/ folder of the extension's sources (this file runs from out/test/vscode). */
const sample = (name: string) => vscode.Uri.file(join(__dirname, '../../../samples', name));

async function readinessApi(): Promise<ReadinessApi> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  const api = (await ext.activate()) as { readiness?: ReadinessApi };
  assert.ok(api.readiness, "the extension's API has no readiness (the status bar item)");
  return api.readiness;
}

/** Waits until the status bar item shows the readiness of `uri`. */
function readinessShown(api: ReadinessApi, uri: vscode.Uri, what: string): Promise<string> {
  return waitFor(api.onDidUpdate, () => (api.readiness()?.uri === uri.toString() ? api.text() : undefined), 45_000, what);
}

describe('the plan at a glance', function () {
  afterEach(closeAllEditors);

  it('code lenses: the plan above Task Breakdown, wave and dependents above each task', async () => {
    const uri = sample('team-invitations.spec.md');
    const api = await readinessApi();
    const shown = readinessShown(api, uri, 'the status bar never showed the readiness of team-invitations.spec.md');
    const editor = await openEditor(uri);
    assert.equal(await shown, '$(pass) Approved');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
    // The order of two lenses on one line is the workbench's: compared sorted.
    const titles = lenses
      .filter((l) => l.command?.title)
      .map((l) => `${l.range.start.line}: ${l.command!.title}`)
      .sort();
    assert.deepEqual(titles, [
      '134: 7 tasks · ~1,180 lines · critical path ~960 lines (T1 → T2 → T4 → T6 → T7) · 5 waves',
      '134: Show graph',
      '140: wave 1 · needed by 1',
      '141: wave 2 · needed by 1',
      '142: wave 1 · needed by 1',
      '143: wave 3 · needed by 2',
      '144: wave 4 · needed by 1',
      '145: wave 4 · needed by 1',
      '146: wave 5 · needed by none',
    ]);
    editor.revealRange(new vscode.Range(130, 0, 150, 0), vscode.TextEditorRevealType.AtTop);
    // The editor resolves the lenses it shows: the screenshot waits for a summary and a task's title.
    const summaryShown = '.codelens-decoration:has-text("7 tasks")';
    const seen = await screenshot('code-lenses', [summaryShown, '.codelens-decoration:has-text("needed by 2")', '.statusbar-item:has-text("Approved")']);
    if (seen) assert.match(seen.texts[summaryShown].join(' | '), /7 tasks · ~1,180 lines · critical path ~960 lines \(T1 → T2 → T4 → T6 → T7\) · 5 waves/);

    // "needed by 2" on T4 lists T5 and T6 in the references peek.
    const t4 = lenses.find((l) => l.range.start.line === 143)!.command!;
    await vscode.commands.executeCommand(t4.command, ...(t4.arguments ?? []));
    const peek = await screenshot('code-lens-needed-by', ['.peekview-widget .monaco-list-row']);
    if (peek)
      assert.equal(
        peek.texts['.peekview-widget .monaco-list-row'].filter((t) => /T[56]/.test(t)).length,
        2,
        peek.texts['.peekview-widget .monaco-list-row'].join(' | '),
      );
  });

  it('status bar: what blocks readiness; a click lists it, and choosing one goes there', async () => {
    const uri = sample('webhook-retries.spec.md');
    const api = await readinessApi();
    const shown = readinessShown(api, uri, 'the status bar never showed the readiness of webhook-retries.spec.md');
    await openEditor(uri);
    assert.equal(await shown, '$(checklist) WIP · 4 errors · 1 missing section · +4 more');
    let labels: string[] | undefined;
    const pickShown = waitFor(
      (listener) => api.onDidShowPick((l) => listener((labels = l))),
      () => labels,
      30_000,
      'clicking the status bar item showed no quick pick',
    );
    const clicked = vscode.commands.executeCommand('techspec.showReadiness');
    assert.deepEqual((await pickShown).slice(0, 2), [
      '$(error) Invalid JSON: JSON allows no trailing comma: remove it.',
      '$(error) Dependency cycle: T3 → T5 → T3. None of these tasks can start; remove one of the dependencies.',
    ]);
    assert.equal(labels!.length, 10);
    const seen = await screenshot('status-bar-readiness', ['.quick-input-widget .monaco-list-row', '.statusbar-item:has-text("WIP")']);
    if (seen) assert.match(seen.texts['.statusbar-item:has-text("WIP")'].join(' '), /WIP · 4 errors · 1 missing section · \+4 more/);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await clicked;
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), uri.toString());
    assert.deepEqual([editor.selection.start.line, editor.selection.start.character], [56, 13], 'choosing the JSON error did not select it');
  });

  it('status bar: hidden for a markdown file that is no spec', async () => {
    const api = await readinessApi();
    const doc = await openUntitled('# Notes\n\nNothing here.\n');
    await waitFor(api.onDidUpdate, () => (api.text() === undefined ? true : undefined), 30_000, `the status bar item still shows "${api.text()}" for a README`);
    assert.equal(vscode.window.activeTextEditor?.document, doc.document);
  });

  it('range formatting formats the table the range touches, and Format Table the one at the cursor', async () => {
    const api = await readinessApi();
    const text = '# Technical Spec: Tables\n\n| a | b |\n|-|:-:|\n| 名前 | 22 |\n\nBetween.\n\n| x | y |\n|-|-|\n| 1 | 2 |\n';
    const editor = await openUntitled(text);
    await readinessShown(api, editor.document.uri, 'the untitled spec was never analyzed');
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>(
      'vscode.executeFormatRangeProvider',
      editor.document.uri,
      new vscode.Range(3, 0, 3, 1),
      { tabSize: 2, insertSpaces: true },
    );
    const edit = new vscode.WorkspaceEdit();
    edit.set(editor.document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(
      editor.document.getText(),
      '# Technical Spec: Tables\n\n| a    |  b  |\n| ---- | :-: |\n| 名前 | 22  |\n\nBetween.\n\n| x | y |\n|-|-|\n| 1 | 2 |\n',
    );
    editor.selection = new vscode.Selection(10, 1, 10, 1);
    await vscode.commands.executeCommand('techspec.formatTable');
    assert.equal(editor.document.getText().split('\n').slice(8).join('\n'), '| x   | y   |\n| --- | --- |\n| 1   | 2   |\n');
  });
});
