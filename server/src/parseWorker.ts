// The parse worker (bundled as server/out/parseWorker.js): for each job, parses the sources the main
// thread has not claimed yet and sends their roots back as JSON text, in batches as it goes.
import { parentPort } from 'node:worker_threads';
import type { Root } from 'mdast';
import { parseMarkdown } from '../../engine';
import type { ParseJob, ParsedBatch } from './parallelParse';

/** Work between two batches sent back: the main thread reads each while it parses its own share. */
const BATCH_MS = 50;

const port = parentPort!;

port.on('message', (job: ParseJob) => {
  let parsed: [number, Root][] = [];
  const send = (done: boolean) => {
    const batch: ParsedBatch = { job: job.id, json: JSON.stringify(parsed), done };
    port.postMessage(batch);
    parsed = [];
  };
  let sendAt = performance.now() + BATCH_MS;
  for (let i: number; (i = Atomics.add(job.next, 0, 1)) < job.sources.length;) {
    try {
      parsed.push([i, parseMarkdown(job.sources[i])]);
    } catch {
      // Left out: the main thread parses what is missing, and reports the error then.
    }
    if (performance.now() >= sendAt) {
      send(false);
      sendAt = performance.now() + BATCH_MS;
    }
  }
  send(true);
});
