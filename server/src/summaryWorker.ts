// The workspace index's worker (bundled as server/out/summaryWorker.js): summarizes spec files off
// the server's thread, so a first listing of many specs neither blocks the server nor uses one core only.
import { parentPort } from 'node:worker_threads';
import { summarizeText } from '../../engine';
import type { SummaryJob, SummaryResult } from './summaryPool';

const port = parentPort!;

port.on('message', (job: SummaryJob) => {
  let result: SummaryResult;
  try {
    result = { id: job.id, summary: summarizeText(job.text, { uri: job.uri, settings: job.settings, today: job.today }) };
  } catch (e) {
    result = { id: job.id, error: (e as Error).message };
  }
  port.postMessage(result);
});
