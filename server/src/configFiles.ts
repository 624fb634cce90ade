// `.techspec.jsonc` in the language server, with the command line's loader: a spec's settings are
// its nearest config file's (up to its workspace folder) laid over the editor's settings. A config
// file that cannot be used gets diagnostics in itself and the editor's settings apply; a change to
// any file the loads read (config, the files it extends, the template) re-checks every open spec.
import { readFileSync, statSync } from 'node:fs';
import { dirname, normalize, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createScanner, findNodeAtLocation, findNodeAtOffset, parseTree } from 'jsonc-parser';
import {
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  type Connection,
  type Diagnostic,
  type FileEvent,
  type InitializeParams,
  type Range,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, ConfigError, findConfigFile, loadConfig, loadConfigFile, type ConfigHost, type EngineSettings } from '../../engine';

/** Whether the document is a config file: it gets config diagnostics, never a spec analysis. */
export const isConfigFile = (uri: string): boolean => uri.endsWith(`/${CONFIG_FILE_NAME}`);

const uriToPath = (uri: string): string | undefined => {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
};

/** One spelling per file: the loader joins with `/`, and Windows drive letters come in either case. */
const pathKey = (path: string): string => normalize(path).replace(/^[A-Z]:/, (d) => d.toLowerCase());

const isInside = (path: string, folder: string): boolean => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
};

export class ConfigFiles {
  /** Each spec folder's settings, by folder, search root and editor settings. */
  private readonly byFolder = new Map<string, EngineSettings>();
  /** Every file the loads read or looked for, as last read (undefined: it did not exist), by pathKey. */
  private readonly read = new Map<string, string | undefined>();
  /** The nearest config files of the specs, whose problems are published; by pathKey. */
  private readonly known = new Map<string, string>();
  /** The config diagnostics last published, by URI, as JSON: a list is sent again only when it changes. */
  private readonly published = new Map<string, string>();
  private readonly logged = new Set<string>();
  private canWatch = false;
  private check: NodeJS.Immediate | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly workspaceFolders: () => string[],
    /** Re-checks every open spec (their settings may have changed). */
    private readonly recheckSpecs: () => void,
  ) {
    documents.onDidOpen((e) => this.bufferChanged(e.document.uri));
    documents.onDidChangeContent((e) => this.bufferChanged(e.document.uri));
    documents.onDidClose((e) => this.bufferChanged(e.document.uri));
  }

  initialize(params: InitializeParams): void {
    this.canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  }

  /** Asks the client for the file events that may change a config: any config file, and the json(c) and markdown files a config extends or names as its template. */
  initialized(): void {
    if (!this.canWatch) return;
    void this.connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*.{json,jsonc,md}' }],
    });
  }

  /** The settings for the spec at `uri`: its nearest config file's over `editor`; `editor` alone when there is none or it cannot be used. */
  settingsFor(uri: string, editor: EngineSettings): EngineSettings {
    const path = uriToPath(uri);
    if (!path) return editor;
    const folder = dirname(path);
    // The search goes up to the workspace folder that holds the spec; outside them it looks in the spec's folder only.
    const roots = this.workspaceFolders()
      .map(uriToPath)
      .filter((root): root is string => root !== undefined && isInside(path, root));
    const stopAt = roots.sort((a, b) => b.length - a.length)[0] ?? folder;
    const key = `${folder}\n${stopAt}\n${JSON.stringify(editor)}`;
    let settings = this.byFolder.get(key);
    if (!settings) {
      settings = this.load(folder, stopAt, editor);
      this.byFolder.set(key, settings);
    }
    return settings;
  }

  /** Files changed on disk: when one the loads read reads otherwise now, every open spec is checked again. */
  filesChanged(changes: FileEvent[]): void {
    // The config diagnostics may be about files no spec reads (a config open in the editor extends them).
    if (changes.some(({ uri }) => /\.jsonc?$/.test(uri))) this.publishProblemsSoon();
    for (const { uri } of changes) {
      const path = uriToPath(uri);
      // An open file's buffer is what the loads read; its own events tell of its changes.
      if (!path || !this.read.has(pathKey(path)) || this.openDocument(path)) continue;
      if (this.readNow(path) !== this.read.get(pathKey(path))) return this.changed();
    }
  }

  private load(folder: string, stopAt: string, editor: EngineSettings): EngineSettings {
    // What this load reads may be newer than what the config diagnostics were made from.
    this.publishProblemsSoon();
    const host = { ...this.host(stopAt), defaults: editor };
    try {
      const loaded = loadConfig(folder, host);
      if (loaded.file) this.know(loaded.file);
      // The files the loader says it used (the config chain, the template), should it read one other than through the host.
      for (const source of loaded.sources) if (!this.read.has(pathKey(source))) this.read.set(pathKey(source), this.readNow(source));
      return loaded.settings;
    } catch (error) {
      // The config file shows what is wrong (see publishProblems); the specs under it get the editor's settings.
      const file = findConfigFile(folder, this.host(stopAt));
      if (file) this.know(file);
      const message = error instanceof ConfigError ? error.message : `cannot read the config for ${folder}: ${(error as Error).message}`;
      if (!this.logged.has(message)) {
        this.logged.add(message);
        this.connection.console.log(`techspec: ${message}; the specs under it use the editor's settings.`);
      }
      return editor;
    }
  }

  private know(file: string): void {
    if (this.known.has(pathKey(file))) return;
    this.known.set(pathKey(file), file);
    this.publishProblemsSoon();
  }

  /**
   * The loader's view of the files: an open document's buffer, else the disk. The reads of the
   * loads behind the specs' settings are remembered, to tell when those settings may change.
   */
  private host(stopAt: string | undefined, remember = true): ConfigHost {
    return {
      stopAt,
      readFile: (path) => {
        const text = this.readNow(path);
        if (remember) this.read.set(pathKey(path), text);
        return text;
      },
    };
  }

  private openDocument(path: string): TextDocument | undefined {
    const key = pathKey(path);
    return this.documents.all().find((doc) => {
      const docPath = uriToPath(doc.uri);
      return docPath !== undefined && pathKey(docPath) === key;
    });
  }

  private readNow(path: string): string | undefined {
    const open = this.openDocument(path);
    if (open) return open.getText();
    try {
      if (!statSync(path).isFile()) return undefined;
    } catch {
      return undefined;
    }
    return readFileSync(path, 'utf8');
  }

  private bufferChanged(uri: string): void {
    const path = uriToPath(uri);
    if (!path) return;
    if (isConfigFile(uri)) this.publishProblemsSoon();
    const key = pathKey(path);
    if (this.read.has(key) && this.readNow(path) !== this.read.get(key)) this.changed();
  }

  private changed(): void {
    this.byFolder.clear();
    this.recheckSpecs();
    this.publishProblemsSoon();
  }

  private publishProblemsSoon(): void {
    if (this.check) return;
    this.check = setImmediate(() => {
      this.check = undefined;
      this.publishProblems();
    });
  }

  /** The diagnostics of every config file the specs use or the editor has open: at the bad value, or at the `extends` of a file whose base is bad. */
  private publishProblems(): void {
    const files = new Map(this.known);
    for (const doc of this.documents.all()) {
      const path = uriToPath(doc.uri);
      if (path && isConfigFile(doc.uri)) files.set(pathKey(path), path);
    }
    const problems = new Map<string, Map<string, Diagnostic>>();
    const add = (path: string, diagnostic: Diagnostic) => {
      const uri = this.uriOf(path);
      if (!problems.has(uri)) problems.set(uri, new Map());
      problems.get(uri)!.set(JSON.stringify(diagnostic), diagnostic);
    };
    for (const [key, file] of files) {
      const text = this.readNow(file);
      if (text === undefined) {
        this.known.delete(key);
        continue;
      }
      try {
        loadConfigFile(file, this.host(undefined, false));
      } catch (error) {
        if (!(error instanceof ConfigError)) {
          add(file, diagnostic(rangeAt(text, 1, 1), `cannot read the config: ${(error as Error).message}; the editor's settings apply.`));
          continue;
        }
        const inFile = pathKey(error.file) === key;
        const badText = inFile ? text : this.readNow(error.file);
        if (badText !== undefined) add(error.file, diagnostic(rangeAt(badText, error.line, error.column), `${error.problem}; the editor's settings apply.`));
        const base = inFile ? undefined : extendsRange(text);
        if (base) add(file, diagnostic(base, `the config it extends cannot be used: ${error.message}; the editor's settings apply.`));
      }
    }
    for (const uri of this.published.keys()) if (!problems.has(uri)) problems.set(uri, new Map());
    for (const [uri, list] of problems) {
      const diagnostics = [...list.values()];
      const json = JSON.stringify(diagnostics);
      if ((this.published.get(uri) ?? '[]') === json) continue;
      if (diagnostics.length) this.published.set(uri, json);
      else this.published.delete(uri);
      void this.connection.sendDiagnostics({ uri, version: this.documents.get(uri)?.version, diagnostics });
    }
  }

  /** An open document's own URI (the editor's spelling), else the file's. */
  private uriOf(path: string): string {
    return this.openDocument(path)?.uri ?? pathToFileURL(path).href;
  }
}

function diagnostic(range: Range, message: string): Diagnostic {
  return { range, severity: DiagnosticSeverity.Error, source: 'techspec', message };
}

/** The range of the value (or key, or token) that starts at the 1-based line and column. */
function rangeAt(text: string, line: number, column: number): Range {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  offset = Math.min(offset + column - 1, text.length);
  const root = parseTree(text, [], { allowTrailingComma: true });
  const node = root && findNodeAtOffset(root, offset);
  // The top-level object is never the bad value: a problem placed at its start (an `extends` loop) is about its `extends`.
  if (offset === 0 && node === root && root?.type === 'object') return extendsRange(text) ?? toRange(text, offset, 1);
  if (node && node.offset === offset) return toRange(text, offset, node.length);
  const scanner = createScanner(text, false);
  scanner.setPosition(offset);
  scanner.scan();
  return toRange(text, offset, scanner.getTokenLength());
}

function extendsRange(text: string): Range | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true });
  const node = root && findNodeAtLocation(root, ['extends']);
  return node ? toRange(text, node.offset, node.length) : undefined;
}

function toRange(text: string, offset: number, length: number): Range {
  return { start: position(text, offset), end: position(text, Math.min(offset + length, text.length)) };
}

function position(text: string, offset: number) {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < lineStart; i = text.indexOf('\n', i + 1)) line++;
  return { line, character: offset - lineStart };
}
