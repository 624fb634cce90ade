// A .techspec.jsonc in the workspace changes the diagnostics of the specs under it; its problems
// show in the file itself. The test writes its files into a folder of its own and deletes it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, fixture, fixtureText, openEditor, rangeText, techspecDiagnostics, waitFor, waitForDiagnostics } from './helpers';

const FOLDER = 'config-test';
const has = (code: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code);

describe('.techspec.jsonc', function () {
  const folder = () => fixture(FOLDER);
  const spec = () => vscode.Uri.joinPath(folder(), 'a.spec.md');
  const config = () => vscode.Uri.joinPath(folder(), '.techspec.jsonc');
  const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

  before(async () => write(spec(), await fixtureText('defects.spec.md')));

  after(async () => {
    await closeAllEditors();
    // The files this suite wrote (auto save may have written the edited config too): gone, with their diagnostics.
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
  });

  it('a config file written beside a spec turns a rule off; invalid in the editor, it is reported at the value and the settings apply', async () => {
    await openEditor(spec());
    await waitForDiagnostics(spec(), has('TS406'), 'the copy of the defects spec reports its unknown dependency (TS406)');

    await write(config(), '{\n  "rules": { "TS406": "off" }\n}\n');
    await waitForDiagnostics(spec(), (ds) => ds.length > 0 && !has('TS406')(ds), 'the new config file turns TS406 off');

    const editor = await openEditor(config());
    assert.equal(editor.document.languageId, 'jsonc', '.techspec.jsonc is JSON with comments');
    // Broken in the buffer, before any save: "of" is no severity.
    const value = new vscode.Range(1, 22, 1, 27);
    assert.equal(editor.document.getText(value), '"off"');
    assert.ok(await editor.edit((e) => e.replace(value, '"of"')));
    const problems = await waitForDiagnostics(config(), (ds) => ds.length > 0, 'the invalid config gets a techspec diagnostic in itself');
    assert.deepEqual(
      problems.map((d) => `${rangeText(d.range)} ${d.severity} ${d.message}`),
      [`1:22-1:26 0 rules.TS406 must be one of error, warning, information, hint, off, not "of"; the editor's settings apply.`],
    );
    await waitForDiagnostics(spec(), has('TS406'), 'with the config invalid, the settings apply and TS406 is back');

    // VS Code's JSON support checks the file against the contributed schema.
    const schemaProblem = await waitFor(
      vscode.languages.onDidChangeDiagnostics,
      () => vscode.languages.getDiagnostics(config()).find((d) => d.source !== 'techspec' && d.range.start.line === 1),
      30_000,
      'the JSON schema reports "of"',
    );
    assert.equal(rangeText(schemaProblem.range), '1:22-1:26');

    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(1, 22, 1, 26), '"off"')));
    await waitForDiagnostics(config(), (ds) => ds.length === 0, 'fixed, the config file has no techspec diagnostics');
    await waitForDiagnostics(spec(), (ds) => ds.length > 0 && !has('TS406')(ds), 'fixed, the config turns TS406 off again');
    assert.equal(techspecDiagnostics(config()).length, 0);
  });
});
