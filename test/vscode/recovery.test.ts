// The client always comes back: the server is killed (SIGKILL) six times in a row, each time with
// typing right after it. Each time a new server must publish the diagnostics of what was typed,
// and the squiggles must never vanish meanwhile (they stay, marked stale).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXTENSION_ID, closeAllEditors, codeOf, fixtureText, openUntitled, techspecDiagnostics, waitFor } from './helpers';

const STALE = '(stale: the Tech Spec server is restarting)';

function serverPid(client: LanguageClient | undefined): number | undefined {
  const experimental = client?.initializeResult?.capabilities.experimental as { processId?: unknown } | undefined;
  return typeof experimental?.processId === 'number' ? experimental.processId : undefined;
}

describe('recovery', () => {
  // An untitled copy of the fixture: typing into the file itself would reach the disk (auto save).
  let editor: vscode.TextEditor;
  before(async () => {
    editor = await openUntitled(await fixtureText('defects.spec.md'));
  });
  after(closeAllEditors);

  it('the server killed six times while typing comes back every time, and the squiggles never vanish', async function () {
    this.timeout(240_000);
    const api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as { client(): LanguageClient | undefined };
    const uri = editor.document.uri;
    const placeholders = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'TS301' && /\[Kill \d+\]/.test(editor.document.getText(d.range))).length;
    await waitFor(
      vscode.languages.onDidChangeDiagnostics,
      () => (techspecDiagnostics(uri).length > 0 ? true : undefined),
      30_000,
      'the defects fixture has no diagnostics',
    );
    let vanished = false;
    const watch = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && techspecDiagnostics(uri).length === 0) vanished = true;
    });
    try {
      for (let kill = 1; kill <= 6; kill++) {
        const pid = serverPid(api.client());
        assert.ok(pid, `no server process id before kill ${kill} (expected initializeResult.capabilities.experimental.processId)`);
        process.kill(pid, 'SIGKILL');
        const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
        assert.ok(await editor.edit((b) => b.insert(end, `\n\nNote [Kill ${kill}]`)), `the edit after kill ${kill} was not applied`);
        await waitFor(
          vscode.languages.onDidChangeDiagnostics,
          () => {
            const ds = techspecDiagnostics(uri);
            const fresh = ds.length > 0 && !ds.some((d) => d.message.endsWith(STALE));
            const newPid = serverPid(api.client());
            return fresh && newPid !== undefined && newPid !== pid && placeholders(ds) === kill ? true : undefined;
          },
          60_000,
          `no new server published the diagnostics of the text typed after kill ${kill}`,
        );
      }
    } finally {
      watch.dispose();
    }
    assert.equal(vanished, false, 'the diagnostics vanished while the server was restarting');
  });

  it('techspec.restartServer keeps the squiggles, marked stale, then publishes them again', async () => {
    const uri = editor.document.uri;
    const codes = () => techspecDiagnostics(uri).map(codeOf).sort();
    const before = codes();
    assert.ok(before.length > 0, 'the defects fixture has no diagnostics before the restart');
    let sawEmpty = false;
    let sawStale = false;
    const back = waitFor(
      vscode.languages.onDidChangeDiagnostics,
      () => {
        const ds = techspecDiagnostics(uri);
        if (!ds.length) sawEmpty = true;
        if (ds.some((d) => d.message.endsWith(STALE))) sawStale = true;
        return sawStale && ds.length && !ds.some((d) => d.message.endsWith(STALE)) ? true : undefined;
      },
      30_000,
      'the diagnostics were not marked stale and then published again after techspec.restartServer',
    );
    await vscode.commands.executeCommand('techspec.restartServer');
    await back;
    assert.equal(sawEmpty, false, 'the diagnostics vanished during the restart');
    assert.deepEqual(codes(), before);
  });
});
