import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_EXEC_ARGV } from '../../server/src/launch';
import { PreviewManager, type PreviewApi } from './preview/preview';
import { RecoveringErrorHandler, StaleKeepingDiagnostics } from './recovery';
import { SpecsView, type SpecsViewApi } from './specsView';
import { DidAnalyzeNotification, type DidAnalyzeParams } from '../../protocol';
import { registerGlanceCommands } from './glance';
import { ReadinessStatus, type ReadinessStatusApi } from './statusBar';
import { registerDerivedRulesCommand } from './derivedRules';

let client: LanguageClient | undefined;

export interface TechspecApi {
  /** The running language client, for tests and other extensions. */
  client(): LanguageClient | undefined;
  /** The dependency graph preview: its panel, its model, and an event per drawing. */
  preview: PreviewApi;
  /** The "Tech Specs" view. */
  specs: SpecsViewApi;
  /** The status bar item of the active spec's readiness. */
  readiness: ReadinessStatusApi;
}

export async function activate(context: vscode.ExtensionContext): Promise<TechspecApi> {
  const output = vscode.window.createOutputChannel('Tech Spec', { log: true });
  context.subscriptions.push(output);
  const preview = new PreviewManager(context.extensionUri, output);
  context.subscriptions.push(preview);
  const specs = new SpecsView(output);
  context.subscriptions.push(specs);
  // One handler per notification in the client: the preview and the status bar share it.
  const analyzed = new vscode.EventEmitter<DidAnalyzeParams>();
  const readiness = new ReadinessStatus(() => client, analyzed.event);
  context.subscriptions.push(
    analyzed,
    readiness,
    registerGlanceCommands(() => client),
  );

  const serverModule = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: SERVER_EXEC_ARGV } },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6010'] } },
  };
  const restartNotice = async (crashes: number) => {
    const choice = await vscode.window.showWarningMessage(
      `Tech Spec: the language server crashed ${crashes} times in 3 minutes. It keeps restarting; the output may say why.`,
      'Restart',
      'Show Output',
    );
    if (choice === 'Restart') await vscode.commands.executeCommand('techspec.restartServer');
    else if (choice === 'Show Output') output.show(true);
  };
  const recovery = new RecoveringErrorHandler({ log: output, notify: (n) => void restartNotice(n) });
  const diagnostics = new StaleKeepingDiagnostics();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'vscode-remote', language: 'markdown' },
      // The config file: the server reports its problems in it.
      { pattern: '**/.techspec.jsonc' },
    ],
    synchronize: { configurationSection: 'techspec' },
    outputChannel: output,
    traceOutputChannel: output,
    // Crashes and restarts are handled here, in the output and in one notice, not in raw toasts.
    errorHandler: recovery,
    diagnosticCollectionProvider: diagnostics,
    middleware: {
      // A markdown file that is no spec gets nothing from us, not even a refusal in its rename box.
      prepareRename: (document, position, token, next) => (preview.isSpec(document.uri) ? next(document, position, token) : undefined),
      provideRenameEdits: (document, position, newName, token, next) => (preview.isSpec(document.uri) ? next(document, position, newName, token) : undefined),
      handleDiagnostics: (uri, list, next) => {
        diagnostics.refreshed(uri);
        next(uri, list);
      },
    },
  };

  // While the server is not running, the status bar says so; its diagnostics stay, marked stale.
  let restarting: vscode.Disposable | undefined;
  const start = async () => {
    client = new LanguageClient('techspec', 'Tech Spec', serverOptions, clientOptions);
    client.onNotification(DidAnalyzeNotification, (p) => analyzed.fire(p));
    preview.connect(client, analyzed.event);
    specs.connect(client);
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) {
        restarting?.dispose();
        restarting = undefined;
        diagnostics.dropStale();
      } else if (newState === State.Starting && !restarting) {
        restarting = vscode.window.setStatusBarMessage('$(sync~spin) Tech Spec: starting the language server…');
      }
    });
    await client.start();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('techspec.restartServer', async () => {
      output.info('Restarting the Tech Spec language server');
      recovery.reset();
      if (client) await client.restart();
      else await start();
    }),
    registerDerivedRulesCommand(() => client),
    { dispose: () => void client?.stop() },
    { dispose: () => diagnostics.clearAll() },
  );

  try {
    await start();
  } catch (e) {
    output.error(`The Tech Spec language server did not start: ${(e as Error).message}`);
    void vscode.window.showErrorMessage(`Tech Spec: the language server did not start (${(e as Error).message}). See the "Tech Spec" output.`);
  }
  return { client: () => client, preview, specs, readiness };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
