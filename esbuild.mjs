// One build for every bundle: the extension client (Node, cjs), the language server and its parse
// and analysis workers (Node, cjs), the command line (Node, cjs), the preview webview (browser, iife) and the VS Code test suite (Node, cjs).
// --production minifies and drops sourcemaps; --watch rebuilds on change.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
};
// mainFields: ESM entry first; jsonc-parser's UMD build hides its requires from the bundler.
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], mainFields: ['module', 'main'] };

const builds = [
  { ...node, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js' },
  { ...node, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  // The server's parse worker: server.js starts it from the file next to it.
  { ...node, entryPoints: ['server/src/parseWorker.ts'], outfile: 'server/out/parseWorker.js' },
  // A heavy document's analysis worker (server/src/heavyDocuments.ts), started from the file next to server.js.
  { ...node, entryPoints: ['server/src/analysisWorker.ts'], outfile: 'server/out/analysisWorker.js' },
  // The workspace index's worker: server.js starts it from the file next to it.
  { ...node, entryPoints: ['server/src/summaryWorker.ts'], outfile: 'server/out/summaryWorker.js' },
  // The `techspec` command (its own npm package in cli/): the engine and its dependencies bundled in, no VS Code.
  { ...node, entryPoints: ['cli/src/main.ts'], outfile: 'cli/out/techspec.js', external: [], sourcemap: false, banner: { js: '#!/usr/bin/env node' } },
];
if (existsSync('client/src/webview/main.ts')) {
  builds.push({
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    entryPoints: ['client/src/webview/main.ts'],
    outfile: 'client/out/webview/main.js',
  });
}
if (!production && existsSync('test/vscode')) {
  const suites = readdirSync('test/vscode')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `test/vscode/${f}`);
  builds.push({ ...node, entryPoints: suites, outdir: 'out/test/vscode', external: ['vscode', 'mocha'] });
}

// The JSON Schema of .techspec.jsonc (contributed by package.json), made from the engine's rule list.
const schemaModule = resolve('out/scripts/configSchema.cjs');
await esbuild.build({ ...node, entryPoints: ['scripts/configSchema.ts'], outfile: schemaModule, sourcemap: false, minify: false });
mkdirSync('schemas', { recursive: true });
writeFileSync('schemas/techspec.schema.json', JSON.stringify(createRequire(import.meta.url)(schemaModule).configSchema(), null, 2) + '\n');

const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
