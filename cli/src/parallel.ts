// Many files are linted over worker threads, one per core: each thread runs the same bundle
// (this file's `serveLintWorker`) on a share of the files. Few files stay on the main thread,
// where starting workers would cost more than it saves.
import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { lintFile, type FileReport, type LintFlags, type LintJob } from './lintFile';

/** Below this many files one thread is faster than starting others. */
const PARALLEL_FROM = 64;

interface WorkerInput {
  jobs: LintJob[];
  flags: LintFlags;
}

export async function lintInParallel(jobs: LintJob[], flags: LintFlags): Promise<FileReport[]> {
  const threads = Math.min(availableParallelism(), Math.ceil(jobs.length / PARALLEL_FROM));
  if (threads <= 1) return jobs.map((job) => lintFile(job, flags));
  // Interleaved shares: neighbouring files (often of similar size) go to different threads.
  const shares = Array.from({ length: threads }, (_, t) => jobs.filter((_, i) => i % threads === t));
  const results = await Promise.all(shares.map((share) => runWorker({ jobs: share, flags })));
  const reports = new Array<FileReport>(jobs.length);
  results.forEach((share, t) => share.forEach((report, k) => (reports[k * threads + t] = report)));
  return reports;
}

function runWorker(input: WorkerInput): Promise<FileReport[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: input });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code && reject(new Error(`lint worker stopped with code ${code}`)));
  });
}

/** In a lint worker: lints its share and posts the reports back. Returns whether this thread is one. */
export function serveLintWorker(): boolean {
  if (!parentPort) return false;
  const { jobs, flags } = workerData as WorkerInput;
  parentPort.postMessage(jobs.map((job) => lintFile(job, flags)));
  return true;
}
