// The status bar item of the active spec: its Status and what blocks readiness; a click lists the
// problems in a quick pick, and choosing one goes there. Hidden for documents that are no spec.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReadinessRequest, type DidAnalyzeParams, type Readiness, type ReadinessKind } from '../../protocol';

export const SHOW_READINESS_COMMAND = 'techspec.showReadiness';

const ICON: Record<ReadinessKind, string> = {
  error: '$(error)',
  'missing-section': '$(list-unordered)',
  'open-question': '$(question)',
  placeholder: '$(edit)',
  status: '$(tag)',
};

interface ProblemItem extends vscode.QuickPickItem {
  range: vscode.Range;
}

/** What the item shows, for tests. */
export interface ReadinessStatusApi {
  /** The item's text while it is shown, undefined while hidden. */
  text(): string | undefined;
  /** The readiness it shows, and the document it is of. */
  readiness(): { uri: string; readiness: Readiness } | undefined;
  /** Fires after each update of the item. */
  onDidUpdate: vscode.Event<void>;
  /** Fires with the quick pick's labels once a click has shown it (it stays open until chosen or dismissed). */
  onDidShowPick: vscode.Event<string[]>;
}

export class ReadinessStatus implements vscode.Disposable, ReadinessStatusApi {
  private readonly item = vscode.window.createStatusBarItem('techspec.readiness', vscode.StatusBarAlignment.Left, 10);
  private readonly updated = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.item, this.updated];
  private shown: { uri: string; readiness: Readiness } | undefined;
  private readonly pickShown = new vscode.EventEmitter<string[]>();
  /** Only the newest request's answer is shown. */
  private request = 0;
  readonly onDidUpdate = this.updated.event;
  readonly onDidShowPick = this.pickShown.event;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    analyzed: vscode.Event<DidAnalyzeParams>,
  ) {
    this.item.name = 'Tech Spec Readiness';
    this.item.command = SHOW_READINESS_COMMAND;
    this.disposables.push(
      this.pickShown,
      vscode.commands.registerCommand(SHOW_READINESS_COMMAND, () => this.pick()),
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      analyzed((p) => {
        if (p.uri === vscode.window.activeTextEditor?.document.uri.toString()) void this.refresh();
      }),
    );
    void this.refresh();
  }

  text(): string | undefined {
    return this.shown ? this.item.text : undefined;
  }

  readiness() {
    return this.shown;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async refresh(): Promise<void> {
    const request = ++this.request;
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const client = this.client();
    let readiness: Readiness | null = null;
    if (uri && client?.isRunning()) {
      try {
        readiness = await client.sendRequest(ReadinessRequest, { uri });
      } catch {
        // The server is restarting or the document closed: the next analysis brings it back.
        readiness = null;
      }
    }
    if (request !== this.request) return;
    if (!uri || !readiness) {
      this.shown = undefined;
      this.item.hide();
    } else {
      this.shown = { uri, readiness };
      this.item.text = readiness.text;
      this.item.tooltip = readiness.ready
        ? 'Tech Spec: nothing blocks this spec'
        : `Tech Spec: ${readiness.problems.length} thing${readiness.problems.length === 1 ? '' : 's'} to settle before review. Click to list them.`;
      this.item.show();
    }
    this.updated.fire();
  }

  private async pick(): Promise<void> {
    const shown = this.shown;
    if (!shown) return;
    if (shown.readiness.ready) {
      void vscode.window.showInformationMessage('Tech Spec: nothing blocks this spec: no errors, open questions, placeholders or missing sections.');
      return;
    }
    const items: ProblemItem[] = shown.readiness.problems.map((p) => ({
      label: `${ICON[p.kind]} ${p.message}`,
      description: `line ${p.range.start.line + 1}`,
      range: new vscode.Range(p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character),
    }));
    const picker = vscode.window.createQuickPick<ProblemItem>();
    picker.title = 'What blocks readiness';
    picker.placeholder = 'Choose one to go there';
    picker.items = items;
    const chosen = await new Promise<ProblemItem | undefined>((resolve) => {
      picker.onDidAccept(() => resolve(picker.selectedItems[0] ?? picker.activeItems[0]));
      picker.onDidHide(() => resolve(undefined));
      picker.show();
      this.pickShown.fire(items.map((i) => i.label));
    });
    picker.dispose();
    if (!chosen) return;
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(shown.uri), { preview: false });
    editor.selection = new vscode.Selection(chosen.range.start, chosen.range.end);
    editor.revealRange(chosen.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
