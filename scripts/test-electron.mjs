#!/usr/bin/env node
// The same suite through @vscode/test-electron: downloads VS Code stable (needs the internet) and
// runs out/test/vscode/index.js in its extension host with test/fixtures as the workspace.
// On Linux without a display, run it under xvfb-run. Offline machines use `npm run test:vscode`.
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { root } from './lib/vscode-host.mjs';

try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out/test/vscode/index.js'),
    launchArgs: [join(root, 'test/fixtures'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (e) {
  console.error(`test-electron: ${e instanceof Error ? e.message : e}`);
  console.error('test-electron: without internet access use `npm run test:vscode` (the offline VS Code server).');
  process.exit(1);
}
