// A fuzz worker: checks its share of the documents and posts failures, progress and counts to the main thread.
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { loadSeeds, mutate, Rng } from './mutate';
import { Fuzzer, shape, type Failure } from './run';

const root = join(import.meta.dirname, '../..');

export interface Job {
  seedNo: number;
  count: number;
  worker: number;
  workers: number;
}
export type Message =
  | { type: 'done'; n: number }
  | { type: 'fail'; kind: string; sig: string; detail: string; seed: string; small: string }
  | { type: 'kinds'; kinds: [string, number][] };

/** The failures of `text` with the checks of a fresh fuzzer (for shrinking). */
function failuresOf(text: string, seed: string, rngSeed: number): Failure[] {
  const out: Failure[] = [];
  new Fuzzer().checkDocument(text, seed, new Rng(rngSeed), (kind, code, detail, sigText) =>
    out.push({ kind, sig: `${kind} ${code} ${shape(sigText ?? detail)}`, detail }),
  );
  return out;
}

/** Bounded line deletion: drops chunks of lines while the same signature still fails. */
function shrink(text: string, seed: string, sig: string, rngSeed: number): string {
  let lines = text.split('\n');
  let budget = 60;
  for (let chunk = Math.max(1, lines.length >> 1); chunk >= 1 && budget > 0; chunk >>= 1) {
    for (let i = 0; i < lines.length && budget > 0;) {
      const cand = [...lines.slice(0, i), ...lines.slice(i + chunk)];
      budget--;
      if (cand.length && failuresOf(cand.join('\n'), seed, rngSeed).some((f) => f.sig === sig)) lines = cand;
      else i += chunk;
    }
  }
  return lines.join('\n');
}

/** A worker's share: documents worker, worker + workers, … */
function work(job: Job, post: (m: Message) => void): void {
  const seeds = loadSeeds(root);
  const fuzzer = new Fuzzer();
  const seen = new Set<string>();
  const kinds = new Map<string, number>();
  let done = 0;
  for (let n = job.worker; n < job.count; n += job.workers) {
    const rng = new Rng(job.seedNo * 1_000_003 + n);
    const s = rng.pick(seeds);
    const text = mutate(s.text, rng);
    const posSeed = job.seedNo + n;
    fuzzer.checkDocument(text, s.text, new Rng(posSeed), (kind, code, detail, sigText) => {
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const sig = `${kind} ${code} ${shape(sigText ?? detail)}`;
      if (seen.has(sig)) return;
      seen.add(sig);
      post({ type: 'fail', kind, sig, detail, seed: s.name, small: shrink(text, s.text, sig, posSeed) });
    });
    if (++done % 100 === 0) post({ type: 'done', n: 100 });
  }
  post({ type: 'done', n: done % 100 });
  post({ type: 'kinds', kinds: [...kinds] });
}

work(workerData as Job, (m) => parentPort!.postMessage(m));
