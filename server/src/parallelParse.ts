// Parses many remark sources on worker threads, started on first use (or ahead of it) and stopped
// once they have no work: big parses are rare, and their heaps are memory the server would keep.
// The workers claim the next source from a shared counter, longest first, so the share each parses
// follows how fast each really goes; their roots come back as JSON text, far cheaper to pass and
// read than a structured clone of the trees. This thread reads those as they come, then parses what
// no worker claimed (everything when none starts); what a worker had claimed when it failed is left
// to the analysis.
import type { Worker } from 'node:worker_threads';
import type { Root } from 'mdast';
import { parseMarkdown } from '../../engine';

/** Sent to the worker: parse sources[i] for every i it claims with Atomics.add(next, 0, 1). */
export interface ParseJob {
  id: number;
  sources: readonly string[];
  next: Int32Array;
}

/** Sent back by the worker: JSON of [index, root] pairs; `done` on the job's last batch. */
export interface ParsedBatch {
  job: number;
  json: string;
  done: boolean;
}

/** How long this thread parses what the workers left before it lets the event loop run. */
const SLICE_MS = 20;
/** A worker started ahead of a parse that does not come stops after this long. */
const IDLE_MS = 2000;

export class ParallelParser {
  private readonly workers = new Set<Worker>();
  private readonly jobs = new Map<number, { worker: Worker; finish: (batch: ParsedBatch | undefined) => void }>();
  private lastJob = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly startWorker: () => Worker,
    private readonly log: (message: string) => void,
    private readonly workerCount = 1,
  ) {}

  /**
   * Roots of `sources`, each with its source, and how many the workers parsed. Never rejects: a
   * source a worker had claimed when it failed, or that does not parse, is left out (analysis parses
   * what is missing in place).
   */
  async parse(sources: readonly string[]): Promise<{ roots: [string, Root][]; byWorker: number }> {
    const order = [...sources].sort((a, b) => b.length - a.length);
    const next = new Int32Array(new SharedArrayBuffer(4));
    const roots: [string, Root][] = [];
    let byWorker = 0;
    const read = (json: string) => {
      const parsed = JSON.parse(json) as [number, Root][];
      byWorker += parsed.length;
      for (const [i, root] of parsed) roots.push([order[i], root]);
    };
    await Promise.all(this.running().map((worker) => this.send(worker, { id: ++this.lastJob, sources: order, next }, read)));
    let until = performance.now() + SLICE_MS;
    for (let i: number; (i = Atomics.add(next, 0, 1)) < order.length;) {
      try {
        roots.push([order[i], parseMarkdown(order[i])]);
      } catch {
        // Left out: parsed again in place, where the analysis reports the error.
      }
      if (performance.now() >= until) {
        await new Promise((resolve) => setImmediate(resolve));
        until = performance.now() + SLICE_MS;
      }
    }
    return { roots, byWorker };
  }

  /** Starts the workers that are not running, so that they are ready for a parse() about to come. */
  prepare(): void {
    if (this.running().length) this.stopWhenIdle();
  }

  /** Stops the workers; a parse() in progress finishes on this thread. */
  dispose(): void {
    this.stop();
    for (const job of [...this.jobs.values()]) job.finish(undefined);
  }

  /** Posts the job to the worker; resolves when it has sent its last batch, or failed. */
  private send(worker: Worker, job: ParseJob, onBatch: (json: string) => void): Promise<void> {
    clearTimeout(this.idleTimer);
    return new Promise((resolve) => {
      const finish = (batch: ParsedBatch | undefined) => {
        if (batch) onBatch(batch.json);
        if (batch && !batch.done) return;
        this.jobs.delete(job.id);
        if (!this.jobs.size) this.stop();
        resolve();
      };
      this.jobs.set(job.id, { worker, finish });
      worker.postMessage(job);
    });
  }

  /** The workers, started up to workerCount; none if they cannot start. */
  private running(): Worker[] {
    while (this.workers.size < this.workerCount) {
      try {
        this.workers.add(this.start());
      } catch (e) {
        this.log(`techspec: a parse worker did not start (${(e as Error).message}); parsing on ${this.workers.size ? 'fewer threads' : 'one thread'}`);
        break;
      }
    }
    return [...this.workers];
  }

  private start(): Worker {
    const worker = this.startWorker();
    // Idle, it must not keep the server alive.
    worker.unref();
    worker.on('message', (batch: ParsedBatch) => this.jobs.get(batch.job)?.finish(batch));
    const fail = (why: string) => {
      if (!this.workers.delete(worker)) return;
      this.log(`techspec: a parse worker ${why}; what it had claimed is parsed on the main thread, the next parse starts a new worker`);
      for (const job of [...this.jobs.values()]) if (job.worker === worker) job.finish(undefined);
    };
    worker.on('error', (e) => fail(`failed: ${e.stack ?? e}`));
    worker.on('exit', (code) => fail(`exited with code ${code}`));
    return worker;
  }

  private stopWhenIdle(): void {
    clearTimeout(this.idleTimer);
    if (this.jobs.size) return;
    this.idleTimer = setTimeout(() => this.stop(), IDLE_MS).unref();
  }

  private stop(): void {
    clearTimeout(this.idleTimer);
    const workers = [...this.workers];
    this.workers.clear();
    for (const worker of workers) void worker.terminate();
  }
}
