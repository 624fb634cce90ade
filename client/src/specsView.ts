// The "Tech Specs" view in the Explorer: every spec of the workspace with its Status, size and
// problems, and its tasks by wave. The server keeps the index; this asks for the list when the
// server says it changed.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { DidChangeSpecsNotification, SpecsRequest, type SpecSummary, type TaskSummary } from '../../protocol';

export const SPECS_VIEW_ID = 'techspec.specs';
/** Set once the first list has arrived: the welcome message waits for it rather than claiming there is no spec while loading. */
const LISTED_CONTEXT = 'techspec.specsListed';
/** Notifications in a burst (a branch switch, a save of many files) make one request. */
const REFRESH_DELAY_MS = 100;

export type SpecsNode =
  | { kind: 'spec'; spec: SpecSummary }
  | { kind: 'wave'; spec: SpecSummary; label: string; tasks: TaskSummary[] }
  | { kind: 'task'; spec: SpecSummary; task: TaskSummary };

export interface SpecsViewApi {
  /** The specs the view lists now. */
  specs(): readonly SpecSummary[];
  /** Fires after the view took a new list from the server. */
  readonly onDidRefresh: vscode.Event<readonly SpecSummary[]>;
  /** The view's provider, for tests to read its items as VS Code does. */
  readonly provider: vscode.TreeDataProvider<SpecsNode>;
  /** The view itself (to reveal an item). */
  readonly view: vscode.TreeView<SpecsNode>;
  /** Asks the server for the list again (`rescan`: after looking at every file). */
  refresh(rescan?: boolean): Promise<void>;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** `Draft · 25 tasks · ~4,230 lines · 2 problems`. */
export function specDescription(s: SpecSummary): string {
  const problems = s.problems.errors + s.problems.warnings + s.problems.infos + s.problems.hints;
  const parts = [s.status ?? 'no Status', plural(s.taskCount, 'task')];
  if (s.totalLines) parts.push(`~${s.totalLines.toLocaleString('en-US')} lines`);
  parts.push(problems ? plural(problems, 'problem') : 'no problems');
  return parts.join(' · ');
}

function specTooltip(s: SpecSummary): vscode.MarkdownString {
  const p = s.problems;
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escape(s.title)}**\n\n`);
  md.appendMarkdown(`${escape(vscode.workspace.asRelativePath(vscode.Uri.parse(s.uri)))}\n\n`);
  md.appendMarkdown(`Status: ${escape(s.status ?? 'not set')}  \n`);
  md.appendMarkdown(`${plural(s.taskCount, 'task')} in ${plural(s.waves.length, 'wave')}, ~${s.totalLines.toLocaleString('en-US')} lines  \n`);
  md.appendMarkdown(`${plural(p.errors, 'error')}, ${plural(p.warnings, 'warning')}, ${plural(p.infos + p.hints, 'note')}`);
  if (s.unscheduled.length) md.appendMarkdown(`  \n${plural(s.unscheduled.length, 'task')} in or after a dependency cycle`);
  return md;
}

/** The group of tasks in or after a dependency cycle, which no wave holds. */
const BLOCKED = 'Blocked by a cycle';

const escape = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');

export class SpecsView implements vscode.TreeDataProvider<SpecsNode>, SpecsViewApi, vscode.Disposable {
  private list: SpecSummary[] = [];
  private client: LanguageClient | undefined;
  private timer: NodeJS.Timeout | undefined;
  private loading: Promise<void> | undefined;
  private listed = false;
  private readonly changed = new vscode.EventEmitter<SpecsNode | undefined>();
  private readonly refreshed = new vscode.EventEmitter<readonly SpecSummary[]>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.refreshed];
  readonly onDidChangeTreeData = this.changed.event;
  readonly onDidRefresh = this.refreshed.event;
  readonly provider = this;
  readonly view: vscode.TreeView<SpecsNode>;

  constructor(private readonly output: vscode.LogOutputChannel) {
    this.view = vscode.window.createTreeView(SPECS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      vscode.commands.registerCommand('techspec.refreshSpecs', () => this.refresh()),
    );
  }

  /** Listens to the server; called before the client starts (the client keeps the handler across restarts). */
  connect(client: LanguageClient): void {
    this.client = client;
    this.disposables.push(
      client.onNotification(DidChangeSpecsNotification, () => this.refreshSoon()),
      // A new server process has an index of its own, which sends changes only once asked for the list.
      client.onDidChangeState(({ newState }) => newState === State.Running && this.refreshSoon()),
    );
    if (client.isRunning()) this.refreshSoon();
  }

  specs(): readonly SpecSummary[] {
    return this.list;
  }

  /** Asks the server for the list again; `rescan`: after looking at every file (it re-reads only those that changed). */
  refresh(rescan = false): Promise<void> {
    clearTimeout(this.timer);
    this.loading ??= this.load(rescan).finally(() => (this.loading = undefined));
    return this.loading;
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  private async load(rescan: boolean): Promise<void> {
    if (!this.client?.isRunning()) return;
    try {
      this.list = await this.client.sendRequest(SpecsRequest, rescan ? { rescan } : {});
    } catch (e) {
      this.output.error(`The list of tech specs could not be read: ${(e as Error).message}`);
      return;
    }
    this.listed = true;
    await vscode.commands.executeCommand('setContext', LISTED_CONTEXT, true);
    this.changed.fire(undefined);
    this.refreshed.fire(this.list);
  }

  getChildren(node?: SpecsNode): SpecsNode[] {
    if (!node) {
      // The first look at the view asks for the list.
      if (!this.listed) void this.refresh();
      return this.list.map((spec) => ({ kind: 'spec', spec }));
    }
    if (node.kind === 'spec') {
      const s = node.spec;
      const waves: SpecsNode[] = s.waves.map((tasks, i) => ({ kind: 'wave', spec: s, label: `Wave ${i + 1}`, tasks }));
      if (s.unscheduled.length) waves.push({ kind: 'wave', spec: s, label: BLOCKED, tasks: s.unscheduled });
      return waves;
    }
    if (node.kind === 'wave') return node.tasks.map((task) => ({ kind: 'task', spec: node.spec, task }));
    return [];
  }

  getParent(node: SpecsNode): SpecsNode | undefined {
    if (node.kind === 'spec') return undefined;
    if (node.kind === 'wave') return { kind: 'spec', spec: node.spec };
    const wave = node.task.wave;
    const tasks = wave === null ? node.spec.unscheduled : node.spec.waves[wave];
    return { kind: 'wave', spec: node.spec, label: wave === null ? BLOCKED : `Wave ${wave + 1}`, tasks };
  }

  getTreeItem(node: SpecsNode): vscode.TreeItem {
    if (node.kind === 'spec') {
      const s = node.spec;
      const item = new vscode.TreeItem(s.title, s.taskCount ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = s.uri;
      item.resourceUri = vscode.Uri.parse(s.uri);
      item.description = specDescription(s);
      item.tooltip = specTooltip(s);
      item.iconPath = new vscode.ThemeIcon(s.problems.errors ? 'error' : s.problems.warnings ? 'warning' : 'checklist');
      item.contextValue = 'techspec.spec';
      item.command = { command: 'vscode.open', title: 'Open Spec', arguments: [item.resourceUri] };
      return item;
    }
    if (node.kind === 'wave') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `${node.spec.uri}#${node.label}`;
      item.description = plural(node.tasks.length, 'task');
      item.iconPath = new vscode.ThemeIcon(node.label === BLOCKED ? 'debug-disconnect' : 'layers');
      return item;
    }
    const { task, spec } = node;
    const item = new vscode.TreeItem(task.id, vscode.TreeItemCollapsibleState.None);
    item.id = `${spec.uri}#${task.id}@${task.range.start.line}`;
    item.description = task.title;
    item.tooltip = `${task.id} ${task.title}\n${spec.title}, line ${task.range.start.line + 1}`;
    item.iconPath = new vscode.ThemeIcon('symbol-event');
    const r = task.range;
    const selection = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    item.command = {
      command: 'vscode.open',
      title: 'Reveal Task',
      arguments: [vscode.Uri.parse(spec.uri), { selection } satisfies vscode.TextDocumentShowOptions],
    };
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
