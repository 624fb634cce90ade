import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_EXEC_ARGV } from '../../server/src/launch';
import { PreviewManager, type PreviewApi } from './preview/preview';

let client: LanguageClient | undefined;

export interface TechspecApi {
  /** The running language client, for tests and other extensions. */
  client(): LanguageClient | undefined;
  /** The dependency graph preview: its panel, its model, and an event per drawing. */
  preview: PreviewApi;
}

export async function activate(context: vscode.ExtensionContext): Promise<TechspecApi> {
  const output = vscode.window.createOutputChannel('Tech Spec', { log: true });
  context.subscriptions.push(output);
  const preview = new PreviewManager(context.extensionUri, output);
  context.subscriptions.push(preview);

  const serverModule = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: SERVER_EXEC_ARGV } },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'vscode-remote', language: 'markdown' },
    ],
    synchronize: { configurationSection: 'techspec' },
    // A markdown file that is no spec gets nothing from us, not even a refusal in its rename box.
    middleware: {
      prepareRename: (document, position, token, next) => (preview.isSpec(document.uri) ? next(document, position, token) : undefined),
      provideRenameEdits: (document, position, newName, token, next) =>
        preview.isSpec(document.uri) ? next(document, position, newName, token) : undefined,
    },
    outputChannel: output,
    traceOutputChannel: output,
  };

  const start = async () => {
    client = new LanguageClient('techspec', 'Tech Spec Language Server', serverOptions, clientOptions);
    preview.connect(client);
    await client.start();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('techspec.restartServer', async () => {
      output.info('Restarting the Tech Spec language server');
      if (client) await client.restart();
      else await start();
    }),
    { dispose: () => void client?.stop() },
  );

  try {
    await start();
  } catch (e) {
    output.error(`The Tech Spec language server did not start: ${(e as Error).message}`);
    void vscode.window.showErrorMessage(`Tech Spec: the language server did not start (${(e as Error).message}). See the "Tech Spec" output.`);
  }
  return { client: () => client, preview };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
