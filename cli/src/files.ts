// Which files a run lints: globs as markdownlint-cli2 reads them, with globby (maintained, honours
// .gitignore files at every level, expands a folder to its markdown files).
import { globby } from 'globby';

/** `#glob` negates like `!glob` (a `!` is awkward in shells); node_modules is never searched. */
export async function findFiles(globs: readonly string[], cwd: string): Promise<string[]> {
  const patterns = globs.map((g) => (g.startsWith('#') ? `!${g.slice(1)}` : g));
  const files = await globby(patterns, {
    cwd,
    gitignore: true,
    ignore: ['**/node_modules/**'],
    expandDirectories: { extensions: ['md', 'markdown'] },
    dot: false,
    followSymbolicLinks: true,
  });
  return files.sort();
}
