// Parses many remark sources on two threads: this one and a worker, started on first use (or ahead
// of it) and stopped once it has no work: big parses are rare, and its heap is memory the server
// would keep. Both claim the next source from a shared counter, longest first, so the share each
// parses follows how fast each really goes. The worker's roots come back as JSON text, far cheaper
// to pass and read than a structured clone of the trees.
import type { Worker } from 'node:worker_threads';
import type { Root } from 'mdast';
import { parseMarkdown } from './engine/parse';

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

/** How long this thread parses before it lets the event loop run: messages, and the worker's batches. */
const SLICE_MS = 20;
/** A worker started ahead of a parse that does not come stops after this long. */
const IDLE_MS = 2000;

export class ParallelParser {
  private worker: Worker | undefined;
  private readonly jobs = new Map<number, (batch: ParsedBatch | undefined) => void>();
  private lastJob = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly startWorker: () => Worker,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * Roots of `sources`, each with its source, and how many the worker parsed. Never rejects: a source
   * the worker had claimed when it failed, or that does not parse, is left out (analysis parses what
   * is missing in place).
   */
  async parse(sources: readonly string[]): Promise<{ roots: [string, Root][]; byWorker: number }> {
    const order = [...sources].sort((a, b) => b.length - a.length);
    const next = new Int32Array(new SharedArrayBuffer(4));
    const roots: [string, Root][] = [];
    let byWorker = 0;
    const workerDone = this.send({ id: ++this.lastJob, sources: order, next }, (json) => {
      const parsed = JSON.parse(json) as [number, Root][];
      byWorker += parsed.length;
      for (const [i, root] of parsed) roots.push([order[i], root]);
    });
    let until = performance.now() + SLICE_MS;
    for (let i: number; (i = Atomics.add(next, 0, 1)) < order.length; ) {
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
    await workerDone;
    return { roots, byWorker };
  }

  /** Starts the worker if it is not running, so that it is ready for a parse() about to come. */
  prepare(): void {
    if (this.running()) this.stopWhenIdle();
  }

  /** Stops the worker; a parse() in progress finishes on this thread. */
  dispose(): void {
    this.stop();
    this.finishAll();
  }

  /** Posts the job; resolves when the worker has sent its last batch, or failed. */
  private send(job: ParseJob, onBatch: (json: string) => void): Promise<void> {
    const worker = this.running();
    if (!worker) return Promise.resolve();
    clearTimeout(this.idleTimer);
    return new Promise((resolve) => {
      this.jobs.set(job.id, (batch) => {
        if (batch) onBatch(batch.json);
        if (batch && !batch.done) return;
        this.jobs.delete(job.id);
        if (!this.jobs.size) this.stop();
        resolve();
      });
      worker.postMessage(job);
    });
  }

  /** The worker, started if it is not running; undefined if it cannot start. */
  private running(): Worker | undefined {
    try {
      return (this.worker ??= this.start());
    } catch (e) {
      this.log(`techspec: the parse worker did not start (${(e as Error).message}); parsing on one thread`);
      return undefined;
    }
  }

  private start(): Worker {
    const worker = this.startWorker();
    // Idle, it must not keep the server alive.
    worker.unref();
    worker.on('message', (batch: ParsedBatch) => this.jobs.get(batch.job)?.(batch));
    const fail = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.log(`techspec: the parse worker ${why}; this parse finishes on the main thread, the next starts a new worker`);
      this.finishAll();
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
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }

  private finishAll(): void {
    for (const finish of [...this.jobs.values()]) finish(undefined);
  }
}
