// Benchmark: drives the built language server (server/out/server.js --stdio) over JSON-RPC with the
// gen-spec workloads, and times the naive way (a full remark parse, markdownlint) on the same text.
//
//   npm run bench                                  every size: template, 200, 2000, 20000 tasks
//   npm run bench -- --sizes template,200,2000     some sizes
//   npm run bench -- --edits 40 --naive-timeout 60 keystroke samples; cap on each naive run (s)
//   npm run bench -- --opens 5                     cold opens per size, each in a fresh server
//   npm run bench -- --node-args "--max-semi-space-size=8"   more V8 flags for the server
//   npm run bench -- --verbose                     the server's log messages on stderr
//
// Prints a markdown table to stdout and writes it to bench-results/.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createMessageConnection,
  type MessageConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TEMPLATE_TEXT } from '../engine/templateText';
import { SERVER_EXEC_ARGV } from '../server/src/launch';

const ROOT = resolve(__dirname, '..');
const SERVER = join(ROOT, 'server/out/server.js');

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const SIZES = opt('--sizes', 'template,200,2000,20000')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
// The first keystrokes after an open run in code V8 has not optimized yet: 40 samples give the median of steady typing.
const EDITS = Number(opt('--edits', '40'));
/** One cold open varies by a third from run to run on a shared machine: the open figures are medians of this many. */
const OPENS = Math.max(1, Number(opt('--opens', '5')));
/** How long the server is left quiet before its idle RSS is read. */
const IDLE_MS = 3000;
const NAIVE_TIMEOUT_S = Number(opt('--naive-timeout', '120'));
/** Flags added to the server's own (SERVER_EXEC_ARGV): to measure V8's settings. */
const NODE_ARGS = opt('--node-args', '').split(' ').filter(Boolean);
const VERBOSE = args.includes('--verbose');
/** Waits longer than this for a server answer mean the server is broken, not slow. */
const SERVER_TIMEOUT_MS = Number(opt('--server-timeout', '600')) * 1000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function workload(size: string): string {
  if (size === 'template') return TEMPLATE_TEXT;
  return execFileSync(process.execPath, [join(ROOT, 'bench/gen-spec.mjs'), '--tasks', size], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

class Server {
  readonly proc = spawn(process.execPath, [...SERVER_EXEC_ARGV, ...NODE_ARGS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  readonly conn: MessageConnection = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
  private waiters: { uri: string; version: number; resolve: (t: number) => void }[] = [];

  async start(): Promise<void> {
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
      const now = performance.now();
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== p.uri || p.version !== w.version) return true;
        w.resolve(now);
        return false;
      });
    });
    this.conn.onNotification(LogMessageNotification.type, (p) => {
      if (VERBOSE) process.stderr.write(`server: ${p.message}\n`);
    });
    this.conn.onRequest(() => null);
    this.conn.onNotification(() => undefined);
    this.conn.listen();
    await this.conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    await this.conn.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves with the time the diagnostics of this version arrive. */
  diagnostics(uri: string, version: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no publishDiagnostics for ${uri} version ${version} within ${SERVER_TIMEOUT_MS / 1000} s`)),
        SERVER_TIMEOUT_MS,
      );
      this.waiters.push({ uri, version, resolve: (t) => (clearTimeout(timer), resolve(t)) });
    });
  }

  /** CPU time (user + system) the server has used so far, in ms (10 ms resolution). */
  cpuMs(): number {
    const fields = readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  /** Resident set size now, or (`VmHWM`) the highest it has been. */
  rssMB(field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]) / 1024;
  }

  async stop(): Promise<void> {
    await this.conn.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await this.conn.sendNotification(ExitNotification.type).catch(() => undefined);
    this.conn.dispose();
    await new Promise<void>((r) => (this.proc.exitCode !== null ? r() : this.proc.once('exit', () => r())));
  }
}

/** Offset and position of `needle` (+ `delta` characters) in `text`. */
function where(text: string, needle: string, delta: number): { offset: number; line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`bench: "${needle}" is not in the workload`);
  const offset = i + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { offset, line, character: offset - (before.lastIndexOf('\n') + 1) };
}

interface ServerResult {
  /** Median of the cold opens, with the fastest and the slowest. */
  open: Spread;
  /** Server CPU time (all threads) from didOpen to the diagnostics: the work, apart from how busy the machine is. */
  openCpu: number;
  rowEdit: number;
  /** Server CPU time per keystroke, averaged over the task-row edits: what the machine's load does not inflate. */
  rowEditCpu: number;
  overviewEdit: number;
  completion: number;
  rss: number;
  /** The highest RSS from the server's start to the open's diagnostics (its parse workers included). */
  rssOpenPeak: number;
  /** The highest of the samples taken after each edit's diagnostics and after the completions. */
  rssPeak: number;
  /** Once the server has been quiet for IDLE_MS: what the spec costs while it stays open. */
  rssIdle: number;
}

interface Spread {
  median: number;
  min: number;
  max: number;
}

const spread = (xs: number[]): Spread => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

/** What one cold open took: the first diagnostics' time, the server's CPU for them, its RSS then and at most. */
interface ColdOpen {
  open: number;
  openCpu: number;
  rss: number;
  rssOpenPeak: number;
}

/** A fresh server with the spec opened in it, and what the open took. */
async function openCold(uri: string, text: string): Promise<ColdOpen & { server: Server }> {
  const server = new Server();
  await server.start();
  const cpuAtOpen = server.cpuMs();
  const t0 = performance.now();
  const opened = server.diagnostics(uri, 1);
  await server.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const open = (await opened) - t0;
  return { server, open, openCpu: server.cpuMs() - cpuAtOpen, rss: server.rssMB(), rssOpenPeak: server.rssMB('VmHWM') };
}

async function measureServer(size: string, text: string): Promise<ServerResult> {
  const uri = `file:///bench/workload-${size}.spec.md`;
  const opens: ColdOpen[] = [];
  for (let i = 1; i < OPENS; i++) {
    const cold = await openCold(uri, text);
    await cold.server.stop();
    opens.push(cold);
  }
  // The last open's server is the one typed in.
  const { server, ...last } = await openCold(uri, text);
  opens.push(last);
  let version = 1;
  let rssPeak = last.rss;

  // A task row in the middle of the table (the template's first row), and the Overview paragraph.
  const rowId = size === 'template' ? '| T1 |' : `| T${Math.ceil(Number(size) / 2)} |`;
  const overview = text.indexOf('## Overview');
  const overviewText = text
    .slice(overview)
    .split('\n')
    .find((l, i) => i > 0 && l.trim() && !l.startsWith('#'))!;
  const edit = async (at: { line: number; character: number }): Promise<number[]> => {
    const times: number[] = [];
    for (let k = 0; k < EDITS; k++) {
      version++;
      const insert = k % 2 === 0;
      const range = { start: at, end: insert ? at : { line: at.line, character: at.character + 1 } };
      const done = server.diagnostics(uri, version);
      const start = performance.now();
      await server.conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range, text: insert ? 'x' : '' }],
      });
      times.push((await done) - start);
      rssPeak = Math.max(rssPeak, server.rssMB());
    }
    return times;
  };
  const cpuBefore = server.cpuMs();
  const rowEdit = median(await edit(where(text, rowId, rowId.length + 3)));
  const rowEditCpu = (server.cpuMs() - cpuBefore) / EDITS;
  const overviewEdit = median(await edit(where(text, overviewText, 5)));

  // Completion right after the last dependency in the row's Dependencies cell.
  const row = text.slice(text.indexOf(rowId)).split('\n')[0];
  const cells = row.split('|');
  const depsAt = where(text, rowId, cells.slice(0, 5).join('|').length + 1 + cells[4].trimEnd().length);
  const completionTimes: number[] = [];
  for (let k = 0; k < EDITS; k++) {
    const start = performance.now();
    await server.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: depsAt.line, character: depsAt.character } });
    completionTimes.push(performance.now() - start);
  }
  rssPeak = Math.max(rssPeak, server.rssMB());
  // A pause in typing: the server collects its garbage after 2 s of quiet (server.ts, collectWhenIdle).
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const rssIdle = server.rssMB();
  await server.stop();
  return {
    open: spread(opens.map((o) => o.open)),
    openCpu: median(opens.map((o) => o.openCpu)),
    rowEdit,
    rowEditCpu,
    overviewEdit,
    completion: median(completionTimes),
    rss: median(opens.map((o) => o.rss)),
    rssOpenPeak: median(opens.map((o) => o.rssOpenPeak)),
    rssPeak,
    rssIdle,
  };
}

/** Runs one naive baseline in a child process; undefined if it did not finish within the cap. */
function naive(kind: 'remark' | 'markdownlint', file: string): Promise<number | undefined> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bench/naive.mjs'), kind, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), NAIVE_TIMEOUT_S * 1000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolvePromise(undefined);
      else if (code === 0) resolvePromise(Number(out.trim()));
      else reject(new Error(`bench/naive.mjs ${kind} exited with ${code}`));
    });
  });
}

const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
const capped = (x: number | undefined) => (x === undefined ? `> ${NAIVE_TIMEOUT_S} s (did not finish)` : ms(x));
const ratio = (naiveMs: number | undefined, ours: number) =>
  naiveMs === undefined ? `> ${((NAIVE_TIMEOUT_S * 1000) / ours).toFixed(0)}×` : `${(naiveMs / ours).toFixed(naiveMs / ours >= 10 ? 0 : 1)}×`;

async function main(): Promise<void> {
  const rows: string[] = [];
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  for (const size of SIZES) {
    const text = workload(size);
    const file = join(ROOT, 'bench-results', `workload-${size}.md`);
    writeFileSync(file, text);
    process.stderr.write(`bench: ${size} (${(text.length / 1024).toFixed(0)} KB): server…\n`);
    const s = await measureServer(size, text);
    process.stderr.write(`bench: ${size}: naive remark parse…\n`);
    const remark = await naive('remark', file);
    process.stderr.write(`bench: ${size}: markdownlint…\n`);
    const lint = await naive('markdownlint', file);
    rows.push(
      `| ${size === 'template' ? 'template' : `${size} tasks`} | ${(text.length / 1024).toFixed(0)} KB | ${ms(s.open.median)}${OPENS > 1 ? ` (${ms(s.open.min)}–${ms(s.open.max)})` : ''} | ${ms(s.openCpu)} | ${ms(s.rowEdit)} | ${ms(s.rowEditCpu)} | ${ms(s.overviewEdit)} | ${ms(s.completion)} | ${s.rssOpenPeak.toFixed(0)} MB | ${s.rss.toFixed(0)} MB | ${s.rssPeak.toFixed(0)} MB | ${s.rssIdle.toFixed(0)} MB | ${capped(remark)} | ${capped(lint)} | ${ratio(remark, s.open.median)} | ${ratio(remark, s.rowEdit)} | ${ratio(lint, s.rowEdit)} |`,
    );
  }
  const table = [
    `Benchmark, ${new Date().toISOString()}, ${cpus().length} cores, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(
        ' ',
      )} at the end; medians of ${EDITS} edits and completions, and of ${OPENS} cold open${OPENS > 1 ? 's, each in a fresh server (fastest–slowest in brackets)' : ' in a fresh server'}; RSS while typing and idle: the last open's server.`,
    '',
    `| document | size | open → diagnostics | server CPU for the open | keystroke in a task row → diagnostics | server CPU per task-row keystroke | keystroke in Overview → diagnostics | completion in Dependencies | server RSS, highest during the open | server RSS after open | server RSS, highest while typing | server RSS ${IDLE_MS / 1000} s after them | naive: full remark parse | naive: markdownlint | remark parse ÷ open | remark parse ÷ row keystroke | markdownlint ÷ row keystroke |`,
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  console.log(table);
  writeFileSync(join(ROOT, 'bench-results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.md`), table + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
