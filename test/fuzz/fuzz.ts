// Mutation fuzzer for the techspec engine: npm run fuzz -- [--seed N] [--count N] [--allow KIND,KIND] [--verbose]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeeds, mutate, Rng } from './mutate';
import { checkDocument, shape, type Failure } from './run';

const root = join(import.meta.dirname, '../..');
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const seedNo = Number(arg('--seed', '1'));
const count = Number(arg('--count', '300'));
const allow = new Set(arg('--allow', '').split(',').filter(Boolean));
const verbose = process.argv.includes('--verbose');

/** The failures `checkDocument` reports for `text`, with a fixed position RNG. */
function failuresOf(text: string, seed: string): Failure[] {
  const out: Failure[] = [];
  checkDocument(text, seed, new Rng(seedNo), (kind, code, detail, sigText) => out.push({ kind, sig: `${kind} ${code} ${shape(sigText ?? detail)}`, detail }));
  return out;
}

/** Bounded line deletion: drops chunks of lines while the same signature still fails. */
function shrink(text: string, seed: string, sig: string): string {
  let lines = text.split('\n');
  let budget = 60;
  for (let chunk = Math.max(1, lines.length >> 1); chunk >= 1 && budget > 0; chunk >>= 1) {
    for (let i = 0; i < lines.length && budget > 0;) {
      const cand = [...lines.slice(0, i), ...lines.slice(i + chunk)];
      budget--;
      if (cand.length && failuresOf(cand.join('\n'), seed).some((f) => f.sig === sig)) lines = cand;
      else i += chunk;
    }
  }
  return lines.join('\n');
}

function main(): void {
  const seeds = loadSeeds(root),
    rng = new Rng(seedNo),
    seen = new Map<string, number>(),
    perKind = new Map<string, number>();
  const dir = join(root, 'test/fuzz/failures');
  const t0 = performance.now();
  for (let n = 0; n < count; n++) {
    const s = rng.pick(seeds),
      text = mutate(s.text, rng);
    const fails = failuresOf(text, s.text);
    for (const f of fails) {
      perKind.set(f.kind, (perKind.get(f.kind) ?? 0) + 1);
      if (seen.has(f.sig)) {
        seen.set(f.sig, seen.get(f.sig)! + 1);
        continue;
      }
      seen.set(f.sig, 1);
      const small = shrink(text, s.text, f.sig);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${f.kind}-${seen.size}.md`);
      writeFileSync(file, small);
      console.log(`\n[${f.kind}] ${f.detail}\n  seed doc: ${s.name}, reproducer: ${file} (${small.split('\n').length} lines)`);
      if (verbose) console.log(JSON.stringify(small.slice(0, 600)));
    }
  }
  const secs = (performance.now() - t0) / 1000;
  console.log(`\n${count} documents in ${secs.toFixed(1)} s (${(count / secs).toFixed(1)} documents/s), ${seen.size} distinct failures`);
  for (const [k, v] of perKind) console.log(`  ${k}: ${v}${allow.has(k) ? ' (allowed)' : ''}`);
  process.exit([...perKind.keys()].some((k) => !allow.has(k)) ? 1 : 0);
}
main();
