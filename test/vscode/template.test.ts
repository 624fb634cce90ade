// A team's template, named by the .techspec.jsonc of test/fixtures/templates/requests, is the
// schema its specs are checked against; the command shows what was read from it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  describe as describeDiagnostics,
  fixture,
  nextDiagnosticsChange,
  openEditor,
  techspecDiagnostics,
  waitForDiagnostics,
} from './helpers';

const TEAM = 'templates/requests';

describe("the team's template", function () {
  afterEach(closeAllEditors);

  it('checks a spec by the configured template: the correct spec has no diagnostics, the defective one gets its template findings', async () => {
    const correct = fixture(`${TEAM}/correct.spec.md`);
    const published = nextDiagnosticsChange(correct, 'the language server published nothing for the team spec');
    await openEditor(correct);
    await published;
    // Clean only by the team's template: the bundled one would ask for its own sections (TS101).
    await waitForDiagnostics(correct, (ds) => ds.length === 0, 'the correct spec of the feature-request template gets no diagnostics');

    const defects = fixture(`${TEAM}/defects.spec.md`);
    await openEditor(defects);
    const expected = ['TS102', 'TS301', 'TS402', 'TS404', 'TS701', 'TS901', 'TS902'];
    const ds = await waitForDiagnostics(
      defects,
      (found) => found.map(codeOf).sort().join() === expected.join(),
      `the defective spec gets ${expected.join(', ')}`,
    );
    assert.ok(
      ds.some((d) => d.message === 'Probability "Often" is not Low, Medium, High or Critical: write one of them.'),
      describeDiagnostics(techspecDiagnostics(defects)),
    );
  });

  it('"Show Rules Derived from the Template" opens what was read from the template of the active spec', async () => {
    await openEditor(fixture(`${TEAM}/correct.spec.md`));
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('techspec.showDerivedRules');
    assert.ok(document, 'the command returned no document');
    assert.equal(document.languageId, 'markdown');
    assert.equal(document.isUntitled, true);
    const text = document.getText();
    assert.match(text, /^# Rules derived from .*templates\/requests\/template\.md\n/);
    assert.ok(text.includes('Ready means State `Accepted`'), text);
    assert.ok(text.includes('Pattern `^FR-\\d+$`.'), text);
    assert.equal(vscode.window.activeTextEditor?.document, document);
  });
});
