#!/usr/bin/env node
// The extension as users get it: packages techspec.vsix (`npm run package`), installs it into a
// fresh profile of the offline VS Code server, and runs the whole suite with no development copy
// of the extension: what ships must activate, report diagnostics, fix, complete, expand its
// snippets and draw the preview, and carry its bundles, snippets and grammars but no sources or tests.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib/vscode-host.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

// The suite bundle (out/test/vscode) comes from the development build; the VSIX from --production.
run(process.execPath, ['esbuild.mjs']);
run(npm, ['run', 'package']);
const vsix = join(root, 'techspec.vsix');
console.log(`check-vsix: ${vsix} is ${(statSync(vsix).size / 1024).toFixed(0)} KB`);
// The bundles started at run time (the suite opens no spec big enough to start the workers) and the
// JSON Schema of .techspec.jsonc that package.json contributes.
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const packaged = execFileSync(npx, ['vsce', 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split(/\r?\n/);
for (const bundle of [
  'client/out/extension.js',
  'server/out/server.js',
  'server/out/parseWorker.js',
  'server/out/analysisWorker.js',
  'server/out/summaryWorker.js',
  'schemas/techspec.schema.json',
]) {
  if (!packaged.includes(bundle)) {
    console.error(`check-vsix: ${bundle} is not in the package`);
    process.exit(1);
  }
}
try {
  run(process.execPath, ['scripts/run-vscode-tests.mjs', '--installed-vsix', vsix]);
} catch (e) {
  process.exit(typeof e.status === 'number' ? e.status : 1);
}
