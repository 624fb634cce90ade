// Benchmark of the workspace index behind the "Tech Specs" view and workspace symbols: a workspace
// of generated specs (gen-spec.mjs, 10-80 tasks each), served by the built language server over
// JSON-RPC, as VS Code drives it.
//
//   npm run bench:workspace                          500 specs, 3 cold listings, 7 refreshes
//   npm run bench:workspace -- --specs 200 --runs 5 --refreshes 9
//
// Measures: the first full listing (techspec/specs right after initialize, in a fresh server), a
// refresh after one file changed (didChangeWatchedFiles → didChangeSpecs → techspec/specs), the
// Refresh button after one file changed (techspec/specs with rescan), and a workspace/symbol query. Prints medians with the fastest and slowest run.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  DidChangeWatchedFilesNotification,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkspaceSymbolRequest,
  type MessageConnection,
} from 'vscode-languageserver-protocol/node';
import { DidChangeSpecsNotification, SpecsRequest } from '../protocol';
import { SERVER_EXEC_ARGV } from '../server/src/launch';

const ROOT = resolve(__dirname, '..');
const SERVER = join(ROOT, 'server/out/server.js');
const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : dflt;
};
const SPECS = opt('--specs', 500);
const RUNS = opt('--runs', 3);
const REFRESHES = opt('--refreshes', 7);
const TIMEOUT_MS = 600_000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs: number[]) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

/** Writes the workspace: spec i has 10 + (i * 37 mod 71) tasks, its own title; a README that is no spec beside them. */
function writeWorkspace(dir: string): { files: string[]; tasks: number } {
  const bySize = new Map<number, string>();
  const files: string[] = [];
  let tasks = 0;
  for (let i = 0; i < SPECS; i++) {
    const size = 10 + ((i * 37) % 71);
    let text = bySize.get(size);
    if (!text) {
      text = execFileSync(process.execPath, [join(ROOT, 'bench/gen-spec.mjs'), '--tasks', String(size)], { encoding: 'utf8' });
      bySize.set(size, text);
    }
    const folder = join(dir, `team-${i % 10}`, 'specs');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `feature-${i}.spec.md`);
    writeFileSync(file, text.replace(/^# Technical Spec: .*$/m, `# Technical Spec: Feature ${i}`));
    files.push(file);
    tasks += size;
  }
  writeFileSync(join(dir, 'README.md'), '# Workspace\n\nNot a spec.\n');
  return { files, tasks };
}

class Server {
  readonly proc = spawn(process.execPath, [...SERVER_EXEC_ARGV, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  readonly conn: MessageConnection = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
  private changeWaiters: ((uris: string[]) => void)[] = [];

  async start(folder: string): Promise<void> {
    this.conn.onNotification(DidChangeSpecsNotification, (p) => this.changeWaiters.splice(0).forEach((w) => w(p.changed)));
    this.conn.onRequest(() => null);
    this.conn.onNotification(() => undefined);
    this.conn.listen();
    const uri = pathToFileURL(folder).href;
    await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'bench' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
  }

  /** CPU time (user + system, all threads) the server has used so far, in ms (10 ms resolution). */
  cpuMs(): number {
    const fields = readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  nextChange(): Promise<string[]> {
    return new Promise((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`no techspec/didChangeSpecs within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
      this.changeWaiters.push((uris) => (clearTimeout(timer), res(uris)));
    });
  }

  async stop(): Promise<void> {
    await this.conn.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await this.conn.sendNotification(ExitNotification.type).catch(() => undefined);
    this.conn.dispose();
    await new Promise<void>((r) => (this.proc.exitCode !== null ? r() : this.proc.once('exit', () => r())));
  }
}

async function main(): Promise<void> {
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'techspec-bench-ws-'));
  try {
    const { files, tasks } = writeWorkspace(dir);
    const firsts: number[] = [];
    const firstCpu: number[] = [];
    const refreshes: number[] = [];
    const rescans: number[] = [];
    const symbols: number[] = [];
    let listed = 0;
    let found = 0;
    for (let run = 0; run < RUNS; run++) {
      const server = new Server();
      await server.start(dir);
      const cpu0 = server.cpuMs();
      const t0 = performance.now();
      const list = await server.conn.sendRequest(SpecsRequest, {});
      firsts.push(performance.now() - t0);
      firstCpu.push(server.cpuMs() - cpu0);
      listed = list.length;
      if (run === RUNS - 1) {
        for (let r = 0; r < REFRESHES; r++) {
          // One file changes on disk: a task title edited, the file saved.
          const file = files[(r * 131) % files.length];
          const text = readFileSync(file, 'utf8');
          writeFileSync(file, text.replace(/^(\| T1 \| )/m, `$1Edit ${r} `));
          const t1 = performance.now();
          const changed = server.nextChange();
          await server.conn.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [{ uri: pathToFileURL(file).href, type: FileChangeType.Changed }],
          });
          await changed;
          await server.conn.sendRequest(SpecsRequest, {});
          refreshes.push(performance.now() - t1);
        }
        for (let r = 0; r < REFRESHES; r++) {
          // The view's Refresh button: every file looked at again, the one that changed read.
          const file = files[(r * 173 + 61) % files.length];
          writeFileSync(file, readFileSync(file, 'utf8').replace(/^(\| T2 \| )/m, `$1Rescan ${r} `));
          const t3 = performance.now();
          const changed = server.nextChange();
          await server.conn.sendRequest(SpecsRequest, { rescan: true });
          rescans.push(performance.now() - t3);
          await changed;
        }
        for (let r = 0; r < REFRESHES; r++) {
          const t2 = performance.now();
          const result = await server.conn.sendRequest(WorkspaceSymbolRequest.type, { query: `component ${r + 7}` });
          symbols.push(performance.now() - t2);
          found = result?.length ?? 0;
        }
      }
      await server.stop();
    }
    console.log(
      `Workspace index, ${listed} specs listed of ${SPECS} written (${tasks.toLocaleString('en-US')} tasks), ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}:`,
    );
    console.log(`| measure | median (min–max) | runs |`);
    console.log(`|---|---|---|`);
    console.log(`| first full listing (cold server) | ${spread(firsts)} | ${RUNS} |`);
    console.log(`| server CPU time for it (all threads) | ${spread(firstCpu)} | ${RUNS} |`);
    console.log(`| refresh after one file changed | ${spread(refreshes)} | ${REFRESHES} |`);
    console.log(`| Refresh button (every file looked at, one changed) | ${spread(rescans)} | ${REFRESHES} |`);
    console.log(`| workspace/symbol query (${found} tasks found) | ${spread(symbols)} | ${REFRESHES} |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
