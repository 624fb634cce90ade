// The dependency graph preview: one webview panel that follows the active spec editor, redraws as the
// server re-analyzes the document, and talks to its page only through the typed, validated messages.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PlanRequest, type DidAnalyzeParams, type FromPreviewMessage, type Plan, type PreviewState, type ToPreviewMessage } from '../../../protocol';
import { makeNonce, previewHtml } from './html';
import { messageModel, parsePreviewMessage, taskAtLine, taskToReveal } from './messages';

export const PREVIEW_VIEW_TYPE = 'techspec.preview';
/** Context key for the editor-title button: the active editor holds a tech spec. */
const IS_SPEC_CONTEXT = 'techspec.isSpec';
/** Typing produces an analysis per keystroke; the panel asks for the graph once the burst settles. */
const UPDATE_DELAY_MS = 200;

export type RenderedInfo = Omit<Extract<FromPreviewMessage, { type: 'rendered' }>, 'type'>;
export type SearchedInfo = Omit<Extract<FromPreviewMessage, { type: 'searched' }>, 'type'>;

export interface PreviewApi {
  /** The preview panel, while one is open. */
  panel(): vscode.WebviewPanel | undefined;
  /** The URI of the document the preview shows. */
  uri(): string | undefined;
  /** The graph model the panel last received. */
  model(): Plan | undefined;
  /** Fires each time the page has drawn a model (after the browser painted it). */
  readonly onDidRender: vscode.Event<RenderedInfo>;
  /** The drawing as the standalone SVG document Export SVG saves. */
  svg(): Promise<string>;
  /** Handles a message as if the page had posted it (validated the same way). */
  receive(message: unknown): Promise<void>;
  /** Types `query` into the panel's search box; resolves with what the page found and highlighted. */
  search(query: string): Promise<SearchedInfo>;
}

export class PreviewManager implements vscode.Disposable, PreviewApi {
  private current: PreviewPanel | undefined;
  /** Documents the server analyzed, and whether each is a spec. */
  private readonly specs = new Map<string, boolean>();
  private readonly rendered = new vscode.EventEmitter<RenderedInfo>();
  private readonly searched = new vscode.EventEmitter<SearchedInfo>();
  private readonly disposables: vscode.Disposable[] = [this.rendered, this.searched];
  private client: LanguageClient | undefined;
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand('techspec.showPreview', (uri?: vscode.Uri) => this.show(uri, false)),
      vscode.commands.registerCommand('techspec.showPreviewToSide', (uri?: vscode.Uri) => this.show(uri, true)),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const saved = typeof (state as PreviewState | undefined)?.uri === 'string' ? (state as PreviewState).uri : undefined;
          this.adopt(panel, saved ?? vscode.window.activeTextEditor?.document.uri.toString());
        },
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.onActiveEditor(editor)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.toString() === this.current?.uri) this.current.followCursor(e.selections[0].active.line);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.specs.delete(doc.uri.toString())),
    );
    this.onActiveEditor(vscode.window.activeTextEditor);
  }

  /** Listens to the server's analyses (the client has one handler per notification: extension.ts shares it). */
  connect(client: LanguageClient, analyzed: vscode.Event<DidAnalyzeParams>): void {
    this.client = client;
    this.disposables.push(analyzed((p) => this.onDidAnalyze(p)));
  }

  panel() {
    return this.current?.panel;
  }

  uri() {
    return this.current?.uri;
  }

  model() {
    return this.current?.model;
  }

  svg(): Promise<string> {
    if (!this.current) return Promise.reject(new Error('No dependency graph preview is open.'));
    return this.current.requestSvg();
  }

  async receive(message: unknown): Promise<void> {
    await this.current?.receive(message);
  }

  search(query: string): Promise<SearchedInfo> {
    const panel = this.current;
    if (!panel) return Promise.reject(new Error('No dependency graph preview is open.'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => (listener.dispose(), reject(new Error(`The preview did not answer the search for "${query}" within 10 s.`))), 10_000);
      const listener = this.searched.event((info) => {
        if (info.query !== query) return;
        clearTimeout(timer);
        listener.dispose();
        resolve(info);
      });
      panel.search(query);
    });
  }

  /** Leaves the panel open: on a window reload the workbench keeps it for the serializer to bring back. */
  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** The page's answer to a search (tests wait on it through search()). */
  didSearch(info: SearchedInfo): void {
    this.searched.fire(info);
  }

  /** The graph of a document, from the server; a stand-in model that says why when it cannot answer. */
  async graphOf(uri: string): Promise<Plan> {
    if (!this.client?.isRunning())
      return messageModel(uri, 'The Tech Spec language server is not running, so there is no graph to show. See the "Tech Spec" output.');
    try {
      return await this.client.sendRequest(PlanRequest, { uri });
    } catch (e) {
      this.output.error(`The dependency graph of ${uri} could not be computed: ${(e as Error).message}`);
      return messageModel(uri, `The dependency graph could not be computed: ${(e as Error).message}`);
    }
  }

  private async show(target: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const uri = (target ?? editor?.document.uri)?.toString();
    if (!uri) {
      void vscode.window.showInformationMessage('Open a tech spec (a markdown file) to preview its dependency graph.');
      return;
    }
    // The document must be open for the server to analyze it (a file from the explorer may not be).
    if (target) await vscode.workspace.openTextDocument(target);
    const column = toSide ? vscode.ViewColumn.Beside : (editor?.viewColumn ?? vscode.ViewColumn.Active);
    if (this.current) {
      // To the side: beside the editor; otherwise wherever the panel already is.
      this.current.panel.reveal(toSide ? column : undefined, toSide);
      this.current.showDocument(uri);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      previewTitle(uri),
      { viewColumn: column, preserveFocus: toSide },
      webviewOptions(this.extensionUri),
    );
    this.adopt(panel, uri);
  }

  private adopt(panel: vscode.WebviewPanel, uri: string | undefined): void {
    this.current?.panel.dispose();
    panel.webview.options = webviewOptions(this.extensionUri);
    const preview = new PreviewPanel(panel, this.extensionUri, this, (info) => this.rendered.fire(info), this.output);
    this.current = preview;
    panel.onDidDispose(() => {
      if (this.current === preview) this.current = undefined;
      preview.dispose();
    });
    if (uri) {
      // A restored panel's document may not be open yet; opening it has the server analyze it.
      void Promise.resolve(vscode.workspace.openTextDocument(vscode.Uri.parse(uri))).then(
        () => preview.showDocument(uri),
        (e: Error) => preview.showDocument(uri, `The document ${uri} could not be opened: ${e.message}`),
      );
    } else {
      preview.showDocument(undefined, 'Open a tech spec (a markdown file) to preview its dependency graph.');
    }
  }

  /** Whether the server's last analysis of the document found a tech spec. */
  isSpec(uri: vscode.Uri): boolean {
    return this.specs.get(uri.toString()) === true;
  }

  private onActiveEditor(editor: vscode.TextEditor | undefined): void {
    if (!editor) return;
    const uri = editor.document.uri.toString();
    const isSpec = this.isSpec(editor.document.uri);
    void vscode.commands.executeCommand('setContext', IS_SPEC_CONTEXT, isSpec);
    if (isSpec && this.current && this.current.uri !== uri) this.current.showDocument(uri);
  }

  private onDidAnalyze(p: DidAnalyzeParams): void {
    this.specs.set(p.uri, p.isSpec);
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    if (p.uri === active) this.onActiveEditor(vscode.window.activeTextEditor);
    if (p.uri === this.current?.uri) this.current.scheduleRefresh();
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'client', 'out', 'webview')] };
}

function previewTitle(uri: string | undefined): string {
  return uri ? `Dependency Graph: ${vscode.Uri.parse(uri).path.split('/').pop()}` : 'Dependency Graph';
}

/** One open panel: the document it shows, the model it last drew, and its page's messages. */
class PreviewPanel {
  uri: string | undefined;
  model: Plan | undefined;
  private ready = false;
  /** The model the page was last sent. */
  private sent: Plan | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Only the newest graph request's answer is shown. */
  private request = 0;
  private highlighted: string | null = null;
  private svgRequests = new Map<number, { resolve(svg: string): void; reject(e: Error): void }>();
  private nextSvgRequest = 1;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly manager: PreviewManager,
    private readonly onRendered: (info: RenderedInfo) => void,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables.push(panel.webview.onDidReceiveMessage((m) => this.receive(m)));
    this.render();
  }

  /** Writes the page (a fresh nonce each time); it posts `ready` when its script runs. */
  private render(): void {
    const webview = this.panel.webview;
    const root = vscode.Uri.joinPath(this.extensionUri, 'client', 'out', 'webview');
    this.ready = false;
    this.sent = undefined;
    webview.html = previewHtml(
      webview,
      { script: vscode.Uri.joinPath(root, 'main.js'), style: vscode.Uri.joinPath(root, 'main.css') },
      makeNonce(),
      previewTitle(this.uri),
    );
  }

  showDocument(uri: string | undefined, problem?: string): void {
    this.uri = uri;
    this.panel.title = previewTitle(uri);
    this.highlighted = null;
    if (problem) {
      this.request++;
      this.model = messageModel(uri ?? '', problem);
      this.sendModel();
    } else this.refresh();
  }

  scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), UPDATE_DELAY_MS);
  }

  refresh(): void {
    clearTimeout(this.timer);
    const uri = this.uri;
    if (!uri) return;
    const mine = ++this.request;
    void this.manager.graphOf(uri).then((model) => {
      if (mine !== this.request || uri !== this.uri) return;
      const page = this.sent;
      this.model = model;
      // The same analysis the page already drew (a refresh on reload, a settings change that altered nothing here).
      if (page && page.uri === model.uri && page.version === model.version && page.status === model.status) return;
      this.sendModel();
    });
  }

  followCursor(line: number): void {
    const id = taskAtLine(this.model, line)?.id ?? null;
    if (id === this.highlighted) return;
    this.highlighted = id;
    this.post({ type: 'highlight', id });
  }

  search(query: string): void {
    this.post({ type: 'search', query });
  }

  requestSvg(): Promise<string> {
    if (this.model?.status !== 'ok') return Promise.reject(new Error('The preview shows no graph to export.'));
    const requestId = this.nextSvgRequest++;
    return new Promise((resolve, reject) => {
      // A hidden panel's page is unloaded and cannot answer.
      const timer = setTimeout(() => {
        this.svgRequests.delete(requestId);
        reject(new Error('The preview did not send its drawing within 10 s (is the panel visible?).'));
      }, 10_000);
      const done = (f: () => void) => {
        clearTimeout(timer);
        this.svgRequests.delete(requestId);
        f();
      };
      this.svgRequests.set(requestId, { resolve: (svg) => done(() => resolve(svg)), reject: (e) => done(() => reject(e)) });
      this.post({ type: 'requestSvg', requestId });
    });
  }

  async receive(raw: unknown): Promise<void> {
    const m = parsePreviewMessage(raw);
    if (!m) {
      this.output.warn(`The dependency graph preview posted a message that is not understood: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    switch (m.type) {
      case 'ready':
        // A new page (first load, or shown again after being hidden): draw what we have, then fetch the latest.
        this.ready = true;
        this.sent = undefined;
        this.sendModel();
        this.refresh();
        return;
      case 'reveal':
        return this.reveal(m.id);
      case 'exportSvg':
        return this.saveSvg(m.svg);
      case 'svg':
        this.svgRequests.get(m.requestId)?.resolve(m.svg);
        return;
      case 'rendered':
        this.onRendered({ uri: m.uri, version: m.version, status: m.status, nodes: m.nodes, ms: m.ms });
        return;
      case 'searched':
        this.manager.didSearch({ query: m.query, found: m.found, matches: m.matches, upstream: m.upstream, downstream: m.downstream });
        return;
    }
  }

  private sendModel(): void {
    if (!this.model || !this.ready) return;
    this.sent = this.model;
    this.post({ type: 'model', model: this.model });
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri);
    this.highlighted = null;
    if (editor) this.followCursor(editor.selection.active.line);
  }

  /** Reveals and selects the task's row; an ID that is no task of the shown model does nothing. */
  private async reveal(id: string): Promise<void> {
    const task = taskToReveal(this.model, id);
    if (!task || !this.uri) return;
    const uri = vscode.Uri.parse(this.uri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri);
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, preserveFocus: false });
    const range = new vscode.Range(task.range.start.line, task.range.start.character, task.range.end.line, task.range.end.character);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async saveSvg(svg: string): Promise<void> {
    const source = this.uri ? vscode.Uri.parse(this.uri) : undefined;
    const defaultUri =
      source?.scheme === 'file' ? vscode.Uri.joinPath(source, '..', `${source.path.replace(/^.*\//, '').replace(/\.md$/i, '')}.graph.svg`) : undefined;
    const target = await vscode.window.showSaveDialog({
      defaultUri,
      filters: { 'SVG image': ['svg'] },
      saveLabel: 'Export SVG',
      title: 'Export the dependency graph as SVG',
    });
    if (!target) return;
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(svg));
      void vscode.window.showInformationMessage(`Saved the dependency graph to ${vscode.workspace.asRelativePath(target)}.`);
    } catch (e) {
      void vscode.window.showErrorMessage(`The dependency graph could not be saved: ${(e as Error).message}`);
    }
  }

  private post(message: ToPreviewMessage): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const r of [...this.svgRequests.values()]) r.reject(new Error('The preview was closed.'));
    for (const d of this.disposables) d.dispose();
  }
}
