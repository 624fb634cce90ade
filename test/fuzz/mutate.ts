// Seed documents and random mutations for the fuzzer.
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { TEMPLATE_TEXT } from '../../engine/templateText';

/** A small deterministic PRNG (mulberry32). */
export class Rng {
  constructor(private s: number) {}
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)];
  }
}

/** Template, fixtures, corpus specs and a few generated specs. */
export function loadSeeds(root: string): { name: string; text: string }[] {
  const seeds = [{ name: 'template', text: TEMPLATE_TEXT }];
  for (const dir of ['test/fixtures', 'test/corpus']) {
    for (const f of readdirSync(join(root, dir)).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
      seeds.push({ name: f, text: readFileSync(join(root, dir, f), 'utf8') });
    }
  }
  for (const args of [
    ['--tasks', '8'],
    ['--tasks', '12', '--defects'],
    ['--tasks', '40'],
  ]) {
    const text = execFileSync('node', [join(root, 'bench/gen-spec.mjs'), ...args], { encoding: 'utf8' });
    seeds.push({ name: `gen ${args.join(' ')}`, text });
  }
  return seeds;
}

const FRAGMENTS = [
  '| T1 | a | b |',
  '| T9 | x | T1, T2 | 50 | M |',
  '| T-7 | y | ~40 | T-8, T1 |',
  '| T\u202E8 | z\u200B | ~40 | \u2066T1\u2069 |',
  '| a \\| b | `c | d` | e | f | g | h | i |',
  '|',
  '\\|',
  '`',
  '```',
  '```mermaid',
  '```mermaid\ngraph TD\n  T1 --> T2\n  T2 --> T1',
  'T3 --> T1',
  'T1 --> T99',
  '# Heading',
  '## Task Breakdown',
  '### ',
  '\uFEFF',
  '\r',
  '\u{1F600}',
  '\uD800',
  '\uDC00',
  '\u200B',
  '\u202E',
  '\u2066',
  '\t',
  'x'.repeat(5000),
  '> > >',
  '- - -',
  '---',
  '[TODO]',
  '[Feature Name]',
  '|---|---|',
  '| --- | :-: |',
  '<!-- ',
  '-->',
];

/** Task IDs in the text, for dependency edits. */
const ids = (text: string) => [...new Set(text.match(/\bT\d+\b/g) ?? [])];

type Mutation = (lines: string[], rng: Rng, text: string) => string[];
const MUTATIONS: Mutation[] = [
  (l, r) => (l.splice(r.int(l.length), 1 + r.int(3)), l),
  (l, r) => {
    const i = r.int(l.length);
    l.splice(i, 0, l[i]);
    return l;
  },
  (l, r) => {
    const i = r.int(l.length),
      j = r.int(l.length);
    [l[i], l[j]] = [l[j], l[i]];
    return l;
  },
  (l, r) => (l.splice(r.int(l.length + 1), 0, r.pick(FRAGMENTS)), l),
  (l, r) => {
    const i = r.int(l.length),
      s = l[i] ?? '',
      c = r.int(s.length + 1);
    l[i] = s.slice(0, c) + r.pick(FRAGMENTS) + s.slice(c);
    return l;
  },
  (l, r, t) => {
    const a = ids(t);
    if (a.length < 2) return l;
    const i = l.findIndex((x) => x.startsWith(`| ${a[1]} `));
    if (i >= 0) l[i] = l[i].replace(/\|[^|]*\|([^|]*)$/, `| ${a[1]}, ${r.pick(a)} |$1`);
    return l;
  },
  (l, r, t) => {
    const a = ids(t);
    const i = r.int(l.length);
    l[i] = (l[i] ?? '').replace(/\bT\d+\b/, r.pick([...a, 'T999', 'TX', 'T0']));
    return l;
  },
];

/** One to four random mutations of `text`, sometimes truncated, sometimes with CRLF or lone-CR line ends. */
export function mutate(text: string, rng: Rng): string {
  let lines = text.split('\n');
  for (let k = 1 + rng.int(4); k > 0; k--) lines = rng.pick(MUTATIONS)(lines, rng, text);
  let out = lines.join('\n');
  const roll = rng.next();
  if (roll < 0.1) out = out.slice(0, rng.int(out.length + 1));
  else if (roll < 0.15) out = out.replace(/\n/g, '\r\n');
  else if (roll < 0.18) out = out.replace(/\n/g, '\r');
  return out;
}
