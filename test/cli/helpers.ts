// Runs the built `techspec` command (cli/out/techspec.js, from `npm run build`) in throwaway projects.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after } from 'node:test';
import { rules } from '../../engine';

export const ROOT = resolve(__dirname, '../..');
export const TECHSPEC = join(ROOT, 'cli/out/techspec.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function techspec(args: string[], cwd: string, options: SpawnSyncOptions = {}): Run {
  const r = spawnSync(process.execPath, [TECHSPEC, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...options });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

export function fixture(name: string): string {
  return readFileSync(join(ROOT, name), 'utf8');
}

/** A temporary folder with these files (path → text), removed after the test file's tests. */
export function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'techspec-cli-'));
  // Readable by other users: one test runs the command as `nobody`.
  chmodSync(dir, 0o755);
  after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A config turning every rule off but these, so reports stay small enough to write out whole. */
export function onlyRules(...codes: string[]): string {
  const settings = Object.fromEntries(rules.map((r) => [r.code, codes.includes(r.code) ? 'error' : 'off']));
  return `// test config\n${JSON.stringify({ rules: settings }, null, 2)}\n`;
}

/** A small spec: T2 needs T9 (no such task, TS406) and T3 needs itself (TS407). */
export const SMALL_SPEC = [
  '# Technical Spec: Small',
  '',
  '## Task Breakdown',
  '',
  '| ID | Task | Est. Lines | Dependencies | Jira |',
  '|----|------|------------|--------------|------|',
  '| T1 | First | ~50 | None | |',
  '| T2 | Second | ~60 | T1, T9 | |',
  '| T3 | Third | ~70 | T3 | |',
  '',
].join('\n');
