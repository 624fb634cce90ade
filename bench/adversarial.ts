// Pathological-input benchmark: opens each bench/adversarial-inputs.ts spec in a fresh built server
// (server/out/server.js --stdio, the extension's SERVER_EXEC_ARGV) and reports how long its
// diagnostics take, a keystroke, the worst hover wait on another small spec meanwhile, the peak
// RSS and the size of the published diagnostics. A crash or a timeout is reported, never waited on.
//
//   npm run bench:adversarial                      every input, full size
//   npm run bench:adversarial -- --quick           smaller sizes, for a smoke run
//   npm run bench:adversarial -- --only lists-2000 one input
//   npm run bench:adversarial -- --cap 60          seconds allowed for an open (default 120)
//
// Prints a markdown table to stdout and writes it to bench-results/adversarial.md.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  createMessageConnection,
  type MessageConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TEMPLATE_TEXT } from '../engine/templateText';
import { SERVER_EXEC_ARGV } from '../server/src/launch';
import { adversarialInputs, type AdversarialInput } from './adversarial-inputs';

const ROOT = resolve(__dirname, '..');
const SERVER = join(ROOT, 'server/out/server.js');

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const QUICK = args.includes('--quick');
const ONLY = opt('--only');
const OPEN_CAP_MS = Number(opt('--cap') ?? '120') * 1000;
const KEYSTROKE_CAP_MS = 60_000;
const KEYSTROKES = 3;
const HOVER_EVERY_MS = 50;
/** The whole run stops starting inputs after this, so it ends well under 20 minutes. */
const RUN_BUDGET_MS = 17 * 60_000;

const SMALL_URI = 'file:///bench/adversarial/small.spec.md';

class Timeout extends Error {}
class Crash extends Error {}

/** One server process, with its diagnostics awaited by (uri, version) and its death turned into a Crash. */
class AdversarialServer {
  constructor(private readonly analysisTimeout?: number) {
    this.proc.stderr!.on('data', (d: Buffer) => (this.stderrTail = (this.stderrTail + d.toString()).slice(-4000)));
    this.proc.once('exit', (code, signal) => {
      this.crash = new Crash(`crashed: ${this.crashReason() ?? signal ?? `exit ${code}`}`);
      for (const w of this.waiters) w.reject(this.crash);
      this.waiters = [];
    });
  }

  readonly proc = spawn(process.execPath, [...SERVER_EXEC_ARGV, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  readonly conn: MessageConnection = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
  private waiters: { uri: string; version: number; resolve: (p: PublishDiagnosticsParams) => void; reject: (e: Error) => void }[] = [];
  private stderrTail = '';
  crash?: Crash;
  /** Bytes of JSON, count and the server's own message (analysis failed, document too big) of the latest diagnostics, by uri. */
  readonly published = new Map<string, { bytes: number; count: number; serverMessage?: string }>();

  /** The error line of the server's last words, like "RangeError: Maximum call stack size exceeded". */
  private crashReason(): string | undefined {
    return this.stderrTail
      .split('\n')
      .find((l) => /^\w*Error\b|FATAL|out of memory/i.test(l.trim()))
      ?.trim();
  }

  async start(): Promise<void> {
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
      const serverMessage = p.diagnostics
        .map((d) => (typeof d.message === 'string' ? d.message : d.message.value))
        .find((m) => /^(techspec|Tech Spec)\b/.test(m));
      this.published.set(p.uri, { bytes: Buffer.byteLength(JSON.stringify(p)), count: p.diagnostics.length, serverMessage });
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== p.uri || w.version !== p.version) return true;
        w.resolve(p);
        return false;
      });
    });
    // workspace/configuration: the techspec section, with the input's budget if it has one.
    this.conn.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map(() => (this.analysisTimeout === undefined ? {} : { analysisTimeout: this.analysisTimeout })),
    );
    this.conn.onRequest(() => null);
    this.conn.onNotification(() => undefined);
    this.conn.onError(() => undefined);
    this.conn.listen();
    await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
      workspaceFolders: null,
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves once the diagnostics of this version are published; Timeout after `capMs`, Crash if the server dies. */
  diagnostics(uri: string, version: number, capMs: number): Promise<PublishDiagnosticsParams> {
    if (this.crash) return Promise.reject(this.crash);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Timeout(`timeout (${capMs / 1000} s)`));
      }, capMs);
      const done = (p: PublishDiagnosticsParams) => (clearTimeout(timer), resolve(p));
      this.waiters.push({ uri, version, resolve: done, reject: (e) => (clearTimeout(timer), reject(e)) });
    });
  }

  open(uri: string, text: string): Promise<void> {
    return this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  /** `VmRSS` now or `VmHWM` (the highest so far), in MB; undefined once the process is gone. */
  rssMB(field: 'VmRSS' | 'VmHWM'): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]) / 1024;
    } catch {
      return undefined;
    }
  }

  /** The benchmark has what it needs: no orderly shutdown, which a busy server would not answer. */
  kill(): Promise<void> {
    this.conn.dispose();
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return Promise.resolve();
    return new Promise((r) => {
      this.proc.once('exit', () => r());
      this.proc.kill('SIGKILL');
    });
  }
}

/** Hovers on the small spec one after another, 50 ms apart, until stopped; reports the longest wait (an unanswered one counts until the stop). */
function hoverProbe(server: AdversarialServer, position: { line: number; character: number }): { stop: () => number } {
  let worst = 0;
  let sentAt: number | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const send = () => {
    if (stopped || server.crash) return;
    const t0 = (sentAt = performance.now());
    server.conn
      .sendRequest(HoverRequest.type, { textDocument: { uri: SMALL_URI }, position })
      .catch(() => undefined)
      .then(() => {
        worst = Math.max(worst, performance.now() - t0);
        sentAt = undefined;
        if (!stopped) timer = setTimeout(send, HOVER_EVERY_MS);
      });
  };
  send();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      return sentAt === undefined ? worst : Math.max(worst, performance.now() - sentAt);
    },
  };
}

/** Line and character of `offset` in `text`. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

interface Row {
  input: AdversarialInput;
  bytes: number;
  open: string;
  keystroke: string;
  worstHover: string;
  peakMB?: number;
  endMB?: number;
  diagnosticsBytes?: number;
  diagnosticsCount?: number;
  serverMessage?: string;
}

const seconds = (ms: number) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);
const failure = (e: unknown) => (e instanceof Timeout || e instanceof Crash ? e.message : `error: ${(e as Error).message}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(input: AdversarialInput): Promise<Row> {
  const text = input.text();
  const row: Row = { input, bytes: Buffer.byteLength(text), open: '', keystroke: 'n/a', worstHover: 'n/a' };
  const uri = `file:///bench/adversarial/${input.name}.spec.md`;
  const server = new AdversarialServer(input.analysisTimeout);
  try {
    await server.start();
    const smallOpened = server.diagnostics(SMALL_URI, 1, OPEN_CAP_MS);
    await server.open(SMALL_URI, TEMPLATE_TEXT);
    await smallOpened;

    const rowT2 = TEMPLATE_TEXT.indexOf('| T2 |') + 2;
    const hovers = hoverProbe(server, positionAt(TEMPLATE_TEXT, rowT2));
    const t0 = performance.now();
    const opened = server.diagnostics(uri, 1, OPEN_CAP_MS);
    await server.open(uri, text);
    try {
      await opened;
      row.open = seconds(performance.now() - t0);
    } catch (e) {
      row.open = failure(e);
    }
    row.worstHover = seconds(hovers.stop());

    if (row.open.startsWith('timeout') || row.open.startsWith('crashed')) return row;
    // One character typed in the middle, then deleted, and so on: the median of KEYSTROKES.
    const at = positionAt(text, Math.floor(text.length / 2));
    const times: number[] = [];
    for (let version = 2; version < 2 + KEYSTROKES; version++) {
      const insert = version % 2 === 0;
      const range = { start: at, end: insert ? at : { line: at.line, character: at.character + 1 } };
      const done = server.diagnostics(uri, version, KEYSTROKE_CAP_MS);
      const k0 = performance.now();
      await server.conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range, text: insert ? 'x' : '' }],
      });
      try {
        await done;
        times.push(performance.now() - k0);
      } catch (e) {
        row.keystroke = failure(e);
        return row;
      }
    }
    row.keystroke = seconds(median(times));
    return row;
  } catch (e) {
    row.open ||= failure(e);
    return row;
  } finally {
    row.peakMB = server.rssMB('VmHWM');
    row.endMB = server.rssMB('VmRSS');
    const published = server.published.get(uri);
    row.diagnosticsBytes = published?.bytes;
    row.diagnosticsCount = published?.count;
    row.serverMessage = published?.serverMessage;
    await server.kill();
  }
}

const mb = (n: number | undefined) => (n === undefined ? '–' : n >= 1024 ? `${(n / 1024).toFixed(2)} GB` : `${n.toFixed(0)} MB`);
const size = (bytes: number | undefined) =>
  bytes === undefined ? '–' : bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${bytes} B`;

function table(rows: Row[]): string {
  const lines = [
    '| Input | Shape | Size | Open → diagnostics | Keystroke (median of 3) | Worst hover on a small spec | Peak RSS (VmHWM) | RSS at the end | Diagnostics JSON | Diagnostics | Server message |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.input.name} | ${r.input.shape} | ${size(r.bytes)} | ${r.open} | ${r.keystroke} | ${r.worstHover} | ${mb(r.peakMB)} | ${mb(r.endMB)} | ${size(r.diagnosticsBytes)} | ${r.diagnosticsCount ?? '–'} | ${r.serverMessage?.replaceAll('|', '\\|') ?? ''} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const inputs = adversarialInputs(QUICK).filter((i) => !ONLY || i.name === ONLY);
  if (inputs.length === 0)
    throw new Error(
      `no input named ${ONLY}; the inputs: ${adversarialInputs(QUICK)
        .map((i) => i.name)
        .join(', ')}`,
    );
  const runStart = performance.now();
  const rows: Row[] = [];
  for (const input of inputs) {
    if (performance.now() - runStart > RUN_BUDGET_MS) {
      rows.push({ input, bytes: 0, open: 'skipped: run budget spent', keystroke: 'n/a', worstHover: 'n/a' });
      continue;
    }
    process.stderr.write(`adversarial: ${input.name}…\n`);
    const row = await measure(input);
    process.stderr.write(`adversarial: ${input.name}: open ${row.open}, keystroke ${row.keystroke}\n`);
    rows.push(row);
  }
  const report = `# Adversarial inputs${QUICK ? ' (--quick)' : ''}\n\n${new Date().toISOString()}, node ${process.version}, open cap ${OPEN_CAP_MS / 1000} s, keystroke cap ${KEYSTROKE_CAP_MS / 1000} s\n\n${table(rows)}\n`;
  process.stdout.write(report);
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results/adversarial.md'), report);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
