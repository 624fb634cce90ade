// The analysis worker (bundled as server/out/analysisWorker.js): one per heavy document
// (heavyDocuments.ts). It keeps that document's language service, so a new version is analysed
// incrementally, and answers the document's requests from its latest analysis. The server thread
// never waits on it: it can stop this thread at any time.
import { parentPort } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService, type Analysis, type EngineSettings } from '../../engine';
import { collectGarbage } from './gc';

/** The service methods a heavy document's requests are answered with: each takes the analysis first. */
export type RoutedMethod =
  'getCodeActions' | 'getCompletions' | 'getHover' | 'getDefinition' | 'getReferences' | 'getDocumentHighlights' | 'prepareRename' | 'rename' | 'getPlan';

export type ToWorker =
  | { kind: 'analyze'; uri: string; version: number; text: string; settings: EngineSettings }
  | { kind: 'call'; id: number; version: number; method: RoutedMethod; args: unknown[] };

export type FromWorker =
  | { kind: 'analyzed'; version: number; diagnostics: Diagnostic[]; isSpec: boolean; ms: number }
  /** `result` absent: the worker has no analysis of that version (a newer one is queued behind the call). */
  | { kind: 'answer'; id: number; result?: unknown; error?: string };

/** Quiet time after an analysis before a full garbage collection, as on the server thread. */
const IDLE_GC_MS = 2000;

const port = parentPort!;
const service = createLanguageService({ today: () => new Date().toISOString().slice(0, 10) });
let latest: Analysis | undefined;
let idleGc: NodeJS.Timeout | undefined;

function analyze(uri: string, version: number, text: string, settings: EngineSettings): { diagnostics: Diagnostic[]; isSpec: boolean } {
  try {
    latest = service.analyze({ uri, version, text }, settings);
    return { diagnostics: latest.diagnostics, isSpec: latest.model !== undefined };
  } catch (e) {
    latest = undefined;
    service.forget(uri);
    const message = `techspec could not analyze this document (${(e as Error).message}). See the "Tech Spec" output for details.`;
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { diagnostics: [{ range, severity: 1, source: 'techspec', message }], isSpec: false };
  }
}

port.on('message', (m: ToWorker) => {
  if (m.kind === 'analyze') {
    const first = latest === undefined;
    const started = performance.now();
    const { diagnostics, isSpec } = analyze(m.uri, m.version, m.text, m.settings);
    const reply: FromWorker = { kind: 'analyzed', version: m.version, diagnostics, isSpec, ms: performance.now() - started };
    port.postMessage(reply);
    service.compact(m.uri);
    clearTimeout(idleGc);
    // The first analysis made the most garbage (the whole parse): collected at once, as on the server thread.
    if (first) collectGarbage();
    else idleGc = setTimeout(collectGarbage, IDLE_GC_MS).unref();
    return;
  }
  let reply: FromWorker;
  if (!latest || latest.version !== m.version) reply = { kind: 'answer', id: m.id };
  else {
    try {
      const method = service[m.method] as (analysis: Analysis, ...args: unknown[]) => unknown;
      reply = { kind: 'answer', id: m.id, result: method.call(service, latest, ...m.args) ?? null };
    } catch (e) {
      reply = { kind: 'answer', id: m.id, error: (e as Error).stack ?? String(e) };
    }
  }
  port.postMessage(reply);
});
