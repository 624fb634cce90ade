// The host of heavy documents' analysis workers, with a scripted worker: an edit that arrives while
// an analysis runs waits for it (and the worker then analyses the newest version), a paste of a
// tenth or more cancels it, a run past its budget stops the worker with one information diagnostic,
// and the budget setting is read in seconds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS } from '../../engine/settings';
import { DEFAULT_BUDGET_MS, HeavyDocuments, readBudget } from '../../server/src/heavyDocuments';
import type { FromWorker, ToWorker } from '../../server/src/analysisWorker';

const URI = 'file:///w/big.spec.md';

/** A worker that records what it is sent and answers when the test says so. */
class ScriptedWorker extends EventEmitter {
  readonly posted: ToWorker[] = [];
  terminated = false;
  postMessage(m: ToWorker) {
    this.posted.push(m);
  }
  unref() {}
  terminate() {
    this.terminated = true;
    return Promise.resolve(0);
  }
  /** Ends the analysis it was last sent. */
  finish() {
    const last = this.posted.filter((m) => m.kind === 'analyze').at(-1)!;
    const reply: FromWorker = { kind: 'analyzed', version: last.version, diagnostics: [], isSpec: true, ms: 1 };
    this.emit('message', reply);
  }
}

function setup(budgetMs = DEFAULT_BUDGET_MS) {
  const doc = { version: 1, text: 'x'.repeat(1000) };
  const workers: ScriptedWorker[] = [];
  const published: { version: number; diagnostics: Diagnostic[] }[] = [];
  let onPublish = () => {};
  const heavy = new HeavyDocuments(
    () => {
      const w = new ScriptedWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    {
      document: () => doc,
      settings: async () => ({ settings: DEFAULT_SETTINGS, budgetMs }),
      publish: async (_uri, version, diagnostics) => {
        published.push({ version, diagnostics });
        onPublish();
      },
      log: () => {},
    },
  );
  heavy.adopt(URI);
  const posted = () => new Promise<void>((resolve) => setImmediate(resolve));
  const nextPublish = () => new Promise<void>((resolve) => (onPublish = resolve));
  return { doc, workers, published, heavy, posted, nextPublish };
}

const analyzed = (w: ScriptedWorker) => w.posted.filter((m) => m.kind === 'analyze').map((m) => m.version);

test('an edit while an analysis runs: it ends, only the newest version is published, analysed on the same worker', async () => {
  const { doc, workers, published, heavy, posted } = setup();
  heavy.analyze(URI);
  await posted();
  doc.version = 2;
  doc.text += 'y';
  heavy.analyze(URI);
  workers[0].finish();
  await posted();
  assert.deepEqual(analyzed(workers[0]), [1, 2]);
  assert.equal(workers[0].terminated, false);
  workers[0].finish();
  assert.deepEqual(
    published.map((p) => p.version),
    [2],
  );
  assert.equal(workers.length, 1);
});

test('a paste of a tenth or more while an analysis runs cancels it: a new worker analyses the newest version', async () => {
  const { doc, workers, heavy, posted } = setup();
  heavy.analyze(URI);
  await posted();
  doc.version = 2;
  doc.text += 'y'.repeat(200);
  heavy.analyze(URI);
  await posted();
  assert.equal(workers[0].terminated, true);
  assert.deepEqual(analyzed(workers[1]), [2]);
});

test('past its budget the worker is stopped and the document gets one information diagnostic; a keystroke does not try again', async () => {
  const { doc, workers, published, heavy, posted, nextPublish } = setup(20);
  const stopped = nextPublish();
  heavy.analyze(URI);
  await stopped;
  assert.equal(workers[0].terminated, true);
  assert.equal(published.length, 1);
  const [notice] = published[0].diagnostics;
  assert.equal(published[0].diagnostics.length, 1);
  assert.equal(notice.severity, 3);
  assert.deepEqual(notice.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.match(String(notice.message), /^Tech Spec stopped analysing this document after 0\.02 s \(1 KB\): the analysis took longer than its budget/);
  doc.version = 2;
  doc.text += 'y';
  const again = nextPublish();
  heavy.analyze(URI);
  await again;
  await posted();
  assert.equal(workers.length, 1, 'no new worker for a keystroke');
  assert.deepEqual(published[1], { version: 2, diagnostics: [notice] });
  assert.equal(await heavy.call(URI, 2, 'getHover', [{ line: 0, character: 0 }]), undefined, 'requests get no answer from a stopped document');
});

test('techspec.analysisTimeout is in seconds; anything but a positive number is reported and the default used', () => {
  assert.deepEqual(readBudget({ analysisTimeout: 2.5 }), { budgetMs: 2500 });
  assert.deepEqual(readBudget({}), { budgetMs: DEFAULT_BUDGET_MS });
  assert.deepEqual(readBudget(null), { budgetMs: DEFAULT_BUDGET_MS });
  assert.deepEqual(readBudget({ analysisTimeout: -1 }), {
    budgetMs: DEFAULT_BUDGET_MS,
    problem: 'techspec.analysisTimeout must be a positive number of seconds, not -1; using 10.',
  });
});
