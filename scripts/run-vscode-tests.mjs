#!/usr/bin/env node
// Runs the VS Code suite (out/test/vscode/index.js) inside a real VS Code, offline: the VS Code
// 1.100.3 server from code-server, opened in Debian's Chromium via playwright-core. The page URL
// carries extensionDevelopmentPath and extensionTestsPath; the workbench reports the extension
// host's output through window.codeAutomationLog and the result through window.codeAutomationExit.
//
// Screenshots: the suite logs a line `techspec-screenshot {"name":…,"waitFor":[…]}`; this runner
// waits until the page shows what `waitFor` names, saves test-results/<name>.png (written under
// a temporary name, then renamed) with test-results/<name>.json, the text of every element each
// `waitFor` selector matched; the suite, which waits for the png, reads the texts and goes on.
//
// Usage: node scripts/run-vscode-tests.mjs [--workspace DIR] [--grep PATTERN] [--extension-dir DIR | --installed-vsix FILE]
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, parseArgs } from 'node:util';
import { launchChromium, makeProfile, root, runServerCli, startServer, withTimeout, workbenchUrl } from './lib/vscode-host.mjs';
import { exitUnlessPrerequisites } from './prerequisites.mjs';

const { values: opts } = parseArgs({
  options: {
    workspace: { type: 'string', default: join(root, 'test/fixtures') },
    grep: { type: 'string' },
    'installed-vsix': { type: 'string' },
    tests: { type: 'string', default: join(root, 'out/test/vscode/index.js') },
    timeout: { type: 'string', default: '240' },
    verbose: { type: 'boolean', default: false },
  },
});

const SCREENSHOT_MARKER = 'techspec-screenshot ';
/** Lines of the suite (test/vscode/helpers.ts log()); the rest of the workbench's log goes to the log file. */
const TEST_MARKER = 'techspec-test| ';
const resultsDir = join(root, 'test-results');
const totalTimeoutMs = Number(opts.timeout) * 1000;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

// `npm run test:vscode` has installed what was missing; run alone, this only checks.
exitUnlessPrerequisites({ install: false });
if (!existsSync(opts.tests)) throw new Error(`No built suite at ${opts.tests}. Run: npm run build`);
mkdirSync(resultsDir, { recursive: true });
/** Everything the workbench and the extension host logged, for when something goes wrong. */
const hostLogPath = join(resultsDir, 'vscode-host.log');
const hostLog = createWriteStream(hostLogPath);

const profile = makeProfile();
let server;
let browser;
let exitCode = 1;
try {
  let extensionDevelopmentPath = root;
  if (opts['installed-vsix']) {
    // The extension as users install it: into the fresh profile, with no development path.
    const vsix = resolve(opts['installed-vsix']);
    const out = await runServerCli([
      '--install-extension',
      vsix,
      '--extensions-dir',
      profile.extensionsDir,
      '--user-data-dir',
      profile.userDataDir,
      '--accept-server-license-terms',
    ]);
    console.log(out.trim());
    // The workbench runs extensionTestsPath only alongside a development path: an empty folder
    // holds no extension, so the one that runs is the installed VSIX.
    extensionDevelopmentPath = join(profile.dir, 'no-development-extension');
    mkdirSync(extensionDevelopmentPath);
  }

  const hostGone = deferred();
  server = await startServer({
    userDataDir: profile.userDataDir,
    extensionsDir: profile.extensionsDir,
    env: {
      TECHSPEC_TEST_RESULTS: resultsDir,
      ...(opts.grep ? { TECHSPEC_TEST_GREP: opts.grep } : {}),
      ...(opts['installed-vsix'] ? { TECHSPEC_INSTALLED: '1' } : {}),
    },
    log: (line) => {
      hostLog.write(`[server] ${line}\n`);
      const gone = /Extension Host Process exited with code: (\S+), signal: (\S+)\./.exec(line);
      // The workbench reports the result just before the extension host ends; if it has not
      // within 15 s, the extension host died under the suite.
      if (gone)
        setTimeout(
          () => hostGone.reject(new Error(`The extension host exited (code ${gone[1]}, signal ${gone[2]}) and the suite reported no result.`)),
          15_000,
        ).unref();
      if (opts.verbose) console.log(`[server] ${line}`);
    },
  });
  console.log(`vscode host: server on 127.0.0.1:${server.port} (${elapsed()})`);

  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });

  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  let screenshots = Promise.resolve();
  /** The suite's closing line (test/vscode/index.ts). */
  let summary;
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = Array.isArray(args) ? format(...args) : String(args);
    hostLog.write(`[${type}] ${text}\n`);
    for (const line of text.split('\n')) {
      const at = line.indexOf(SCREENSHOT_MARKER);
      if (at >= 0) {
        const request = JSON.parse(line.slice(at + SCREENSHOT_MARKER.length));
        screenshots = screenshots
          .then(() => takeScreenshot(page, request))
          .catch((e) => {
            console.error(`vscode host: screenshot ${request.name} failed: ${e.message}`);
            writeFileSync(join(resultsDir, `${request.name}.failed.txt`), e.message);
          });
      } else if (line.startsWith(TEST_MARKER)) {
        const out = line.slice(TEST_MARKER.length);
        const m = /^vscode: (\d+) passed, (\d+) failed/.exec(out);
        if (m) summary = { passed: Number(m[1]), failed: Number(m[2]) };
        console.log(out);
      } else if (opts.verbose) {
        console.log(`[${type}] ${line}`);
      }
    }
  });
  page.on('pageerror', (e) => hostLog.write(`[page error] ${e.message}\n`));

  const url = workbenchUrl(server.port, {
    folder: resolve(opts.workspace),
    extensionDevelopmentPath,
    extensionTestsPath: resolve(opts.tests),
  });
  if (opts.verbose) console.log(`vscode host: opening ${url}`);
  await page.goto(url);
  exitCode = await withTimeout(
    Promise.race([exited, hostGone.promise]),
    totalTimeoutMs,
    `The suite did not finish within ${opts.timeout} s (no codeAutomationExit from the workbench).`,
  );
  await screenshots;
  // The workbench also reports 0 when the extension host died: success needs the suite's own line.
  if (exitCode === 0 && !(summary && summary.passed > 0 && summary.failed === 0)) {
    console.error(
      `vscode host: the workbench reported success, but the suite printed ${summary ? `${summary.passed} passed, ${summary.failed} failed` : 'no result line'}.`,
    );
    exitCode = 1;
  }
  console.log(`vscode host: suite exited with ${exitCode} after ${elapsed()}`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  console.error(`vscode host: the full log is in ${hostLogPath}`);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
  profile.cleanup();
  hostLog.end();
}
process.exit(exitCode);

function deferred() {
  let reject;
  const promise = new Promise((_, r) => (reject = r));
  promise.catch(() => {});
  return { promise, reject };
}

/** Waits until the page shows each `waitFor` item, then saves test-results/<name>.json (their texts) and <name>.png. */
async function takeScreenshot(page, { name, waitFor = [] }) {
  const texts = {};
  const timeout = 20_000;
  for (const item of waitFor) {
    // "webview:SELECTOR" looks inside the first webview: its content is two iframes deep.
    const inWebview = item.startsWith('webview:');
    const matches = inWebview
      ? page.locator('iframe.webview.ready').first().contentFrame().locator('iframe#active-frame').contentFrame().locator(item.slice('webview:'.length))
      : page.locator(item);
    await matches
      .first()
      .waitFor({ state: 'visible', timeout })
      .catch(() => {
        throw new Error(`"${item}" did not become visible within ${timeout / 1000} s`);
      });
    // textContent: SVG elements have no innerText.
    texts[item] = await matches.allTextContents();
  }
  const file = join(resultsDir, `${name}.png`);
  rmSync(join(resultsDir, `${name}.failed.txt`), { force: true });
  writeFileSync(join(resultsDir, `${name}.json`), JSON.stringify({ texts }, null, 2));
  await page.screenshot({ path: `${file}.tmp.png` });
  renameSync(`${file}.tmp.png`, file);
  console.log(`vscode host: saved ${file}`);
}
