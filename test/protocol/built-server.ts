// Where the built language server is, and a build when the bundle is older than its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const SERVER = join(ROOT, 'server/out/server.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** `npm test` builds first; a protocol test run alone builds when server/out is missing or stale. */
export function ensureServerBuilt(): void {
  if (existsSync(SERVER) && statSync(SERVER).mtimeMs >= newestSource(join(ROOT, 'server/src'))) return;
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
}
