// The offline VS Code host: the VS Code 1.100.3 server from code-server 4.100.3 (installed by
// scripts/install-vscode-host.sh into .vscode-test/host/), opened in Debian's Chromium through
// playwright-core. Shared by the test runner, the VSIX check and the demo.
// See shared/recipes/real-vscode-offline.md.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const serverMain = join(root, '.vscode-test/host/node_modules/code-server/lib/vscode/out/server-main.js');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Settings that keep a throw-away profile quiet: no update checks, no welcome page, no tips. */
const QUIET_SETTINGS = {
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'editor.stickyScroll.enabled': false,
};

/** Fresh profile folders (user data with quiet settings and `settings`, extensions), removed by cleanup(). */
export function makeProfile(prefix = 'techspec-vscode-', settings = {}) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const userDataDir = join(dir, 'user-data');
  const extensionsDir = join(dir, 'extensions');
  for (const scope of ['User', 'Machine']) {
    mkdirSync(join(userDataDir, scope), { recursive: true });
    writeFileSync(join(userDataDir, scope, 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  }
  mkdirSync(extensionsDir, { recursive: true });
  return { dir, userDataDir, extensionsDir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs server-main.js with the given arguments to completion (for --install-extension and the like). */
export function runServerCli(args, { timeoutMs = 120_000 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, [serverMain, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    proc.stdout.on('data', (d) => (output += d));
    proc.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`server-main.js ${args.join(' ')} did not finish within ${timeoutMs / 1000} s. Output:\n${output}`));
    }, timeoutMs);
    proc.on('error', reject);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(output);
      else reject(new Error(`server-main.js ${args.join(' ')} exited with ${code}. Output:\n${output}`));
    });
  });
}

/**
 * Starts the VS Code server on a free loopback port and resolves once it listens.
 * `log` receives the server's output lines.
 */
export function startServer({ userDataDir, extensionsDir, env = {}, port = 0, log = () => {}, timeoutMs = 60_000 }) {
  const args = [
    serverMain,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, detached: true });
  let output = '';
  let exited = false;
  const stop = () => {
    if (exited) return Promise.resolve();
    const done = new Promise((r) => proc.once('exit', r));
    try {
      process.kill(-proc.pid, 'SIGTERM'); // the server and its extension hosts
    } catch {
      /* already gone */
    }
    const kill = setTimeout(() => {
      try {
        process.kill(-proc.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5_000);
    return done.then(() => clearTimeout(kill));
  };
  const ready = new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The VS Code server did not say "Extension host agent listening on <port>" within ${timeoutMs / 1000} s. Output:\n${output}`));
    }, timeoutMs);
    const onData = (d) => {
      const text = d.toString();
      output += text;
      for (const line of text.split('\n')) if (line.trim()) log(line);
      const m = /Extension host agent listening on (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolvePromise(Number(m[1]));
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    proc.on('exit', (code, signal) => {
      exited = true;
      clearTimeout(timer);
      reject(new Error(`The VS Code server exited (${code ?? signal}) before it listened. Output:\n${output}`));
    });
  });
  return ready.then((actualPort) => ({ port: actualPort, proc, stop }));
}

/**
 * The workbench URL. The server ignores --extensionDevelopmentPath, so the development and test
 * paths travel in the `payload` query parameter, as URIs of the server's own authority.
 */
export function workbenchUrl(port, { folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const authority = `127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (payload.length) params.set('payload', JSON.stringify(payload));
  return `http://${authority}/?${params}`;
}

/** Debian's Chromium, headless, with nothing that reaches outside the machine. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Rejects with `message` unless `promise` settles within `ms`. */
export function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
