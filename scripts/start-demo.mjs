#!/usr/bin/env node
// `npm start`: sets up its prerequisites (scripts/prerequisites.mjs), builds the extension and
// opens it in the offline VS Code (the VS Code 1.100.3 server from code-server) with the samples/
// workspace, on loopback only. Prints the URL for a browser and keeps running until Ctrl-C.
//
// Options: --port N (default 0: a free port), --workspace DIR (default samples/),
// --check (load the page once in Chromium, save test-results/demo.png, and stop).
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, makeProfile, root, startServer, workbenchUrl } from './lib/vscode-host.mjs';
import { exitUnlessPrerequisites } from './prerequisites.mjs';

const { values: opts } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '0' },
    workspace: { type: 'string', default: join(root, 'samples') },
    check: { type: 'boolean', default: false },
  },
});

// Installs what is missing (Debian packages as root, the VS Code host), or stops with the command to run.
exitUnlessPrerequisites();
execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });

// The workbench opens samples/README.md, which says what to try.
const profile = makeProfile('techspec-demo-', { 'workbench.startupEditor': 'readme' });
const server = await startServer({ userDataDir: profile.userDataDir, extensionsDir: profile.extensionsDir, port: Number(opts.port) });
const url = workbenchUrl(server.port, { folder: resolve(opts.workspace), extensionDevelopmentPath: root });

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await server.stop();
  profile.cleanup();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
server.proc.on('exit', (code) => {
  if (!stopping) {
    console.error(`demo: the VS Code server exited (${code}).`);
    void stop(1);
  }
});

if (opts.check) {
  const browser = await launchChromium();
  let code = 0;
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(url);
    // The explorer lists the samples once the workbench and the remote workspace are up.
    await page.waitForSelector('.explorer-folders-view .monaco-list-row[aria-label*="spec.md"]', { timeout: 60_000 }).catch(() => {
      throw new Error('the workbench did not list the sample specs in the explorer within 60 s');
    });
    // The README opens in the markdown preview, a webview two iframes deep.
    const readme = page.locator('iframe.webview.ready').first().contentFrame().locator('iframe#active-frame').contentFrame().locator('h1');
    await readme.waitFor({ state: 'visible', timeout: 30_000 }).catch(() => {
      throw new Error('the workbench did not show the samples README within 30 s');
    });
    mkdirSync(join(root, 'test-results'), { recursive: true });
    const file = join(root, 'test-results/demo.png');
    await page.screenshot({ path: `${file}.tmp.png` });
    renameSync(`${file}.tmp.png`, file);
    console.log(`demo: the workbench came up; saved ${file}`);
  } catch (e) {
    console.error(`demo: ${e instanceof Error ? e.message : e}`);
    code = 1;
  } finally {
    await browser.close();
  }
  await stop(code);
} else {
  console.log(`
Tech Spec demo: VS Code 1.100.3 (offline server) with the extension from ${root}
and the workspace ${resolve(opts.workspace)}.

Open in a browser on this machine:

  ${url}

(loopback only; press Ctrl-C to stop)
`);
}
