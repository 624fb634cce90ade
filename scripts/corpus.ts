// Measures the engine against a corpus of realistic specs (test/corpus/): every `*.spec.md` (or
// markdown with `techspec: true` front matter) has a sidecar `NAME.expected.json` that lists what a
// careful human reviewer would flag. Reports precision (TP / reported) and recall (TP / expected)
// per spec and overall, with the false positives and the misses.
//
//   npm run corpus                    table for humans; exit 1 below 95% precision or recall
//   npm run corpus -- --json          the same as JSON
//   npm run corpus -- --min-precision 0.9 --min-recall 0.8   other thresholds (0 to only measure)
//
// Links to repository files are checked against this folder on disk, as the CLI and the server do.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { resolve, join, basename, dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lint } from '../engine/index.ts';

/** One finding a reviewer expects: a rule code (TSnnn, or NEW-* for no rule yet), a 1-based line, and why. */
export interface Expected {
  code: string;
  line: number;
  why: string;
}

/** One diagnostic the engine reported, reduced to what scoring needs (line 1-based). */
export interface Reported {
  code: string;
  line: number;
  message: string;
  severity: number;
}

export interface SpecScore {
  file: string;
  reported: number;
  expected: number;
  truePositives: number;
  precision: number;
  recall: number;
  falsePositives: Reported[];
  misses: Expected[];
}

export interface CorpusScore {
  today: string;
  specs: SpecScore[];
  overall: Omit<SpecScore, 'file' | 'falsePositives' | 'misses'>;
}

export const CORPUS_DIR = resolve(import.meta.dirname, '../test/corpus');
export const TODAY = '2026-12-01';
/** How far a reported line may be from the expected one. 0: exact. */
export const LINE_TOLERANCE = 0;
/** The precision and recall below which `npm run corpus` fails. */
export const MIN_SCORE = 0.95;

/** LSP severities counted: Error (1) and Warning (2). Information and Hint are advice, not findings. */
const COUNTED = new Set([1, 2]);

/** The corpus specs: `*.spec.md`, or any other `.md` whose front matter says `techspec: true`. */
export function corpusFiles(dir: string = CORPUS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .filter((f) => f.endsWith('.spec.md') || /^---\r?\n[\s\S]*?^techspec:\s*true\s*$/m.test(readFileSync(join(dir, f), 'utf8')))
    .sort()
    .map((f) => join(dir, f));
}

/** The sidecar of a spec: `x.spec.md` → `x.expected.json`, `x.md` → `x.expected.json`. */
export function sidecarOf(specPath: string): string {
  return specPath.replace(/(\.spec)?\.md$/, '.expected.json');
}

export function readExpected(specPath: string): Expected[] {
  return JSON.parse(readFileSync(sidecarOf(specPath), 'utf8')) as Expected[];
}

/** Diagnostics the engine reports for a spec, errors and warnings only, lines 1-based. */
export function reportedFor(text: string, uri: string, today: string = TODAY): Reported[] {
  return lint(text, { uri, today, force: true, fileExists: (path, doc) => existsSync(resolve(dirname(fileURLToPath(doc)), path)) })
    .filter((d) => COUNTED.has(d.severity ?? 1))
    .map((d) => ({
      code: String(d.code),
      line: d.range.start.line + 1,
      message: typeof d.message === 'string' ? d.message : d.message.value,
      severity: d.severity ?? 1,
    }));
}

const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den);

/**
 * Pairs reported diagnostics with expected findings, one to one: same code, line within
 * `tolerance`. Each expected finding is matched at most once, each report at most once; nearest
 * line first so that two findings of one code on neighbouring lines pair up right.
 */
export function match(reported: readonly Reported[], expected: readonly Expected[], tolerance: number = LINE_TOLERANCE): Omit<SpecScore, 'file'> {
  const usedR = new Set<number>();
  const usedE = new Set<number>();
  const pairs: [number, number, number][] = [];
  reported.forEach((r, i) =>
    expected.forEach((e, j) => {
      const dist = Math.abs(r.line - e.line);
      if (r.code === e.code && dist <= tolerance) pairs.push([dist, i, j]);
    }),
  );
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  for (const [, i, j] of pairs) {
    if (usedR.has(i) || usedE.has(j)) continue;
    usedR.add(i);
    usedE.add(j);
  }
  const tp = usedR.size;
  return {
    reported: reported.length,
    expected: expected.length,
    truePositives: tp,
    precision: ratio(tp, reported.length),
    recall: ratio(tp, expected.length),
    falsePositives: reported.filter((_, i) => !usedR.has(i)),
    misses: expected.filter((_, j) => !usedE.has(j)),
  };
}

export function scoreCorpus(dir: string = CORPUS_DIR, today: string = TODAY): CorpusScore {
  const specs: SpecScore[] = corpusFiles(dir).map((path) => {
    const text = readFileSync(path, 'utf8');
    const uri = pathToFileURL(path).href;
    return { file: relative(dir, path), ...match(reportedFor(text, uri, today), readExpected(path)) };
  });
  const sum = (k: 'reported' | 'expected' | 'truePositives') => specs.reduce((n, s) => n + s[k], 0);
  const reported = sum('reported');
  const expected = sum('expected');
  const truePositives = sum('truePositives');
  return {
    today,
    specs,
    overall: { reported, expected, truePositives, precision: ratio(truePositives, reported), recall: ratio(truePositives, expected) },
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatScore(score: CorpusScore): string {
  const out: string[] = [];
  const w = Math.max(...score.specs.map((s) => s.file.length), 'overall'.length);
  out.push(`corpus: ${score.specs.length} specs, today ${score.today}, errors and warnings only, line tolerance ±${LINE_TOLERANCE}`);
  out.push('');
  out.push(`${'spec'.padEnd(w)}  reported  expected  TP  precision  recall`);
  const row = (name: string, s: CorpusScore['overall']) =>
    `${name.padEnd(w)}  ${String(s.reported).padStart(8)}  ${String(s.expected).padStart(8)}  ${String(s.truePositives).padStart(2)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}`;
  for (const s of score.specs) out.push(row(s.file, s));
  out.push(row('overall', score.overall));
  for (const s of score.specs) {
    if (s.falsePositives.length === 0 && s.misses.length === 0) continue;
    out.push('');
    out.push(`${s.file}`);
    for (const f of s.falsePositives) out.push(`  FP   ${f.code} line ${f.line}: ${f.message}`);
    for (const m of s.misses) out.push(`  MISS ${m.code} line ${m.line}: ${m.why}`);
  }
  return out.join('\n');
}

function numberArg(args: string[], name: string): number | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = Number(args[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`${name} needs a number`);
  return v;
}

function main(args: string[]): number {
  const score = scoreCorpus();
  if (args.includes('--json')) console.log(JSON.stringify(score, null, 2));
  else console.log(formatScore(score));
  const minP = numberArg(args, '--min-precision') ?? MIN_SCORE;
  const minR = numberArg(args, '--min-recall') ?? MIN_SCORE;
  let code = 0;
  if (score.overall.precision < minP) {
    console.error(`precision ${pct(score.overall.precision)} is below ${pct(minP)}`);
    code = 1;
  }
  if (score.overall.recall < minR) {
    console.error(`recall ${pct(score.overall.recall)} is below ${pct(minR)}`);
    code = 1;
  }
  return code;
}

if (
  process.argv[1] &&
  basename(process.argv[1]) === 'corpus.ts' &&
  existsSync(process.argv[1]) &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  process.exitCode = main(process.argv.slice(2));
}
