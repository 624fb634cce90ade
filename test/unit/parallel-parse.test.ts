// Parsing on two threads: the sources IncrementalParser lists, parsed elsewhere and handed back,
// give exactly the full parse (tree, model, diagnostics), whatever is missing or extra; and the
// server's ParallelParser gives back every source's root, or leaves out what a failed worker took.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Nodes, Root } from 'mdast';
import { IncrementalParser, type IncrementalOptions } from '../../engine/incremental';
import { parseMarkdown } from '../../engine/parse';
import { buildModel, type SpecModel } from '../../engine/model';
import { ModelMemo } from '../../engine/incremental';
import { computeDiagnostics } from '../../engine/diagnostics';
import { DEFAULT_SETTINGS } from '../../engine/settings';
import { TEMPLATE_TEXT } from '../../engine/templateText';
import { ParallelParser } from '../../server/src/parallelParse';
import fc from 'fast-check';
import { FC_SEED, SPEC_URI, TODAY } from './helpers';

/** Small batches and tables split from 2 rows up, so that short documents exercise every path. */
const TINY: Partial<IncrementalOptions> = { batchChars: 120, rowBatch: 3, minSplitRows: 2 };

function genSpec(tasks: number): string {
  return execFileSync(process.execPath, ['bench/gen-spec.mjs', '--tasks', String(tasks), '--defects'], { encoding: 'utf8', maxBuffer: 1 << 26 });
}

/** Parsed as the worker's roots arrive: through JSON text. */
const parsedElsewhere = (sources: string[]): [string, Root][] => sources.map((s) => [s, JSON.parse(JSON.stringify(parseMarkdown(s))) as Root]);

/** The model as data: spans read where they are now (a memo's spans hold where they were built and how far they moved). */
const plain = (m: SpecModel): unknown => JSON.parse(JSON.stringify({ ...m, lines: m.lines.lineStarts }));

function settleAll(parser: IncrementalParser, node: Nodes): void {
  parser.settle(node);
  if ('children' in node) for (const child of node.children) settleAll(parser, child as Nodes);
}

/** As the service parses: positions inside top-level nodes and table rows settle only when the model reads them. */
const LAZY = { settled: false };

/**
 * Asserts that `root` is the full parse of `text`, and that the model built on it with `memo` (kept
 * across the versions of one document, wired to `parser` as the service wires them), and its
 * diagnostics, are those built from scratch.
 */
function assertSameAsFull(text: string, root: Root, what: string, memo = new ModelMemo(), parser?: IncrementalParser): void {
  if (parser) memo.hint(parser.takeDiff());
  const full = parseMarkdown(text);
  // The model and diagnostics first: after a lazy parse the model settles only what it reads.
  const a = buildModel(text, root, memo);
  const diagnostics = computeDiagnostics(a, DEFAULT_SETTINGS, TODAY, SPEC_URI);
  if (parser) settleAll(parser, root);
  assert.deepStrictEqual(root, full, `mdast differs from a full parse: ${what}`);
  const b = buildModel(text, full);
  assert.deepStrictEqual(plain(a), plain(b), `model differs: ${what}`);
  assert.deepStrictEqual(diagnostics, computeDiagnostics(b, DEFAULT_SETTINGS, TODAY, SPEC_URI), `diagnostics differ: ${what}`);
}

const fixtures = readdirSync('test/fixtures')
  .filter((f) => f.endsWith('.md'))
  .map((f) => [f, readFileSync(`test/fixtures/${f}`, 'utf8')] as const);
const documents: (readonly [string, string])[] = [
  ['template', TEMPLATE_TEXT],
  ...fixtures,
  ['gen-spec 4', genSpec(4)],
  ['gen-spec 60', genSpec(60)],
  ['gen-spec 200', genSpec(200)],
];
test('with the roots of every listed source handed in, a parse runs no remark parse and equals the full parse', () => {
  for (const [name, text] of documents) {
    for (const t of [text, text.replace(/\n/g, '\r\n')]) {
      for (const opts of [{}, TINY]) {
        const what = `${name} ${JSON.stringify(opts)}${t === text ? '' : ' CRLF'}`;
        const parser = new IncrementalParser(opts);
        const sources = parser.sourcesFor(t);
        assert.ok(sources.length > 0, `${what}: a fresh parser lists what it has to parse`);
        assertSameAsFull(t, parser.parseWith(t, parsedElsewhere(sources)), what);
        // Tiny batches cut code blocks at their blank lines: the units then merge, which no listing foresees.
        if (opts !== TINY) assert.equal(parser.parsesRun, 0, `${what}: every source was foreseen`);
      }
    }
  }
});

test('missing roots are parsed in place and extra ones are ignored', () => {
  const text = genSpec(200);
  const parser = new IncrementalParser(TINY);
  const sources = parser.sourcesFor(text);
  const handed = parsedElsewhere(sources).filter((_, i) => i % 3 !== 0);
  const extra = parsedElsewhere(sources.map((s) => s + '\nOther text.\n'));
  assertSameAsFull(text, parser.parseWith(text, [...extra, ...handed]), 'a third missing, roots of other sources added');
  assert.equal(parser.parsesRun, Math.ceil(sources.length / 3), 'exactly the missing sources were parsed in place');
  // Nothing handed in stays behind for the next parse.
  const edited = text.replace('| T100 |', '| T100x |');
  parser.parse(edited);
  assert.ok(parser.parsesRun > 0, 'the edited row is parsed, not taken from leftovers');
});

test('after an edit only the changed pieces are listed, and a small change lists nothing under a threshold', () => {
  const text = genSpec(200);
  const parser = new IncrementalParser();
  const memo = new ModelMemo(parser);
  buildModel(text, parser.parseWith(text, parsedElsewhere(parser.sourcesFor(text)), LAZY), memo);
  assert.deepEqual(parser.sourcesFor(text), [], 'nothing to parse for the text just parsed');
  const at = text.indexOf('| T100 |') + 6;
  const edited = text.slice(0, at) + 'x' + text.slice(at);
  assert.deepEqual(parser.sourcesFor(edited, 2), [], 'one character changed: below a threshold of 2');
  const sources = parser.sourcesFor(edited);
  assert.equal(sources.length, 1, 'one row batch to parse');
  assert.ok(sources[0].includes('| T100x |'), 'the batch of the edited row');
  assertSameAsFull(edited, parser.parseWith(edited, parsedElsewhere(sources), LAZY), 'edit in row T100', memo, parser);
  assert.equal(parser.parsesRun, 0);
  // Half the document replaced: listed when the change reaches the threshold, and in total.
  const replaced = edited.slice(0, edited.length / 2) + genSpec(60).slice(200);
  const changed = parser.sourcesFor(replaced, 1000);
  assert.ok(changed.length > 0 && changed.reduce((n, s) => n + s.length, 0) >= 1000, 'a big change is listed');
  assertSameAsFull(replaced, parser.parseWith(replaced, parsedElsewhere(changed), LAZY), 'half replaced', memo, parser);
  assert.equal(parser.parsesRun, 0);
});

// Fragments that change which units and row batches there are, and what they are parsed with.
const fragment = fc.constantFrom(
  '\n',
  '\n\n',
  '```\n',
  '| T9 | x | ~10 | T1 | j |\n',
  '| a | b |\n|---|---|\n',
  '[x]: /u\n\n',
  '[x]',
  '<!--\n',
  '-->',
  '# ',
  'word',
  '\r\n',
);
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.array(fragment, { maxLength: 3 }).map((a) => a.join('')) });

test('random edit sequences: parsing the listed sources elsewhere gives a full parse at every step', () => {
  const base = genSpec(4);
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.boolean(), (edits, tiny) => {
      let text = base;
      const parser = new IncrementalParser(tiny ? TINY : {});
      const memo = new ModelMemo(parser, tiny ? 2 : undefined);
      buildModel(text, parser.parseWith(text, parsedElsewhere(parser.sourcesFor(text)), LAZY), memo);
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
        assertSameAsFull(text, parser.parseWith(text, parsedElsewhere(parser.sourcesFor(text)), LAZY), JSON.stringify(e), memo, parser);
      }
    }),
    { numRuns: 20, seed: FC_SEED },
  );
});

const WORKER_TS = join(__dirname, '../../server/src/parseWorker.ts');
// The worker's TypeScript, compiled by tsx's require hook (a worker does not take `--import tsx`).
const realWorker = () => new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(WORKER_TS)});`, { eval: true });
const noLog = () => undefined;

test('ParallelParser: the real worker gives every source its root', { timeout: 60_000 }, async () => {
  const parallel = new ParallelParser(realWorker, noLog);
  try {
    const text = genSpec(200);
    const sources = new IncrementalParser(TINY).sourcesFor(text);
    const { roots, byWorker } = await parallel.parse(sources);
    assert.equal(roots.length, sources.length, 'one root per source');
    assert.equal(byWorker, sources.length, 'the worker parsed them all');
    const bySource = new Map(roots);
    for (const s of sources) assert.deepStrictEqual(bySource.get(s), parseMarkdown(s), `the root of ${JSON.stringify(s.slice(0, 40))}`);
  } finally {
    parallel.dispose();
  }
});

test('ParallelParser: two real workers parse every source, this thread none', { timeout: 60_000 }, async () => {
  let started = 0;
  const parallel = new ParallelParser(() => (started++, realWorker()), noLog, 2);
  try {
    const text = genSpec(200);
    const sources = new IncrementalParser(TINY).sourcesFor(text);
    const { roots, byWorker } = await parallel.parse(sources);
    assert.equal(started, 2);
    assert.equal(byWorker, sources.length);
    const bySource = new Map(roots);
    for (const s of sources) assert.deepStrictEqual(bySource.get(s), parseMarkdown(s), `the root of ${JSON.stringify(s.slice(0, 40))}`);
  } finally {
    parallel.dispose();
  }
});

test('ParallelParser: when one of two workers fails, the other and this thread parse all but what it had claimed, at most', { timeout: 60_000 }, async () => {
  const logs: string[] = [];
  let started = 0;
  const parallel = new ParallelParser(
    () => (started++ % 2 ? failingWorker(3)() : realWorker()),
    (m) => logs.push(m),
    2,
  );
  try {
    const text = genSpec(200);
    const parser = new IncrementalParser(TINY);
    const sources = parser.sourcesFor(text);
    const { roots } = await parallel.parse(sources);
    // Three are missing unless the other worker had claimed every source before it did.
    assert.ok(roots.length >= sources.length - 3 && roots.length <= sources.length, `${roots.length} roots of ${sources.length} sources`);
    assert.ok(
      logs.some((m) => m.includes('parse worker test failure')),
      `the failure is logged (logs: ${logs.join(' | ')})`,
    );
    assertSameAsFull(text, parser.parseWith(text, roots), 'roots of a parse one of whose workers failed');
  } finally {
    parallel.dispose();
  }
});

/** A worker that claims `claims` sources, then throws instead of parsing them. */
const failingWorker = (claims: number) => () =>
  new Worker(
    `require('node:worker_threads').parentPort.on('message', (job) => { Atomics.add(job.next, 0, ${claims}); throw new Error('parse worker test failure'); });`,
    { eval: true },
  );

test('ParallelParser: a worker that fails loses only what it had claimed; the analysis parses that in place', { timeout: 60_000 }, async () => {
  const logs: string[] = [];
  let started = 0;
  const parallel = new ParallelParser(
    () => (started++, failingWorker(2)()),
    (m) => logs.push(m),
  );
  try {
    // The first source (the longest) keeps this thread busy while the worker claims two and fails.
    const text = genSpec(200);
    const parser = new IncrementalParser(TINY);
    const sources = [genSpec(400), ...parser.sourcesFor(text)];
    const { roots, byWorker } = await parallel.parse(sources);
    assert.equal(byWorker, 0);
    assert.equal(roots.length, sources.length - 2, 'the two sources the worker claimed are missing');
    assert.ok(
      logs.some((m) => m.includes('parse worker test failure')),
      `the failure is logged (logs: ${logs.join(' | ')})`,
    );
    assertSameAsFull(text, parser.parseWith(text, roots), 'roots of a parse whose worker failed');
    // The next parse starts a new worker.
    await parallel.parse(['# Title\n']);
    assert.equal(started, 2, 'a new worker for the next parse');
  } finally {
    parallel.dispose();
  }
});

test('ParallelParser: a worker that does not start leaves all the parsing to this thread', { timeout: 60_000 }, async () => {
  const logs: string[] = [];
  const parallel = new ParallelParser(
    () => new Worker(join(__dirname, 'no-such-worker.js')),
    (m) => logs.push(m),
  );
  const sources = new IncrementalParser(TINY).sourcesFor(genSpec(60));
  const { roots } = await parallel.parse(sources);
  assert.equal(roots.length, sources.length);
  assert.ok(logs.length > 0, 'the failure is logged');
  parallel.dispose();
});

test('ParallelParser: the worker stops once its parse is done, and the next parse starts a new one', { timeout: 60_000 }, async () => {
  const workers: Worker[] = [];
  const parallel = new ParallelParser(() => workers[workers.push(realWorker()) - 1], noLog);
  const sources = ['# Title\n', 'Some *text*\n'];
  await parallel.parse(sources);
  // Referenced, so that this test's event loop waits for the exit.
  workers[0].ref();
  await once(workers[0], 'exit');
  const { roots } = await parallel.parse(sources);
  assert.equal(roots.length, 2);
  assert.equal(workers.length, 2, 'a new worker for the next parse');
  parallel.dispose();
});

test('ParallelParser: dispose terminates the worker', { timeout: 60_000 }, async () => {
  let worker: Worker | undefined;
  const parallel = new ParallelParser(() => (worker = realWorker()), noLog);
  await parallel.parse(['# Title\n', 'Some *text*\n']);
  assert.ok(worker, 'the worker was started');
  // Referenced, so that this test's event loop waits for the exit.
  worker.ref();
  const exited = once(worker, 'exit');
  parallel.dispose();
  await exited;
});
