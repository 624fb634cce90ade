// LSP glue: wires the connection to the pure engine. No analysis logic lives here.
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import type { Root } from 'mdast';
import { anchorGlobs, createLanguageService, validateSettings, DEFAULT_SETTINGS, type Analysis, type EngineSettings, type RenameOutcome } from '../../engine';
import { DidAnalyzeNotification, PlanRequest } from '../../protocol';
// The bundler keeps only this field of package.json.
import { version } from '../../package.json';
import { ParallelParser } from './parallelParse';
import { fileExistsNear } from './fileExists';
import { ConfigFiles, isConfigFile } from './configFiles';

const connection = createConnection(ProposedFeatures.all);
/** Characters inserted into each document since its last analysis began. */
const insertedSince = new Map<string, number>();
const documents = new TextDocuments({
  create: TextDocument.create,
  update(doc, changes, version) {
    insertedSince.set(doc.uri, (insertedSince.get(doc.uri) ?? 0) + changes.reduce((n, c) => n + c.text.length, 0));
    return TextDocument.update(doc, changes, version);
  },
});
const service = createLanguageService({ today: () => new Date().toISOString().slice(0, 10), fileExists: fileExistsNear });
const configFiles = new ConfigFiles(
  connection,
  documents,
  () => workspaceFolders,
  () => reanalyzeAll(),
);

/** Documents larger than this are not analyzed; the user is told why. */
const MAX_DOCUMENT_LENGTH = 20_000_000;
/**
 * Characters of remark source left to parse from which the parse workers parse them
 * (TECHSPEC_PARALLEL_MIN_CHARS sets another bound; Infinity: never). Measured by the bench on a
 * quiet 2-core machine, two threads opened a 20,000-task spec in 13.8 s instead of 16.8 s (medians
 * of 3), and gained nothing at 2,000 tasks (430 KB): the workers' start and the JSON of their trees
 * cost, and a single-threaded parse already keeps ~1.35 cores busy (V8's GC and compiler threads).
 */
const PARALLEL_MIN_CHARS = Number(process.env.TECHSPEC_PARALLEL_MIN_CHARS ?? 1_000_000);

let canPullConfiguration = false;
let canFollowWorkspaceFolders = false;
/** The URIs of the workspace folders: relative globs of techspec.files match paths relative to them. */
let workspaceFolders: string[] = [];
const settingsByUri = new Map<string, Promise<EngineSettings>>();
const reportedProblems = new Set<string>();
const analyses = new Map<string, Analysis>();
const scheduled = new Map<string, NodeJS.Immediate>();
/** The analysis of a document in progress: one at a time, of the latest version when it ends. */
const analyzing = new Map<string, Promise<void>>();
const published = new WeakSet<Analysis>();

const log = (message: string) => connection.console.log(message);
/**
 * Two workers parse while this thread reads their trees, rather than this thread and one worker:
 * parsing the 20,000-task spec's sources took 9.3 / 10.5 s that way against 10.6 / 12.3 s (runs
 * alternated), as remark's garbage is made and collected on the workers' heaps, and this thread's
 * heap only grows by the trees it keeps. Fewer on a machine with one core. The workers keep V8's
 * default young generation: with three times that (192 MB), the 20,000-task open was no faster once
 * from-markdown stopped copying its context per event (7.2-10.5 s against 7.3-11.1 s, six runs each,
 * alternated), and the server's RSS peaked at 566-599 MB during the open against 372-403 MB.
 */
const PARSE_WORKERS = Math.min(2, availableParallelism());
const parallel = new ParallelParser(() => new Worker(join(__dirname, 'parseWorker.js')), log, PARSE_WORKERS);

process.on('unhandledRejection', (e) => connection.console.error(`techspec: unhandled rejection: ${String(e)}`));
process.on('uncaughtException', (e) => connection.console.error(`techspec: uncaught exception: ${e.stack ?? e}`));

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  canFollowWorkspaceFolders = !!params.capabilities.workspace?.workspaceFolders;
  workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  configFiles.initialize(params);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.techspec`], resolveProvider: false },
      completionProvider: { triggerCharacters: [' ', ',', '|', '#', '>', '&'] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      // The client's recovery test kills this process by its id.
      experimental: { processId: process.pid },
    },
    serverInfo: { name: 'techspec', version },
  };
});

connection.onInitialized(() => {
  configFiles.initialized();
  if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'techspec' });
  if (canFollowWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
      const gone = new Set(removed.map((f) => f.uri));
      workspaceFolders = [...workspaceFolders.filter((uri) => !gone.has(uri)), ...added.map((f) => f.uri)];
      reanalyzeAll();
    });
  }
});

/** Counts the changes of settings: an analysis that began before one is not kept. */
let settingsEpoch = 0;

/** Settings or workspace folders changed: every open document is analyzed again with them. */
function reanalyzeAll(): void {
  settingsEpoch++;
  settingsByUri.clear();
  reportedProblems.clear();
  analyses.clear();
  for (const doc of documents.all()) schedule(doc.uri);
}

/** The editor's settings under the document's .techspec.jsonc, with relative globs anchored at the workspace folders. */
const inWorkspace = (uri: string, editor: EngineSettings): EngineSettings => {
  const settings = configFiles.settingsFor(uri, editor);
  return { ...settings, files: anchorGlobs(settings.files, workspaceFolders) };
};

function settingsFor(uri: string): Promise<EngineSettings> {
  if (!canPullConfiguration) return Promise.resolve(inWorkspace(uri, DEFAULT_SETTINGS));
  let s = settingsByUri.get(uri);
  if (!s) {
    s = connection.workspace.getConfiguration({ scopeUri: uri, section: 'techspec' }).then(
      (raw) => {
        const { settings, problems } = validateSettings(raw);
        for (const p of problems) {
          if (reportedProblems.has(p)) continue;
          reportedProblems.add(p);
          log(p);
          void connection.window.showWarningMessage(p);
        }
        return inWorkspace(uri, settings);
      },
      () => inWorkspace(uri, DEFAULT_SETTINGS),
    );
    settingsByUri.set(uri, s);
  }
  return s;
}

function analyzeNow(doc: TextDocument, settings: EngineSettings, parsed?: [string, Root][]): Analysis {
  const text = doc.getText();
  if (text.length > MAX_DOCUMENT_LENGTH) {
    const message = `techspec: this document is ${(text.length / 1e6).toFixed(1)} MB; specs above ${MAX_DOCUMENT_LENGTH / 1e6} MB are not analyzed.`;
    return {
      uri: doc.uri,
      version: doc.version,
      diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: 'techspec', message }],
    };
  }
  try {
    return service.analyze({ uri: doc.uri, version: doc.version, text }, settings, parsed);
  } catch (e) {
    connection.console.error(`techspec: analysis of ${doc.uri} failed: ${(e as Error).stack ?? e}`);
    const diagnostic: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 1,
      source: 'techspec',
      message: `techspec could not analyze this document (${(e as Error).message}). See the "Tech Spec" output for details.`,
    };
    return { uri: doc.uri, version: doc.version, diagnostics: [diagnostic] };
  }
}

/** The analysis of the document as it is now, computed if the cached one is stale. */
async function currentAnalysis(uri: string): Promise<Analysis | undefined> {
  if (isConfigFile(uri)) return undefined;
  for (;;) {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const cached = analyses.get(uri);
    if (cached && cached.version === doc.version) return cached;
    let running = analyzing.get(uri);
    if (!running) {
      running = analyzeLatest(uri).finally(() => analyzing.delete(uri));
      analyzing.set(uri, running);
    }
    await running;
  }
}

/** Analyzes the latest version of the document; a big parse first runs on two threads, and a version that arrives meanwhile is the one analyzed. */
async function analyzeLatest(uri: string): Promise<void> {
  const epoch = settingsEpoch;
  let settings = await settingsFor(uri);
  const doc = documents.get(uri);
  if (!doc) return;
  let parsed: [string, Root][] | undefined;
  const sources = sourcesToParse(doc, settings);
  if (sources.length) {
    const started = performance.now();
    const { roots, byWorker } = await parallel.parse(sources);
    log(`techspec: parsed ${sources.length} pieces of ${uri} in ${(performance.now() - started).toFixed(0)} ms, ${byWorker} of them in the parse worker`);
    parsed = roots;
    settings = await settingsFor(uri);
  }
  const latest = documents.get(uri);
  if (!latest || epoch !== settingsEpoch) return;
  analyses.set(uri, analyzeNow(latest, settings, parsed));
  if (parsed) collectAfterPublish.add(uri);
}

/** What a parse of the document would hand remark, when it is enough to share with the worker. */
function sourcesToParse(doc: TextDocument, settings: EngineSettings): string[] {
  const inserted = insertedSince.get(doc.uri) ?? 0;
  insertedSince.delete(doc.uri);
  // Looked for at the first analysis, and after big insertions only: it costs a keystroke a diff of the whole text.
  if (analyses.has(doc.uri) && inserted < PARALLEL_MIN_CHARS) return [];
  const text = doc.getText();
  if (text.length > MAX_DOCUMENT_LENGTH) return [];
  try {
    return service.sourcesToParse({ uri: doc.uri, version: doc.version, text }, settings, PARALLEL_MIN_CHARS);
  } catch (e) {
    // The analysis, which parses on this thread, reports it.
    log(`techspec: could not list the parse work of ${doc.uri}: ${(e as Error).message}`);
    return [];
  }
}

/** Coalesces bursts of changes: the analysis runs once the pending messages are handled. */
function schedule(uri: string): void {
  if (isConfigFile(uri)) return;
  const pending = scheduled.get(uri);
  if (pending) clearImmediate(pending);
  // Two turns: vscode-jsonrpc hands over one queued message per turn, so a change still queued
  // behind this one arrives in between, reschedules, and the superseded version is never analyzed.
  scheduled.set(
    uri,
    setImmediate(() => {
      scheduled.set(
        uri,
        setImmediate(() => {
          scheduled.delete(uri);
          void publish(uri);
        }),
      );
    }),
  );
}

/** Quiet time after the last analysis before a full garbage collection. */
const IDLE_GC_MS = 2000;
let idleGc: NodeJS.Timeout | undefined;
/** Documents whose last analysis parsed enough to share with the worker: their heap is collected as soon as it is published. */
const collectAfterPublish = new Set<string>();

/**
 * V8 keeps the heap a big spec's parse and keystrokes grew, and its memory reducer did not shrink it
 * here: collect it all, compacting what lives onto fewer pages. A plain full collection leaves the
 * pages half empty (20,000 tasks: 155 MB live on 300 MB of pages). Without --expose-gc, nothing.
 */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    gc();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
}

/** Collects once typing pauses; at once after a big parse, whose trees the packing has just let go. */
function collectWhenIdle(uri: string): void {
  clearTimeout(idleGc);
  if (collectAfterPublish.delete(uri)) return collectGarbage();
  idleGc = setTimeout(collectGarbage, IDLE_GC_MS);
  idleGc.unref();
}

async function publish(uri: string): Promise<void> {
  const analysis = await currentAnalysis(uri);
  const doc = documents.get(uri);
  // A newer version arrived while settings were read: its own run publishes.
  if (!analysis || !doc || analysis.version !== doc.version) return;
  // The run of an older version, waiting on a parse that ended on this version, has published it.
  if (published.has(analysis)) return;
  published.add(analysis);
  await connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: analysis.diagnostics });
  await connection.sendNotification(DidAnalyzeNotification, { uri, version: analysis.version, isSpec: analysis.model !== undefined });
  // Out of the way of the results: at 20,000 tasks the open's packing takes ~0.5 s.
  service.compact(uri);
  collectWhenIdle(uri);
}

documents.onDidOpen((e) => {
  // Its start overlaps the wait before the analysis, and the listing of the parse work.
  if (e.document.getText().length >= PARALLEL_MIN_CHARS) parallel.prepare();
  schedule(e.document.uri);
});
documents.onDidChangeContent((e) => schedule(e.document.uri));
documents.onDidClose((e) => {
  const pending = scheduled.get(e.document.uri);
  if (pending) clearImmediate(pending);
  scheduled.delete(e.document.uri);
  analyses.delete(e.document.uri);
  insertedSince.delete(e.document.uri);
  collectAfterPublish.delete(e.document.uri);
  service.forget(e.document.uri);
  settingsByUri.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration(reanalyzeAll);
connection.onDidChangeWatchedFiles(({ changes }) => configFiles.filesChanged(changes));

connection.onCodeAction(async (params) => {
  const analysis = await currentAnalysis(params.textDocument.uri);
  if (!analysis) return [];
  return service.getCodeActions(analysis, params.range, params.context.diagnostics, params.context.only);
});

connection.onCompletion(async (params) => {
  const analysis = await currentAnalysis(params.textDocument.uri);
  return analysis ? service.getCompletions(analysis, params.position) : [];
});

connection.onHover(async (params) => {
  const analysis = await currentAnalysis(params.textDocument.uri);
  return analysis ? (service.getHover(analysis, params.position) ?? null) : null;
});

connection.onDefinition(async (params) => {
  const analysis = await currentAnalysis(params.textDocument.uri);
  return analysis ? service.getDefinition(analysis, params.position) : [];
});

connection.onReferences(async (params) => {
  const analysis = await currentAnalysis(params.textDocument.uri);
  return analysis ? service.getReferences(analysis, params.position, params.context.includeDeclaration) : [];
});

connection.onDocumentHighlight(async (params) => {
  const analysis = await currentAnalysis(params.textDocument.uri);
  return analysis ? service.getDocumentHighlights(analysis, params.position) : [];
});

/** A refused rename is an error response: VS Code shows its message where the rename box would be. */
const renameResult = <T>(outcome: RenameOutcome<T>): T => {
  if ('refusal' in outcome) throw new ResponseError(ErrorCodes.InvalidRequest, outcome.refusal);
  return outcome.ok;
};

connection.onPrepareRename(async (params) => {
  const analysis = await currentAnalysis(params.textDocument.uri);
  return analysis ? renameResult(service.prepareRename(analysis, params.position)) : null;
});

connection.onRenameRequest(async (params) => {
  const analysis = await currentAnalysis(params.textDocument.uri);
  if (!analysis) return null;
  return renameResult(service.rename(analysis, params.position, params.newName, await settingsFor(params.textDocument.uri)));
});

connection.onRequest(PlanRequest, async ({ uri }) => {
  const analysis = await currentAnalysis(uri);
  return service.getPlan(analysis ?? { uri, version: 0, diagnostics: [] });
});

connection.onShutdown(() => parallel.dispose());

documents.listen(connection);
connection.listen();
