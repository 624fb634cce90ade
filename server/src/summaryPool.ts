// Worker threads that summarize specs for the workspace index: started for a scan, stopped once idle
// (their heaps hold a copy of the engine). Without workers (or when one fails) this thread does the work.
import type { Worker } from 'node:worker_threads';
import { summarizeText, type EngineSettings, type SpecSummary } from '../../engine';

export interface SummaryJob {
  id: number;
  uri: string;
  text: string;
  settings: EngineSettings;
  today: string;
}

export type SummaryResult = { id: number; summary?: SpecSummary; error?: undefined } | { id: number; error: string };

/** Workers with nothing to do stop after this long. */
const IDLE_MS = 5000;

export class SummaryPool {
  private workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, { resolve(s: SpecSummary | undefined): void; reject(e: Error): void; worker: Worker; job: SummaryJob }>();
  private lastId = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly startWorker: () => Worker,
    private size: number,
    private readonly log: (message: string) => void,
  ) {}

  /** The summary of a spec's text; undefined when it is no spec. Rejects when the engine throws on it. */
  summarize(uri: string, text: string, settings: EngineSettings, today: string): Promise<SpecSummary | undefined> {
    clearTimeout(this.idleTimer);
    const slot = this.leastBusy();
    if (!slot) return Promise.resolve().then(() => summarizeText(text, { uri, settings, today }));
    const id = ++this.lastId;
    slot.busy++;
    const job: SummaryJob = { id, uri, text, settings, today };
    return new Promise<SpecSummary | undefined>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: slot.worker, job });
      slot.worker.postMessage(job);
    }).finally(() => {
      slot.busy--;
      if (!this.pending.size) this.stopWhenIdle();
    });
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
    const stopping = this.workers;
    this.workers = [];
    for (const { worker } of stopping) void worker.terminate();
  }

  /** How many summaries can usefully be under way at once. */
  get parallelism(): number {
    return Math.max(1, this.size);
  }

  private leastBusy(): { worker: Worker; busy: number } | undefined {
    while (this.workers.length < this.size) {
      try {
        this.workers.push(this.watch(this.startWorker()));
      } catch (e) {
        this.log(`techspec: the index worker did not start (${(e as Error).message}); the server summarizes specs itself`);
        this.size = this.workers.length;
        break;
      }
    }
    return this.workers.reduce<{ worker: Worker; busy: number } | undefined>((best, w) => (!best || w.busy < best.busy ? w : best), undefined);
  }

  private watch(worker: Worker): { worker: Worker; busy: number } {
    const slot = { worker, busy: 0 };
    worker.on('message', (r: SummaryResult) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (r.error !== undefined) p.reject(new Error(r.error));
      else p.resolve(r.summary);
    });
    // The jobs of a worker that stopped are done on this thread.
    const fail = (why: string) => {
      if (!this.workers.includes(slot)) return;
      this.workers = this.workers.filter((w) => w !== slot);
      this.log(`techspec: an index worker stopped (${why})`);
      for (const [id, p] of [...this.pending]) {
        if (p.worker !== worker) continue;
        this.pending.delete(id);
        try {
          p.resolve(summarizeText(p.job.text, { uri: p.job.uri, settings: p.job.settings, today: p.job.today }));
        } catch (e) {
          p.reject(e as Error);
        }
      }
    };
    worker.on('error', (e) => fail(e.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    worker.unref();
    return slot;
  }

  private stopWhenIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.dispose(), IDLE_MS);
    this.idleTimer.unref();
  }
}
