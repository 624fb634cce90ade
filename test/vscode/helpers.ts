// Helpers for the suite that runs inside VS Code: event-driven waits (each with a timeout whose
// message says what did not happen), fixtures, and the screenshot handshake with the offline runner.
import { existsSync, readFileSync, rmSync, watch } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'techspec.techspec';

/** Set by scripts/run-vscode-tests.mjs: where it saves screenshots. Unset under @vscode/test-electron. */
const resultsDir = process.env.TECHSPEC_TEST_RESULTS;
/** Lines the offline runner prints; other workbench output is noise it hides unless --verbose. */
const LOG_MARK = resultsDir ? 'techspec-test| ' : '';

export function log(...args: unknown[]): void {
  const text = args.length ? format(...args) : '';
  for (const line of text.split('\n')) console.log(LOG_MARK + line);
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('VS Code was started without a workspace folder (expected test/fixtures)');
  return folder.uri;
}

export function fixture(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

export async function fixtureText(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture(name)));
}

/** Resolves with the first value `check` returns that is not undefined, after each event. */
export function waitFor<T, E>(event: vscode.Event<E>, check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (f: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sub.dispose();
      f();
    };
    const test = () => {
      try {
        const v = check();
        if (v !== undefined) finish(() => resolve(v));
      } catch (e) {
        finish(() => reject(e));
      }
    };
    const sub = event(test);
    const timer = setTimeout(() => finish(() => reject(new Error(`Timed out after ${timeoutMs / 1000} s: ${what}`))), timeoutMs);
    test();
  });
}

export function techspecDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'techspec');
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c);
}

/** Waits until the techspec diagnostics of `uri` satisfy `ok` (checked now and on every change). */
export function waitForDiagnostics(uri: vscode.Uri, ok: (ds: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return waitFor(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const ds = techspecDiagnostics(uri);
      return ok(ds) ? ds : undefined;
    },
    timeoutMs,
    `${what} (${uri.toString(true)} has ${describe(techspecDiagnostics(uri))})`,
  );
}

/** Resolves on the next onDidChangeDiagnostics event that names `uri`; subscribe before acting. */
export function nextDiagnosticsChange(uri: vscode.Uri, what: string, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  let seen = false;
  const key = uri.toString();
  return waitFor(
    (listener) =>
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === key)) seen = true;
        listener(e);
      }),
    () => (seen ? techspecDiagnostics(uri) : undefined),
    timeoutMs,
    what,
  );
}

export function describe(ds: readonly vscode.Diagnostic[]): string {
  if (!ds.length) return 'no diagnostics';
  return ds.map((d) => `${codeOf(d)}@${rangeText(d.range)}`).join(', ');
}

export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export async function openEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** An untitled markdown document with `content`: edits to it never touch the fixtures on disk. */
export async function openUntitled(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  return vscode.window.showTextDocument(doc, { preview: false });
}

export async function closeAllEditors(): Promise<void> {
  // Untitled documents that tests edited are dirty: revert them so no save prompt appears.
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.isDirty && tab.input instanceof vscode.TabInputText) {
        await vscode.window.showTextDocument(tab.input.uri, { preview: false });
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** What the page showed for a screenshot: per `waitFor` selector, the text of each element it matched. */
export interface Shown {
  texts: Record<string, string[]>;
}

/**
 * Asks the offline runner for a screenshot of the page as it is and waits until the runner has
 * saved it. Under @vscode/test-electron (no runner) it does nothing and returns undefined.
 * `waitFor` lists CSS selectors the runner waits to see first ("webview": a webview drew content).
 */
export async function screenshot(name: string, waitFor: string[] = [], timeoutMs = 45_000): Promise<Shown | undefined> {
  if (!resultsDir) return undefined;
  if (process.env.TECHSPEC_INSTALLED) name = `vsix-${name}`;
  const file = join(resultsDir, `${name}.png`);
  // The runner writes this instead when what `waitFor` names never showed.
  const failed = join(resultsDir, `${name}.failed.txt`);
  rmSync(file, { force: true });
  rmSync(failed, { force: true });
  rmSync(join(resultsDir, `${name}.json`), { force: true });
  const saved = new Promise<void>((resolve, reject) => {
    const check = () => {
      if (existsSync(file)) finish(() => resolve());
      else if (existsSync(failed)) finish(() => reject(new Error(`The runner could not take screenshot ${name}: ${readFileSync(failed, 'utf8')}`)));
    };
    const watcher = watch(resultsDir, check);
    const timer = setTimeout(() => finish(() => reject(new Error(`Timed out after ${timeoutMs / 1000} s: the runner did not save ${file}`))), timeoutMs);
    const finish = (f: () => void) => {
      clearTimeout(timer);
      watcher.close();
      f();
    };
  });
  console.log(`techspec-screenshot ${JSON.stringify({ name, waitFor })}`);
  await saved;
  // The runner writes the texts before the png.
  return JSON.parse(readFileSync(join(resultsDir, `${name}.json`), 'utf8')) as Shown;
}
