// Mutation fuzzer for the techspec engine: npm run fuzz -- [--seed N] [--count N] [--workers N] [--allow KIND,KIND] [--verbose]
// Document n is the same whatever the number of workers: its mutations and positions come from (seed, n).
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Job, Message } from './worker';

const root = join(import.meta.dirname, '../..');
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};

function main(): void {
  const seedNo = Number(arg('--seed', '1'));
  const count = Number(arg('--count', '300'));
  const workers = Math.max(1, Math.min(Number(arg('--workers', String(availableParallelism()))), count));
  const allow = new Set(arg('--allow', '').split(',').filter(Boolean));
  const verbose = process.argv.includes('--verbose');
  const dir = join(root, 'test/fuzz/failures');
  const t0 = performance.now();
  const sigs = new Set<string>();
  const perKind = new Map<string, number>();
  let done = 0;
  let finished = 0;
  const secs = () => (performance.now() - t0) / 1000;
  const onMessage = (m: Message) => {
    if (m.type === 'done') {
      const before = Math.floor(done / 1000);
      done += m.n;
      if (Math.floor(done / 1000) > before)
        console.log(`${done} documents, ${secs().toFixed(0)} s, ${[...perKind.values()].reduce((a, b) => a + b, 0)} failures so far`);
    } else if (m.type === 'kinds') for (const [k, v] of m.kinds) perKind.set(k, (perKind.get(k) ?? 0) + v);
    else if (!sigs.has(m.sig)) {
      sigs.add(m.sig);
      perKind.set(m.kind, perKind.get(m.kind) ?? 0);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${m.kind}-${sigs.size}.md`);
      writeFileSync(file, m.small);
      console.log(`\n[${m.kind}] ${m.detail}\n  seed doc: ${m.seed}, reproducer: ${file} (${m.small.split('\n').length} lines)`);
      if (verbose) console.log(JSON.stringify(m.small.slice(0, 600)));
    }
  };
  const end = () => {
    console.log(
      `\n${count} documents in ${secs().toFixed(1)} s (${(count / secs()).toFixed(1)} documents/s, ${workers} workers), ${sigs.size} distinct failures`,
    );
    for (const [k, v] of perKind) console.log(`  ${k}: ${v}${allow.has(k) ? ' (allowed)' : ''}`);
    process.exit([...perKind.keys()].some((k) => !allow.has(k)) ? 1 : 0);
  };
  for (let worker = 0; worker < workers; worker++) {
    // Workers load this file through tsx's loader, which a worker does not inherit.
    const boot = `require('tsx/cjs/api').register(); require(${JSON.stringify(join(import.meta.dirname, 'worker.ts'))});`;
    const w = new Worker(boot, { eval: true, workerData: { seedNo, count, worker, workers } satisfies Job });
    w.on('message', onMessage);
    w.on('error', (e) => {
      console.error(`worker ${worker} failed: ${e.stack ?? e}`);
      process.exit(2);
    });
    w.on('exit', () => {
      if (++finished === workers) end();
    });
  }
}

main();
