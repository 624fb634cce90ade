// Keeps the language server coming back: restarts after every crash (quickly at first, then with a
// growing pause), never gives up on write errors, and keeps the last diagnostics on screen, marked
// stale, until the new server publishes again.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  type CloseHandlerResult,
  type DiagnosticCollectionProvider,
  type ErrorHandler,
  type ErrorHandlerResult,
} from 'vscode-languageclient/node';

/** Crashes closer together than this count as one burst. */
export const CRASH_WINDOW_MS = 3 * 60 * 1000;
/** From this many crashes in the window on, the user is told once (with a Restart action). */
export const CRASHES_BEFORE_NOTICE = 5;
const MAX_PAUSE_MS = 30_000;

export const STALE_SUFFIX = ' (stale: the Tech Spec server is restarting)';

/** The pause before the restart that follows the n-th crash of a burst (1-based): none, then 0.5 s doubling up to 30 s. */
export function restartPause(crashesInWindow: number): number {
  return crashesInWindow <= 1 ? 0 : Math.min(MAX_PAUSE_MS, 500 * 2 ** (crashesInWindow - 2));
}

export interface RecoveryHost {
  log: vscode.LogOutputChannel;
  /** Shows the one notice of a crash burst; resolves when it is dismissed or acted on. */
  notify(crashes: number): void;
}

/** The client's error handler: write errors are logged, never a reason to stop; every close restarts. */
export class RecoveringErrorHandler implements ErrorHandler {
  private crashes: number[] = [];
  private noticeShown = false;

  constructor(private readonly host: RecoveryHost) {}

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.host.log.warn(`Tech Spec server connection error${count ? ` (${count} in a row)` : ''}: ${error.message}`);
    return { action: ErrorAction.Continue, handled: true };
  }

  async closed(): Promise<CloseHandlerResult> {
    const now = Date.now();
    this.crashes = this.crashes.filter((t) => now - t < CRASH_WINDOW_MS);
    this.crashes.push(now);
    const count = this.crashes.length;
    if (count === 1) this.noticeShown = false;
    const pause = restartPause(count);
    this.host.log.warn(`The Tech Spec server stopped unexpectedly (${count} in the last 3 minutes); restarting${pause ? ` in ${pause / 1000} s` : ''}.`);
    if (count >= CRASHES_BEFORE_NOTICE && !this.noticeShown) {
      this.noticeShown = true;
      this.host.notify(count);
    }
    if (pause) await new Promise<void>((resolve) => setTimeout(resolve, pause));
    return { action: CloseAction.Restart, handled: true };
  }

  /** A restart the user asked for starts a new burst. */
  reset(): void {
    this.crashes = [];
    this.noticeShown = false;
  }
}

/**
 * One diagnostic collection for the client's whole life. When the client lets go of it (a crash, a
 * restart), its entries stay, each message marked stale; a document's new diagnostics replace them.
 * Entries of documents that nobody republishes are dropped once the new server runs (`dropStale`).
 */
export class StaleKeepingDiagnostics implements DiagnosticCollectionProvider {
  private collection: vscode.DiagnosticCollection | undefined;
  private readonly stale = new Set<string>();

  create(name: string | undefined): vscode.DiagnosticCollection {
    this.collection ??= vscode.languages.createDiagnosticCollection(name);
    return this.collection;
  }

  dispose(collection: vscode.DiagnosticCollection): void {
    collection.forEach((uri, diagnostics) => {
      if (!diagnostics.length) return;
      this.stale.add(uri.toString());
      collection.set(uri, diagnostics.map(markStale));
    });
  }

  /** The server published for `uri`: its entry is current again. */
  refreshed(uri: vscode.Uri): void {
    this.stale.delete(uri.toString());
  }

  /** Drops the stale entries of documents that are no longer open (the new server will not publish them). */
  dropStale(): void {
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const key of [...this.stale]) {
      if (open.has(key)) continue;
      this.collection?.delete(vscode.Uri.parse(key));
      this.stale.delete(key);
    }
  }

  clearAll(): void {
    this.stale.clear();
    this.collection?.dispose();
    this.collection = undefined;
  }
}

function markStale(d: vscode.Diagnostic): vscode.Diagnostic {
  if (d.message.endsWith(STALE_SUFFIX)) return d;
  const copy = new vscode.Diagnostic(d.range, d.message + STALE_SUFFIX, d.severity);
  copy.code = d.code;
  copy.source = d.source;
  copy.tags = d.tags;
  copy.relatedInformation = d.relatedInformation;
  return copy;
}
