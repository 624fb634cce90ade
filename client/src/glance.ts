// Client commands behind the code lenses (their arguments arrive as protocol types and are
// converted here) and "Format Table", which formats the table under the cursor.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Location, Position } from 'vscode-languageserver-protocol';
import { FormatTableRequest } from '../../protocol';

export const FORMAT_TABLE_COMMAND = 'techspec.formatTable';

export function registerGlanceCommands(client: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('techspec.codeLens.showGraph', (uri: string) =>
      vscode.commands.executeCommand('techspec.showPreview', vscode.Uri.parse(uri)),
    ),
    vscode.commands.registerCommand('techspec.codeLens.showLocations', (uri: string, at: Position, locations: Location[]) => {
      const c = client();
      if (!c) return;
      const convert = c.protocol2CodeConverter;
      return vscode.commands.executeCommand(
        'editor.action.showReferences',
        vscode.Uri.parse(uri),
        convert.asPosition(at),
        locations.map((l) => convert.asLocation(l)),
      );
    }),
    vscode.commands.registerCommand(FORMAT_TABLE_COMMAND, () => formatTable(client())),
  );
}

/** Formats the table under the cursor of the active editor; says why when it cannot. */
async function formatTable(client: LanguageClient | undefined): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Tech Spec: put the cursor in a table of a spec to format it.');
    return false;
  }
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('Tech Spec: the language server is not running, so the table cannot be formatted. See the "Tech Spec" output.');
    return false;
  }
  const { document } = editor;
  const at = editor.selection.active;
  const result = await client.sendRequest(FormatTableRequest, { uri: document.uri.toString(), position: { line: at.line, character: at.character } });
  if (result.version !== document.version) {
    void vscode.window.showInformationMessage('Tech Spec: the document changed while the table was formatted; run Format Table again.');
    return false;
  }
  if (!result.edits.length) {
    vscode.window.setStatusBarMessage('Tech Spec: no table to format here (or it is formatted already).', 4000);
    return false;
  }
  const edits = result.edits.map((e) => client.protocol2CodeConverter.asTextEdit(e));
  return editor.edit((b) => {
    for (const e of edits) b.replace(e.range, e.newText);
  });
}
