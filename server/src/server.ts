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
  type CodeActionParams,
  type CompletionParams,
  type DefinitionParams,
  type Diagnostic,
  type DocumentHighlightParams,
  type HoverParams,
  type InitializeResult,
  type PrepareRenameParams,
  type ReferenceParams,
  type RenameParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import type { Root } from 'mdast';
import { anchorGlobs, createLanguageService, validateSettings, DEFAULT_SETTINGS, type Analysis, type EngineSettings, type RenameOutcome } from '../../engine';
import { DerivedRulesRequest, DidAnalyzeNotification, PlanRequest } from '../../protocol';
import { derivedRules } from './derivedRules';
// The bundler keeps only this field of package.json.
import { version } from '../../package.json';
import { ParallelParser } from './parallelParse';
import { fileExistsNear } from './fileExists';
import { ConfigFiles, isConfigFile } from './configFiles';
import { PARAMS, validated } from './validate';
import { collectGarbage } from './gc';
import { DEFAULT_BUDGET_MS, HeavyDocuments, readBudget, routeHeavy } from './heavyDocuments';
import { WorkspaceIndex } from './workspaceIndex';
import { SummaryPool } from './summaryPool';
import { GLANCE_CAPABILITIES, registerGlance } from './glance';

const connection = createConnection(ProposedFeatures.all);
/** Characters inserted into each document since its last analysis began. */
const insertedSince = new Map<string, number>();
const documents = new TextDocuments({
  create: TextDocument.create,
  update(doc, changes, version) {
    // A version that is not newer than the document's is stale, or a replay: it changes nothing.
    if (version <= doc.version) {
      log(`techspec: ignored a change to ${doc.uri} with version ${version}: the document is at version ${doc.version} already`);
      return doc;
    }
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

/**
 * Documents of this many characters or more are analysed on a worker of their own (heavyDocuments.ts),
 * and so is any whose last two analyses here took more than SLOW_ANALYSIS_MS each: one slow analysis
 * may be the first, before the engine's code is compiled (450 ms for the template on a loaded machine).
 * TECHSPEC_WORKER_MIN_CHARS sets another bound (Infinity: by their cost only). Below it, analysis stays on this thread: a keystroke
 * costs no copy of the text, and the 2,000-deep lists that were the slowest small inputs take 0.13 s.
 */
const WORKER_MIN_CHARS = Number(process.env.TECHSPEC_WORKER_MIN_CHARS ?? 128_000);
const SLOW_ANALYSIS_MS = 200;
/** Documents whose last analysis here took more than SLOW_ANALYSIS_MS. */
const slowOnce = new Set<string>();
/**
 * Characters of remark source left to parse from which the parse workers parse them
 * (TECHSPEC_PARALLEL_MIN_CHARS sets another bound; Infinity: never). Throughput alone would put
 * this at ~1 MB (two threads gained nothing on a 430 KB spec), but a parse on this thread blocks
 * every other document's requests: opening a 5,000-column table (173 KB) kept a hover on another
 * spec waiting 2.48 s on this thread and 384 ms with the workers, 100,000 blank lines 1.35 s and 63 ms.
 */
const PARALLEL_MIN_CHARS = Number(process.env.TECHSPEC_PARALLEL_MIN_CHARS ?? 64_000);

let canPullConfiguration = false;
let canFollowWorkspaceFolders = false;
let canWatchFiles = false;
let canRefreshCodeLenses = false;
/** The URIs of the workspace folders: relative globs of techspec.files match paths relative to them. */
let workspaceFolders: string[] = [];
const settingsByUri = new Map<string, Promise<EngineSettings>>();
/** techspec.analysisTimeout of each document, in ms, read with its settings. */
const budgetByUri = new Map<string, number>();
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

const heavy = new HeavyDocuments(
  // Its heap has a ceiling: past it, the worker stops and the document is told why; the server lives on.
  () => new Worker(join(__dirname, 'analysisWorker.js'), { resourceLimits: { maxOldGenerationSizeMb: Number(process.env.TECHSPEC_WORKER_HEAP_MB ?? 512) } }),
  {
    document: (uri) => {
      const doc = documents.get(uri);
      return doc && { version: doc.version, text: doc.getText() };
    },
    settings: async (uri) => {
      const settings = await settingsFor(uri);
      return { settings, budgetMs: budgetByUri.get(uri) ?? DEFAULT_BUDGET_MS };
    },
    publish: async (uri, version, diagnostics, isSpec) => {
      await connection.sendDiagnostics({ uri, version, diagnostics });
      await connection.sendNotification(DidAnalyzeNotification, { uri, version, isSpec });
    },
    log,
  },
);
/** The language service's requests, answered on a heavy document's worker for its analyses. */
const features = routeHeavy(service, heavy);

process.on('unhandledRejection', (e) => connection.console.error(`techspec: unhandled rejection: ${String(e)}`));
process.on('uncaughtException', (e) => connection.console.error(`techspec: uncaught exception: ${e.stack ?? e}`));

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  canFollowWorkspaceFolders = !!params.capabilities.workspace?.workspaceFolders;
  canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  canRefreshCodeLenses = !!params.capabilities.workspace?.codeLens?.refreshSupport;
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
      workspaceSymbolProvider: true,
      ...GLANCE_CAPABILITIES,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      // The client's recovery test kills this process by its id.
      experimental: { processId: process.pid },
    },
    serverInfo: { name: 'techspec', version },
  };
});

connection.onInitialized(() => {
  specIndex.listen(canWatchFiles);
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
  heavy.retryStopped();
  glance.settingsChanged();
  for (const doc of documents.all()) schedule(doc.uri);
  specIndex.reset();
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
        const budget = readBudget(raw);
        budgetByUri.set(uri, budget.budgetMs);
        for (const p of budget.problem ? [...problems, budget.problem] : problems) {
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

/** Whether the document is analysed on a worker: it is heavy already, or big enough to become heavy now. */
function isHeavy(uri: string): boolean {
  if (heavy.has(uri)) return true;
  if ((documents.get(uri)?.getText().length ?? 0) < WORKER_MIN_CHARS) return false;
  heavy.adopt(uri);
  service.forget(uri);
  analyses.delete(uri);
  insertedSince.delete(uri);
  return true;
}

/** The analysis of the document as it is now, computed if the cached one is stale; a heavy document's at once, without its model. */
async function currentAnalysis(uri: string): Promise<Analysis | undefined> {
  if (isConfigFile(uri)) return undefined;
  for (;;) {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const cached = analyses.get(uri);
    if (cached && cached.version === doc.version) return cached;
    if (isHeavy(uri)) return heavy.stub(uri);
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
  const started = performance.now();
  analyses.set(uri, analyzeNow(latest, settings, parsed));
  if (parsed) collectAfterPublish.add(uri);
  const ms = performance.now() - started;
  if (ms <= SLOW_ANALYSIS_MS) slowOnce.delete(uri);
  else if (!slowOnce.delete(uri)) slowOnce.add(uri);
  else {
    log(`techspec: two analyses of ${uri} in a row took over ${SLOW_ANALYSIS_MS} ms, the last ${ms.toFixed(0)} ms: its next versions are analysed on a worker`);
    heavy.adopt(uri);
    service.forget(uri);
    // Its worker analyses this version too, so that the next one is incremental there.
    schedule(uri);
  }
}

/** What a parse of the document would hand remark, when it is enough to share with the worker. */
function sourcesToParse(doc: TextDocument, settings: EngineSettings): string[] {
  const inserted = insertedSince.get(doc.uri) ?? 0;
  insertedSince.delete(doc.uri);
  // Looked for at the first analysis, and after big insertions only: it costs a keystroke a diff of the whole text.
  if (analyses.has(doc.uri) && inserted < PARALLEL_MIN_CHARS) return [];
  const text = doc.getText();
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

/** Collects once typing pauses; at once after a big parse, whose trees the packing has just let go. */
function collectWhenIdle(uri: string): void {
  clearTimeout(idleGc);
  if (collectAfterPublish.delete(uri)) return collectGarbage();
  idleGc = setTimeout(collectGarbage, IDLE_GC_MS);
  idleGc.unref();
}

async function publish(uri: string): Promise<void> {
  if (isHeavy(uri)) {
    analyses.delete(uri);
    return heavy.analyze(uri);
  }
  const analysis = await currentAnalysis(uri);
  const doc = documents.get(uri);
  // A newer version arrived while settings were read: its own run publishes. A stub: the document became heavy, its worker publishes.
  if (!analysis || !doc || analysis.version !== doc.version || heavy.isStub(analysis)) return;
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
  // A second open replaces the text: whatever was analyzed of the old one, even at the same version, is stale.
  analyses.delete(e.document.uri);
  heavy.forget(e.document.uri);
  // Its start overlaps the wait before the analysis, and the listing of the parse work.
  const length = e.document.getText().length;
  if (length >= PARALLEL_MIN_CHARS && length < WORKER_MIN_CHARS) parallel.prepare();
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
  heavy.forget(e.document.uri);
  settingsByUri.delete(e.document.uri);
  budgetByUri.delete(e.document.uri);
  slowOnce.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration(reanalyzeAll);

connection.onCodeAction(
  validated('textDocument/codeAction', PARAMS.codeAction, async (params: CodeActionParams) => {
    const analysis = await currentAnalysis(params.textDocument.uri);
    if (!analysis) return [];
    return features.getCodeActions(analysis, params.range, params.context.diagnostics, params.context.only);
  }),
);

connection.onCompletion(
  validated('textDocument/completion', PARAMS.position, async (params: CompletionParams) => {
    const analysis = await currentAnalysis(params.textDocument.uri);
    return analysis ? await features.getCompletions(analysis, params.position) : [];
  }),
);

connection.onHover(
  validated('textDocument/hover', PARAMS.position, async (params: HoverParams) => {
    const analysis = await currentAnalysis(params.textDocument.uri);
    return analysis ? ((await features.getHover(analysis, params.position)) ?? null) : null;
  }),
);

connection.onDefinition(
  validated('textDocument/definition', PARAMS.position, async (params: DefinitionParams) => {
    const analysis = await currentAnalysis(params.textDocument.uri);
    return analysis ? await features.getDefinition(analysis, params.position) : [];
  }),
);

connection.onReferences(
  validated('textDocument/references', PARAMS.references, async (params: ReferenceParams) => {
    const analysis = await currentAnalysis(params.textDocument.uri);
    return analysis ? await features.getReferences(analysis, params.position, params.context.includeDeclaration) : [];
  }),
);

connection.onDocumentHighlight(
  validated('textDocument/documentHighlight', PARAMS.position, async (params: DocumentHighlightParams) => {
    const analysis = await currentAnalysis(params.textDocument.uri);
    return analysis ? await features.getDocumentHighlights(analysis, params.position) : [];
  }),
);

/** A refused rename is an error response: VS Code shows its message where the rename box would be. */
const renameResult = <T>(outcome: RenameOutcome<T>): T => {
  if ('refusal' in outcome) throw new ResponseError(ErrorCodes.InvalidRequest, outcome.refusal);
  return outcome.ok;
};

connection.onPrepareRename(
  validated('textDocument/prepareRename', PARAMS.position, async (params: PrepareRenameParams) => {
    const analysis = await currentAnalysis(params.textDocument.uri);
    return analysis ? renameResult(await features.prepareRename(analysis, params.position)) : null;
  }),
);

connection.onRenameRequest(
  validated('textDocument/rename', PARAMS.rename, async (params: RenameParams) => {
    const analysis = await currentAnalysis(params.textDocument.uri);
    if (!analysis) return null;
    return renameResult(await features.rename(analysis, params.position, params.newName, await settingsFor(params.textDocument.uri)));
  }),
);

connection.onRequest(
  PlanRequest,
  validated(PlanRequest.method, PARAMS.uri, async ({ uri }: { uri: string }) => {
    const analysis = await currentAnalysis(uri);
    return features.getPlan(analysis ?? { uri, version: 0, diagnostics: [] });
  }),
);

const glance = registerGlance(
  { connection, currentAnalysis, document: (uri) => documents.get(uri), canPullConfiguration: () => canPullConfiguration, log },
  () => canRefreshCodeLenses,
);

/** Threads that summarize spec files for the workspace index (TECHSPEC_INDEX_WORKERS sets how many; 0: none). */
const INDEX_WORKERS = Number(process.env.TECHSPEC_INDEX_WORKERS ?? Math.min(2, availableParallelism()));
const summaries = new SummaryPool(() => new Worker(join(__dirname, 'summaryWorker.js')), INDEX_WORKERS, log);
const specIndex = new WorkspaceIndex({
  connection,
  documents,
  service,
  folders: () => workspaceFolders,
  settingsFor,
  currentAnalysis,
  summarize: (uri, text, settings) => summaries.summarize(uri, text, settings, new Date().toISOString().slice(0, 10)),
  parallelism: () => summaries.parallelism,
  log,
});
// One handler per method: the config files and the workspace index both follow file events.
connection.onDidChangeWatchedFiles(({ changes }) => {
  configFiles.filesChanged(changes);
  specIndex.filesChanged(changes);
});

connection.onRequest(
  DerivedRulesRequest,
  validated(DerivedRulesRequest.method, PARAMS.optionalUri, async ({ uri }: { uri?: string | null }) =>
    derivedRules(typeof uri === 'string' ? await settingsFor(uri) : DEFAULT_SETTINGS),
  ),
);

connection.onShutdown(() => {
  parallel.dispose();
  heavy.dispose();
  summaries.dispose();
});

documents.listen(connection);
connection.listen();
