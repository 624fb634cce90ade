// "Tech Spec: Show Rules Derived from the Template": the server's description of the template that
// applies to the active document, opened as an untitled markdown document.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DerivedRulesRequest } from '../../protocol';

export function registerDerivedRulesCommand(client: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('techspec.showDerivedRules', async () => {
    const running = client();
    if (!running?.isRunning()) {
      void vscode.window.showErrorMessage('Tech Spec: the language server is not running, so the template cannot be read. Restart it and try again.');
      return undefined;
    }
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const { markdown } = await running.sendRequest(DerivedRulesRequest, { uri });
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  });
}
