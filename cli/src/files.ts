// Which files a run lints: globs as markdownlint-cli2 reads them, with globby (maintained, honours
// .gitignore files at every level, expands a folder to its markdown files).
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { globby, isDynamicPattern } from 'globby';
import { CliError } from './errors';

/**
 * The files the globs name, sorted, relative to `cwd` when inside it. `#glob` negates like `!glob`
 * (a `!` is awkward in shells); node_modules is never searched. A path naming a file is taken as it
 * is, like markdownlint-cli2 does, even outside `cwd`.
 */
export async function findFiles(globs: readonly string[], cwd: string): Promise<string[]> {
  const patterns = globs.map((g) => (g.startsWith('#') ? `!${g.slice(1)}` : g));
  const named = patterns.filter((p) => !p.startsWith('!') && !isDynamicPattern(p) && isFile(resolve(cwd, p)));
  const searched = patterns.filter((p) => !named.includes(p));
  const found = searched.some((p) => !p.startsWith('!')) ? await search(searched, cwd) : [];
  const inside = (p: string) => {
    const r = relative(cwd, resolve(cwd, p));
    return r.startsWith('..') || isAbsolute(r) ? resolve(cwd, p) : r;
  };
  return [...new Set([...named.map(inside), ...found])].sort();
}

async function search(patterns: string[], cwd: string): Promise<string[]> {
  try {
    return await globby(patterns, {
      cwd,
      gitignore: true,
      ignore: ['**/node_modules/**'],
      expandDirectories: { extensions: ['md', 'markdown'] },
      dot: false,
      followSymbolicLinks: true,
    });
  } catch (error) {
    throw new CliError(`cannot search ${patterns.join(' ')}: ${(error as Error).message}`);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
