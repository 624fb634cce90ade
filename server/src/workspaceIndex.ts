// The specs of the workspace folders, for the "Tech Specs" view and workspace symbols. Built on the
// first request; then kept up to date from watched-file events and open documents' edits. A file
// on disk is read again only when its modification time or size changed.
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fg from 'fast-glob';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  SymbolKind,
  type Connection,
  type FileEvent,
  type SymbolInformation,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { summarizeSpec, taskSymbols, type Analysis, type EngineSettings, type LanguageService, type SpecSummary } from '../../engine';
import { DidChangeSpecsNotification, SpecsRequest } from '../../protocol';

export interface WorkspaceIndexHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: LanguageService;
  /** The workspace folders' URIs. */
  folders(): string[];
  /** The settings of a resource, relative globs anchored at the workspace folders. */
  settingsFor(uri: string): Promise<EngineSettings>;
  /** The analysis of an open document as it is now. */
  currentAnalysis(uri: string): Promise<Analysis | undefined>;
  /** Summarizes a spec's text (on a worker when there is one); undefined when it is no spec. */
  summarize(uri: string, text: string, settings: EngineSettings): Promise<SpecSummary | undefined>;
  /** How many summaries can usefully be under way at once. */
  parallelism(): number;
  log(message: string): void;
}

/** What was last read of a markdown file on disk; `summary` undefined when it is no spec. */
interface DiskEntry {
  mtimeMs: number;
  size: number;
  summary?: SpecSummary;
}

const IGNORE = ['**/node_modules/**', '**/.git/**'];
/** Quiet time after an edit of an open document before its summary is taken again. */
const EDIT_DELAY_MS = 300;
/** Go to Symbol in Workspace gets at most this many tasks. */
const MAX_SYMBOLS = 5000;

export class WorkspaceIndex {
  private readonly disk = new Map<string, DiskEntry>();
  /** Open documents in the workspace folders: their buffer wins over the disk. */
  private readonly open = new Map<string, SpecSummary | undefined>();
  /** The first full scan; undefined until someone asks. */
  private built: Promise<void> | undefined;
  /** Scans and updates run one at a time, in order. */
  private queue: Promise<void> = Promise.resolve();
  private readonly editTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly host: WorkspaceIndexHost) {}

  /** Registers the requests, the file watcher and the document listeners. */
  listen(canWatchFiles: boolean): void {
    const { connection, documents } = this.host;
    connection.onRequest(SpecsRequest, (params) => (params?.rescan === true ? this.rescan() : this.list()));
    connection.onWorkspaceSymbol(async ({ query }): Promise<SymbolInformation[]> => {
      const specs = await this.list();
      return taskSymbols(specs, query, MAX_SYMBOLS).map((s) => ({
        name: s.name,
        kind: SymbolKind.Event,
        containerName: s.containerName,
        location: { uri: s.uri, range: s.range },
      }));
    });
    if (canWatchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.md' }] });
    }
    documents.onDidOpen((e) => this.edited(e.document.uri));
    documents.onDidChangeContent((e) => this.edited(e.document.uri));
    documents.onDidClose((e) => this.closed(e.document.uri));
  }

  /** Every spec, the first call waiting for the scan of the workspace folders. */
  async list(): Promise<SpecSummary[]> {
    this.built ??= this.enqueue(async () => {
      await this.scan();
      for (const doc of this.host.documents.all()) if (this.inWorkspace(doc.uri)) await this.summarizeOpen(doc.uri);
    });
    await this.built;
    await this.queue;
    const byUri = new Map<string, SpecSummary>();
    for (const [uri, entry] of this.disk) if (entry.summary) byUri.set(uri, entry.summary);
    for (const [uri, summary] of this.open) {
      if (summary) byUri.set(uri, summary);
      else byUri.delete(uri);
    }
    return [...byUri.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  /** Every spec after looking at every file again (files missed by the watcher, or without one): only changed files are read. */
  async rescan(): Promise<SpecSummary[]> {
    if (this.built) {
      await this.enqueue(async () => {
        const before = new Map([...this.disk].map(([uri, e]) => [uri, e.summary]));
        await this.scan();
        const changed = [...this.disk].filter(([uri, e]) => e.summary && e.summary !== before.get(uri) && !this.open.has(uri)).map(([uri]) => uri);
        const removed = [...before].filter(([uri, s]) => s && !this.disk.get(uri)?.summary && !this.open.has(uri)).map(([uri]) => uri);
        this.notify(changed, removed);
      });
    }
    return this.list();
  }

  /** Settings or workspace folders changed: which files are specs, and their problems, may have too. */
  reset(): void {
    if (!this.built) return;
    void this.enqueue(async () => {
      const before = this.specUris();
      this.disk.clear();
      await this.scan();
      this.open.clear();
      for (const doc of this.host.documents.all()) if (this.inWorkspace(doc.uri)) await this.summarizeOpen(doc.uri);
      const after = this.specUris();
      this.notify(
        [...after],
        [...before].filter((u) => !after.has(u)),
      );
    });
  }

  /** workspace/didChangeWatchedFiles: re-reads created and changed files, forgets deleted ones. */
  filesChanged(changes: readonly FileEvent[]): void {
    if (!this.built) return;
    void this.enqueue(async () => {
      const changed: string[] = [];
      const removed: string[] = [];
      for (const { uri, type } of changes) {
        if (type === FileChangeType.Deleted) {
          // A deleted folder takes the files under it along.
          for (const [known, entry] of [...this.disk]) {
            if (known !== uri && !known.startsWith(uri.replace(/\/?$/, '/'))) continue;
            this.disk.delete(known);
            if (entry.summary && !this.open.has(known)) removed.push(known);
          }
          continue;
        }
        if (!this.inWorkspace(uri)) continue;
        const was = this.disk.get(uri)?.summary;
        const now = await this.readFromDisk(uri);
        if (this.open.has(uri)) continue;
        if (now && now !== was) changed.push(uri);
        else if (!now && was) removed.push(uri);
      }
      this.notify(changed, removed);
    });
  }

  private specUris(): Set<string> {
    const uris = new Set<string>();
    for (const [uri, e] of this.disk) if (e.summary) uris.add(uri);
    for (const [uri, s] of this.open) {
      if (s) uris.add(uri);
      else uris.delete(uri);
    }
    return uris;
  }

  private notify(changed: string[], removed: string[]): void {
    if (changed.length || removed.length) void this.host.connection.sendNotification(DidChangeSpecsNotification, { changed, removed });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work).catch((e) => this.host.log(`techspec: the workspace index failed: ${(e as Error).stack ?? e}`));
    this.queue = run;
    return run;
  }

  /** A file path of the workspace folders that the index covers: markdown, not under node_modules or .git. */
  private inWorkspace(uri: string): boolean {
    if (!uri.startsWith('file:') || !/\.md$/i.test(uri) || /\/(?:node_modules|\.git)\//.test(uri)) return false;
    return this.host.folders().some((f) => uri.startsWith(f.replace(/\/?$/, '/')));
  }

  /** Finds every markdown file of the workspace folders and reads those that changed since the last read. */
  private async scan(): Promise<void> {
    const started = performance.now();
    const seen = new Set<string>();
    for (const folder of this.host.folders()) {
      if (!folder.startsWith('file:')) continue;
      let paths: string[];
      try {
        paths = await fg('**/*.md', {
          cwd: fileURLToPath(folder),
          ignore: IGNORE,
          absolute: true,
          dot: true,
          followSymbolicLinks: false,
          suppressErrors: true,
        });
      } catch (e) {
        this.host.log(`techspec: could not list the files of ${folder}: ${(e as Error).message}`);
        continue;
      }
      paths.sort();
      // A few files read and summarized at once keep every worker busy.
      let next = 0;
      const lane = async () => {
        while (next < paths.length) {
          const uri = pathToFileURL(paths[next++]).href;
          seen.add(uri);
          await this.readFromDisk(uri, folder);
        }
      };
      await Promise.all(Array.from({ length: this.host.parallelism() * 2 }, lane));
    }
    for (const uri of this.disk.keys()) if (!seen.has(uri)) this.disk.delete(uri);
    let specs = 0;
    for (const e of this.disk.values()) if (e.summary) specs++;
    this.host.log(`techspec: indexed ${specs} specs among ${seen.size} markdown files in ${(performance.now() - started).toFixed(0)} ms`);
  }

  /** The summary of a file on disk, read again only when its time or size changed; undefined when it is no spec or is gone. */
  private async readFromDisk(uri: string, folder = this.folderOf(uri)): Promise<SpecSummary | undefined> {
    const path = fileURLToPath(uri);
    try {
      const s = await stat(path);
      if (!s.isFile()) {
        this.disk.delete(uri);
        return undefined;
      }
      const cached = this.disk.get(uri);
      if (cached && cached.mtimeMs === s.mtimeMs && cached.size === s.size) return cached.summary;
      const text = await readFile(path, 'utf8');
      const settings = await this.host.settingsFor(folder ?? uri);
      let summary: SpecSummary | undefined;
      try {
        summary = await this.host.summarize(uri, text, settings);
      } catch (e) {
        this.host.log(`techspec: could not summarize ${uri}: ${(e as Error).message}`);
      }
      this.disk.set(uri, { mtimeMs: s.mtimeMs, size: s.size, summary });
      return summary;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.host.log(`techspec: could not read ${uri}: ${(e as Error).message}`);
      this.disk.delete(uri);
      return undefined;
    }
  }

  private folderOf(uri: string): string | undefined {
    return this.host.folders().find((f) => uri.startsWith(f.replace(/\/?$/, '/')));
  }

  /** An open document changed: its summary is taken from its analysis once typing pauses. */
  private edited(uri: string): void {
    if (!this.built || !this.inWorkspace(uri)) return;
    clearTimeout(this.editTimers.get(uri));
    this.editTimers.set(
      uri,
      setTimeout(() => {
        this.editTimers.delete(uri);
        void this.enqueue(async () => {
          const before = this.open.has(uri) ? this.open.get(uri) : this.disk.get(uri)?.summary;
          if (!(await this.summarizeOpen(uri))) return;
          const after = this.open.get(uri);
          if (JSON.stringify(before) === JSON.stringify(after)) return;
          if (after) this.notify([uri], []);
          else if (before) this.notify([], [uri]);
        });
      }, EDIT_DELAY_MS),
    );
  }

  /** Takes the open document's summary from its current analysis; false when it is not open. */
  private async summarizeOpen(uri: string): Promise<boolean> {
    const analysis = await this.host.currentAnalysis(uri);
    if (!analysis || !this.host.documents.get(uri)) return false;
    this.open.set(uri, analysis.model && summarizeSpec(uri, analysis.model, analysis.diagnostics, this.host.service.getPlan(analysis)));
    return true;
  }

  /** A closed document is what its file on disk says again. */
  private closed(uri: string): void {
    clearTimeout(this.editTimers.get(uri));
    this.editTimers.delete(uri);
    if (!this.built || !this.open.has(uri)) return;
    void this.enqueue(async () => {
      const before = this.open.get(uri);
      this.open.delete(uri);
      const after = await this.readFromDisk(uri);
      if (JSON.stringify(before) === JSON.stringify(after)) return;
      if (after) this.notify([uri], []);
      else if (before) this.notify([], [uri]);
    });
  }
}
