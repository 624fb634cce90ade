// Analysis that cannot take the server hostage: a pathological spec (a 10,000-task dependency cycle,
// analysed on a worker of its own) leaves the server answering other documents' hovers within a
// second, and past its time budget (techspec.analysisTimeout) the spec gets one information
// diagnostic saying analysis stopped, while its requests get empty answers at once; so does a
// worker that runs out of its heap.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { HoverRequest, PrepareRenameRequest, ResponseError, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TEMPLATE_TEXT } from '../../engine/templateText';
import { dependencyCycle } from '../../bench/adversarial-inputs';
import { startServer, type TestServer } from './harness';

/** The cycle's analysis takes seconds on a loaded machine: this bounds a broken server, not a slow one. */
const TIMEOUT_MS = 120_000;
/** The bound on a hover's wait: generous for a loaded CI machine, and ten times the design's 100 ms. */
const HOVER_BOUND_MS = 1000;
const SMALL = 'file:///w/small.spec.md';
const CYCLE = 'file:///w/cycle.spec.md';
const CYCLE_TEXT = dependencyCycle(10_000);
/** Line 1 of the template's task table: a hover there names the task. */
const T2 = (() => {
  const lines = TEMPLATE_TEXT.split('\n');
  const line = lines.findIndex((l) => l.startsWith('| T2 |'));
  return { line, character: 3 };
})();

const servers: TestServer[] = [];
after(async () => {
  for (const s of servers) await s.dispose();
});

async function serverWithBudget(analysisTimeout?: number, env?: Record<string, string>): Promise<TestServer> {
  const server = await startServer({
    capabilities: { workspace: { configuration: true } },
    configuration: () => (analysisTimeout === undefined ? {} : { analysisTimeout }),
    timeoutMs: TIMEOUT_MS,
    env,
  });
  servers.push(server);
  await server.open(SMALL, TEMPLATE_TEXT);
  await server.diagnostics(SMALL, 1);
  return server;
}

const stoppedNotice = (p: PublishDiagnosticsParams): Diagnostic | undefined =>
  p.diagnostics.find((d) => d.severity === 3 && d.range.start.line === 0 && String(d.message).startsWith('Tech Spec stopped analysing this document'));

test('while a 10,000-task cycle is analysed, hovers on another spec answer within a second', { timeout: TIMEOUT_MS }, async () => {
  // A budget the cycle fits in even on a loaded machine (it took 10 s on one with a load of 19 on 2 cores).
  const server = await serverWithBudget(100);
  let analysed: PublishDiagnosticsParams | undefined;
  const published = server.diagnostics(CYCLE, 1).then((p) => (analysed = p));
  await server.open(CYCLE, CYCLE_TEXT);
  const waits: number[] = [];
  let answeredMeanwhile = 0;
  while (!analysed) {
    const started = performance.now();
    const hover = await server.conn.sendRequest(HoverRequest.type, { textDocument: { uri: SMALL }, position: T2 });
    waits.push(performance.now() - started);
    assert.match(JSON.stringify(hover?.contents), /T2/, 'the hover on the small spec names its task');
    if (!analysed) answeredMeanwhile++;
  }
  await published;
  assert.ok(answeredMeanwhile > 0, 'some hovers were answered while the cycle was analysed');
  const worst = Math.max(...waits);
  assert.ok(worst < HOVER_BOUND_MS, `the slowest of ${waits.length} hovers took ${worst.toFixed(0)} ms`);
  assert.ok(
    analysed!.diagnostics.some((d) => String(d.message).includes('cycle')),
    'the cycle is reported once its analysis ends',
  );
  assert.ok(
    server.logs().some((m) => m.includes(`analysed version 1 of ${CYCLE} on its worker`)),
    'the cycle was analysed on a worker',
  );
  // Its own requests are answered by its worker, from the model there.
  const lines = CYCLE_TEXT.split('\n');
  const row = lines.findIndex((l) => l.startsWith('| T5000 |'));
  const hover = await server.conn.sendRequest(HoverRequest.type, { textDocument: { uri: CYCLE }, position: { line: row, character: 3 } });
  assert.match(JSON.stringify(hover?.contents), /T5000/, 'a hover on the cycle names its task');
});

test('past its budget the spec gets one information diagnostic, and its requests answer at once', { timeout: TIMEOUT_MS }, async () => {
  // 50 ms: far less than the cycle needs.
  const server = await serverWithBudget(0.05);
  await server.open(CYCLE, CYCLE_TEXT);
  const first = await server.diagnostics(CYCLE, 1);
  assert.equal(first.diagnostics.length, 1, `only the notice is published (got ${JSON.stringify(first.diagnostics)})`);
  const notice = stoppedNotice(first);
  assert.ok(notice, `the notice says analysis stopped (got ${JSON.stringify(first.diagnostics)})`);
  assert.match(String(notice.message), /after 0\.05 s \(\d+ KB\).*Split it into smaller specs, or raise techspec\.analysisTimeout/);

  const started = performance.now();
  assert.equal(await server.conn.sendRequest(HoverRequest.type, { textDocument: { uri: CYCLE }, position: { line: 3, character: 1 } }), null);
  await assert.rejects(
    server.conn.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: CYCLE }, position: { line: 3, character: 1 } }),
    (e: unknown) => e instanceof ResponseError && e.message.startsWith('Tech Spec stopped analysing this document'),
  );
  const waited = performance.now() - started;
  assert.ok(waited < HOVER_BOUND_MS, `a stopped spec's requests are answered at once (took ${waited.toFixed(0)} ms)`);

  // A keystroke changes its size by far less than a tenth: the notice stays, at the new version, with no new try.
  await server.insert(CYCLE, 2, { line: 0, character: 0 }, 'x');
  assert.ok(stoppedNotice(await server.diagnostics(CYCLE, 2)), 'the notice is published again for the new version');
  const hover = await server.conn.sendRequest(HoverRequest.type, { textDocument: { uri: SMALL }, position: T2 });
  assert.match(JSON.stringify(hover?.contents), /T2/, 'the other spec still answers');
});

test('a worker that runs out of its heap stops with a notice saying so; the server lives on', { timeout: TIMEOUT_MS }, async () => {
  // 16 MB of old generation: far less than the cycle's model needs.
  const server = await serverWithBudget(100, { TECHSPEC_WORKER_HEAP_MB: '16' });
  await server.open(CYCLE, CYCLE_TEXT);
  const published = await server.diagnostics(CYCLE, 1);
  const notice = stoppedNotice(published);
  assert.ok(notice, `the notice says analysis stopped (got ${JSON.stringify(published.diagnostics)})`);
  assert.match(String(notice.message), /\(\d+ KB\): its analysis ran out of memory, so diagnostics are incomplete\. Split it into smaller specs\./);
  const hover = await server.conn.sendRequest(HoverRequest.type, { textDocument: { uri: SMALL }, position: T2 });
  assert.match(JSON.stringify(hover?.contents), /T2/, 'the other spec still answers');
});
