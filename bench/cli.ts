// Benchmark of the `techspec lint` command against markdownlint-cli2 on the same 1,000 specs in the
// same run: gen-spec.mjs writes one spec per size from 10 to 80 tasks, copied to 1,000 files.
//
//   npm run bench:cli                     1,000 files, median of 3 runs each
//   npm run bench:cli -- --files 300 --runs 5
//
// Prints a markdown table to stdout and writes it to bench-results/cli.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const TECHSPEC = join(ROOT, 'cli/out/techspec.js');
const MARKDOWNLINT = join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return Number(i >= 0 ? args[i + 1] : dflt);
};
const fileCount = opt('--files', '1000');
const runs = opt('--runs', '3');

/** Writes the specs; returns their folder. Sizes cycle through 10..80 tasks. */
function writeSpecs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'techspec-bench-cli-'));
  mkdirSync(join(dir, 'specs'));
  const bySize = new Map<number, string>();
  for (let i = 0; i < fileCount; i++) {
    const tasks = 10 + ((i * 37) % 71);
    let text = bySize.get(tasks);
    if (text === undefined) {
      text = execFileSync(process.execPath, [join(ROOT, 'bench/gen-spec.mjs'), '--tasks', String(tasks)], { encoding: 'utf8' });
      bySize.set(tasks, text);
    }
    writeFileSync(join(dir, 'specs', `feature-${String(i).padStart(4, '0')}.spec.md`), text);
  }
  return dir;
}

/** Wall time of one run of the command, in ms; its output is discarded, its exit code is no failure. */
function time(command: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, command, { cwd, stdio: 'ignore' });
  if (result.error) throw result.error;
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main(): void {
  const dir = writeSpecs();
  try {
    const techspec: number[] = [];
    const markdownlint: number[] = [];
    // Alternating runs, so drift in the machine's load hits both alike.
    for (let r = 0; r < runs; r++) {
      techspec.push(time([TECHSPEC, 'lint', 'specs/**/*.md'], dir));
      markdownlint.push(time([MARKDOWNLINT, 'specs/**/*.md'], dir));
    }
    const t = median(techspec);
    const m = median(markdownlint);
    const table = [
      `${fileCount} specs of 10–80 tasks, ${availableParallelism()} cores, median of ${runs} runs`,
      '',
      '| command | median (ms) | runs (ms) |',
      '|---|---:|---|',
      `| techspec lint | ${t.toFixed(0)} | ${techspec.map((x) => x.toFixed(0)).join(', ')} |`,
      `| markdownlint-cli2 | ${m.toFixed(0)} | ${markdownlint.map((x) => x.toFixed(0)).join(', ')} |`,
      '',
      `techspec / markdownlint-cli2 = ${(t / m).toFixed(2)}`,
      '',
    ].join('\n');
    process.stdout.write(table);
    mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench-results/cli.md'), table);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
