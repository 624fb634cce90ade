// Heavy documents: big ones, or ones whose analysis on the server thread was slow, are analysed on a
// worker thread of their own (analysisWorker.ts), so the server's loop stays free for every other
// document's requests and diagnostics. Each analysis has a time budget: past it, the worker is
// stopped and the document gets one information diagnostic saying so, why and what to do. The
// document's requests go to its worker once it holds the analysis of the version they name; until
// then (at most REQUEST_WAIT_MS) or once it is stopped they get the empty answer, never a wait on
// the server thread.
import type { Worker } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isTechSpec, type Analysis, type EngineSettings, type LanguageService, type RenameOutcome } from '../../engine';
import type { FromWorker, RoutedMethod, ToWorker } from './analysisWorker';

/** Documents above this many characters (20 MB of ASCII) are not analysed at all: the user is told so, and what to do. */
export const MAX_DOCUMENT_LENGTH = 20 * 1024 * 1024;
/** The analysis budget when techspec.analysisTimeout does not set one. */
export const DEFAULT_BUDGET_MS = 10_000;
/** How long a request for a heavy document waits for the analysis of its version before it gets the empty answer. */
const REQUEST_WAIT_MS = 1000;

export interface HeavyHost {
  /** The document's version and text now; undefined once it is closed. */
  document(uri: string): { version: number; text: string } | undefined;
  /** The document's settings and analysis budget (ms). */
  settings(uri: string): Promise<{ settings: EngineSettings; budgetMs: number }>;
  publish(uri: string, version: number, diagnostics: Diagnostic[], isSpec: boolean): Promise<void>;
  log(message: string): void;
}

/** techspec.analysisTimeout (seconds) as a budget in ms; a problem to report when it is not a positive number. */
export function readBudget(raw: unknown): { budgetMs: number; problem?: string } {
  const value = (raw as { analysisTimeout?: unknown } | null | undefined)?.analysisTimeout;
  if (value === undefined || value === null) return { budgetMs: DEFAULT_BUDGET_MS };
  if (typeof value === 'number' && value > 0 && Number.isFinite(value)) return { budgetMs: value * 1000 };
  return {
    budgetMs: DEFAULT_BUDGET_MS,
    problem: `techspec.analysisTimeout must be a positive number of seconds, not ${JSON.stringify(value)}; using ${DEFAULT_BUDGET_MS / 1000}.`,
  };
}

interface Heavy {
  worker?: Worker;
  /** The analysis posted to the worker (or about to be), with what it was posted with. */
  running?: { version: number; length: number; settings?: EngineSettings; budgetMs?: number; timer?: NodeJS.Timeout };
  /** A newer version (or new settings) came while one ran: analysed once that one ends. */
  wanted: boolean;
  /** The worker's latest analysis. */
  analyzed?: { version: number; diagnostics: Diagnostic[] };
  /** Why the document is not analysed, and the length it had then: it is tried again once its length changes by a tenth. */
  stopped?: { length: number; message: string; tooBig?: boolean };
  calls: Map<number, (reply: FromWorker | undefined) => void>;
  /** Called on every change of `analyzed` or `stopped`. */
  changed: Set<() => void>;
}

const LINE_0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
/** A length in characters as the size an editor shows for the file (exact for ASCII). */
const megabytes = (length: number) =>
  length >= 1024 * 1024 ? `${(length / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(length / 1024)} KB`;
const info = (message: string): Diagnostic => ({ range: LINE_0, severity: 3, source: 'techspec', message });

export class HeavyDocuments {
  private readonly docs = new Map<string, Heavy>();
  private readonly stubs = new WeakSet<Analysis>();
  private lastCall = 0;

  constructor(
    private readonly startWorker: () => Worker,
    private readonly host: HeavyHost,
  ) {}

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  /** From now until it closes, the document is analysed on a worker. */
  adopt(uri: string): void {
    if (!this.docs.has(uri)) this.docs.set(uri, { wanted: false, calls: new Map(), changed: new Set() });
  }

  /** Stops the document's worker and forgets it (closed, or re-opened with new text). */
  forget(uri: string): void {
    const h = this.docs.get(uri);
    if (!h) return;
    this.halt(h);
    this.docs.delete(uri);
  }

  /** Settings changed: stopped documents are tried again (with a new budget, perhaps). */
  retryStopped(): void {
    for (const h of this.docs.values()) h.stopped = undefined;
  }

  dispose(): void {
    for (const uri of [...this.docs.keys()]) this.forget(uri);
  }

  /**
   * The document's analysis for the server's handlers: no model (the worker holds it), the latest
   * diagnostics. The service that routeHeavy returns sends the requests made with it to the worker.
   */
  stub(uri: string): Analysis | undefined {
    const h = this.docs.get(uri);
    const doc = this.host.document(uri);
    if (!h || !doc) return undefined;
    const stub: Analysis = { uri, version: doc.version, diagnostics: h.analyzed?.diagnostics ?? [] };
    this.stubs.add(stub);
    return stub;
  }

  isStub(analysis: Analysis): boolean {
    return this.stubs.has(analysis);
  }

  /** Analyses the document's current version on its worker, and publishes the result if no newer version came meanwhile. */
  analyze(uri: string): void {
    const h = this.docs.get(uri);
    const doc = this.host.document(uri);
    if (!h || !doc) return;
    if (h.running) {
      // A paste or a deletion of a tenth or more: what runs is no base for it, so it is cancelled.
      // Smaller edits let it end: the worker then analyses the newest version incrementally from it.
      if (h.running.timer && Math.abs(doc.text.length - h.running.length) * 10 > h.running.length) {
        this.host.log(`techspec: cancelled the analysis of version ${h.running.version} of ${uri}: version ${doc.version} changed a tenth of it`);
        this.halt(h);
      } else {
        h.wanted = true;
        return;
      }
    }
    h.running = { version: doc.version, length: doc.text.length };
    void this.post(uri, h);
  }

  /** The answer of the document's worker to `method`, for `version`; undefined when it has none in time. */
  async call(uri: string, version: number, method: RoutedMethod, args: unknown[]): Promise<{ result: unknown } | undefined> {
    const h = this.docs.get(uri);
    if (!h || !(await this.ready(h, version)) || !h.worker) return undefined;
    const worker = h.worker;
    const id = ++this.lastCall;
    const reply = await new Promise<FromWorker | undefined>((resolve) => {
      h.calls.set(id, resolve);
      const message: ToWorker = { kind: 'call', id, version, method, args };
      worker.postMessage(message);
    });
    if (reply?.kind !== 'answer' || !('result' in reply)) {
      if (reply?.kind === 'answer' && reply.error) this.host.log(`techspec: ${method} on ${uri} failed: ${reply.error}`);
      return undefined;
    }
    return { result: reply.result };
  }

  /** Why a request for the document got no answer: for the refusal of a rename. */
  unanswered(uri: string): string {
    return this.docs.get(uri)?.stopped?.message ?? 'Tech Spec is still analysing this document; try again in a moment.';
  }

  /** Whether the worker holds the analysis of `version`, waiting for it up to REQUEST_WAIT_MS. */
  private async ready(h: Heavy, version: number): Promise<boolean> {
    const until = performance.now() + REQUEST_WAIT_MS;
    for (;;) {
      if (h.analyzed?.version === version) return true;
      if (h.stopped || (h.analyzed && h.analyzed.version > version)) return false;
      const left = until - performance.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          h.changed.delete(done);
          resolve();
        };
        const timer = setTimeout(done, left);
        h.changed.add(done);
      });
    }
  }

  private async post(uri: string, h: Heavy): Promise<void> {
    const run = h.running!;
    const { settings, budgetMs } = await this.host.settings(uri);
    const doc = this.host.document(uri);
    if (h.running !== run || !doc || this.docs.get(uri) !== h) return;
    Object.assign(run, { version: doc.version, length: doc.text.length, settings, budgetMs });
    const { text, version } = doc;
    const unchanged = h.stopped && !h.stopped.tooBig && Math.abs(text.length - h.stopped.length) * 10 <= h.stopped.length;
    if (text.length > MAX_DOCUMENT_LENGTH || unchanged) {
      h.running = undefined;
      if (text.length > MAX_DOCUMENT_LENGTH) {
        this.halt(h);
        h.stopped = {
          length: text.length,
          tooBig: true,
          message: `Tech Spec does not analyse specs above ${megabytes(MAX_DOCUMENT_LENGTH)}, and this one is ${megabytes(text.length)}, so it shows no other diagnostics. Split it into smaller specs, each under ${megabytes(MAX_DOCUMENT_LENGTH)}.`,
        };
      }
      const isSpec = isTechSpec(uri, text, settings.files);
      await this.host.publish(uri, version, isSpec ? [info(h.stopped!.message)] : [], isSpec);
      return;
    }
    h.stopped = undefined;
    const worker = h.worker ?? this.start(uri, h);
    if (!worker) return;
    run.timer = setTimeout(() => this.stop(uri, h, `after ${budgetMs / 1000} s`, 'the analysis took longer than its budget'), budgetMs);
    const message: ToWorker = { kind: 'analyze', uri, version, text, settings };
    try {
      worker.postMessage(message);
    } catch (e) {
      this.stop(uri, h, '', `its settings could not be sent to its worker (${(e as Error).message})`);
    }
  }

  private start(uri: string, h: Heavy): Worker | undefined {
    let worker: Worker;
    try {
      worker = this.startWorker();
    } catch (e) {
      this.stop(uri, h, '', `its worker did not start (${(e as Error).message})`);
      return undefined;
    }
    // An idle worker must not keep the server alive.
    worker.unref();
    worker.on('message', (m: FromWorker) => {
      if (h.worker === worker) this.receive(uri, h, m);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (h.worker !== worker) return;
      this.host.log(`techspec: the analysis worker of ${uri} failed: ${e.stack ?? e}`);
      this.stop(uri, h, '', e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'its analysis ran out of memory' : `its analysis failed (${e.message})`);
    });
    worker.on('exit', (code) => {
      if (h.worker === worker) this.stop(uri, h, '', `its analysis worker exited with code ${code}`);
    });
    h.worker = worker;
    return worker;
  }

  private receive(uri: string, h: Heavy, m: FromWorker): void {
    if (m.kind === 'answer') {
      h.calls.get(m.id)?.(m);
      h.calls.delete(m.id);
      return;
    }
    clearTimeout(h.running?.timer);
    h.running = undefined;
    h.analyzed = { version: m.version, diagnostics: m.diagnostics };
    this.changed(h);
    this.host.log(`techspec: analysed version ${m.version} of ${uri} on its worker in ${m.ms.toFixed(0)} ms`);
    const doc = this.host.document(uri);
    if (doc?.version === m.version) void this.host.publish(uri, m.version, m.diagnostics, m.isSpec);
    if (h.wanted) {
      h.wanted = false;
      this.analyze(uri);
    }
  }

  /** Stops the worker; the document gets the information diagnostic until it changes enough, or settings change. */
  private stop(uri: string, h: Heavy, when: string, why: string): void {
    const settings = h.running?.settings;
    const budgetMs = h.running?.budgetMs ?? DEFAULT_BUDGET_MS;
    this.halt(h);
    const doc = this.host.document(uri);
    if (!doc || this.docs.get(uri) !== h) return;
    const message =
      `Tech Spec stopped analysing this document ${when ? `${when} ` : ''}(${megabytes(doc.text.length)}): ${why}, so diagnostics are incomplete. ` +
      `Split it into smaller specs${why.includes('budget') ? `, or raise techspec.analysisTimeout (now ${budgetMs / 1000} s)` : ''}. ` +
      'It is analysed again once its size changes by a tenth, or when it is reopened.';
    h.stopped = { length: doc.text.length, message };
    this.host.log(`techspec: ${uri}: ${message}`);
    this.changed(h);
    const isSpec = settings ? isTechSpec(uri, doc.text, settings.files) : true;
    void this.host.publish(uri, doc.version, isSpec ? [info(message)] : [], isSpec);
  }

  /** Terminates the worker, if any: what it ran is dropped and its pending requests get the empty answer. */
  private halt(h: Heavy): void {
    clearTimeout(h.running?.timer);
    h.running = undefined;
    h.wanted = false;
    h.analyzed = undefined;
    const worker = h.worker;
    h.worker = undefined;
    if (worker) void worker.terminate();
    for (const resolve of h.calls.values()) resolve(undefined);
    h.calls.clear();
    this.changed(h);
  }

  private changed(h: Heavy): void {
    for (const f of [...h.changed]) f();
  }
}

type Rest<F> = F extends (analysis: Analysis, ...rest: infer R) => unknown ? R : never;
/** The service methods that take an analysis, answered asynchronously: by the worker for a heavy document's stub analysis. */
export type RoutedService = { [M in RoutedMethod]: (analysis: Analysis, ...args: Rest<LanguageService[M]>) => Promise<ReturnType<LanguageService[M]>> };

const ROUTED: RoutedMethod[] = [
  'getCodeActions',
  'getCompletions',
  'getHover',
  'getDefinition',
  'getReferences',
  'getDocumentHighlights',
  'prepareRename',
  'rename',
  'getPlan',
];

/**
 * `service` for analyses of the server thread; the worker for heavy documents' stubs. Unanswered
 * (the worker is busy past REQUEST_WAIT_MS, or stopped): the answer for a document with no model,
 * and for a rename, a refusal saying why.
 */
export function routeHeavy(service: LanguageService, heavy: HeavyDocuments): RoutedService {
  const route = (method: RoutedMethod) => {
    const inThread = (service[method] as (analysis: Analysis, ...args: unknown[]) => unknown).bind(service);
    return async (analysis: Analysis, ...args: unknown[]) => {
      if (!heavy.isStub(analysis)) return inThread(analysis, ...args);
      const answer = await heavy.call(analysis.uri, analysis.version, method, args);
      if (answer) return answer.result ?? undefined;
      if (method === 'prepareRename' || method === 'rename') return { refusal: heavy.unanswered(analysis.uri) } satisfies RenameOutcome<never>;
      return inThread({ uri: analysis.uri, version: analysis.version, diagnostics: [] }, ...args);
    };
  };
  return Object.fromEntries(ROUTED.map((m) => [m, route(m)])) as RoutedService;
}
