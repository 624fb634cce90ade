import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lint, rules } from '../../engine/index.ts';
import {
  CORPUS_DIR,
  corpusFiles,
  formatScore,
  match,
  MIN_SCORE,
  readExpected,
  reportedFor,
  scoreCorpus,
  sidecarOf,
  TODAY,
  type Expected,
  type Reported,
} from '../../scripts/corpus.ts';

/** The realistic-spec corpus (test/corpus/) and the matching logic of `npm run corpus`. */

const RULE_CODES = new Set(rules.map((r) => r.code));
const specs = corpusFiles();

test('corpus: at least 14 specs, at least 6 of them clean, from ~60 to ~400 lines', () => {
  assert.ok(specs.length >= 14, `${specs.length} specs`);
  const clean = specs.filter((s) => readExpected(s).length === 0);
  assert.ok(clean.length >= 6, `${clean.length} clean specs`);
  const sizes = specs.map((s) => readFileSync(s, 'utf8').split('\n').length);
  assert.ok(Math.min(...sizes) <= 80 && Math.max(...sizes) >= 300, `sizes ${sizes.join(', ')}`);
});

test('corpus: every spec has a well-formed sidecar; every sidecar has its spec', () => {
  for (const spec of specs) {
    const name = basename(spec);
    assert.ok(existsSync(sidecarOf(spec)), `${name} has no ${basename(sidecarOf(spec))}`);
    const expected = readExpected(spec) as unknown;
    assert.ok(Array.isArray(expected), `${name}: sidecar is not a list`);
    const lineCount = readFileSync(spec, 'utf8').split('\n').length;
    for (const e of expected as Expected[]) {
      assert.deepEqual(Object.keys(e).sort(), ['code', 'line', 'why'], `${name}: ${JSON.stringify(e)}`);
      assert.ok(RULE_CODES.has(e.code) || /^NEW-[a-z0-9]+(-[a-z0-9]+)*$/.test(e.code), `${name}: unknown code ${e.code}`);
      assert.ok(Number.isInteger(e.line) && e.line >= 1 && e.line <= lineCount, `${name}: line ${e.line} out of 1..${lineCount}`);
      assert.ok(typeof e.why === 'string' && e.why.trim().length > 0, `${name}: finding on line ${e.line} says not why`);
    }
  }
  const specSidecars = new Set(specs.map(sidecarOf));
  for (const f of readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.expected.json'))) {
    assert.ok(specSidecars.has(join(CORPUS_DIR, f)), `${f} belongs to no corpus spec`);
  }
});

const r = (code: string, line: number): Reported => ({ code, line, message: `${code} at ${line}`, severity: 2 });
const e = (code: string, line: number): Expected => ({ code, line, why: `${code} at ${line}` });

test('match: same code and same line is a true positive; anything else is a false positive and a miss', () => {
  const s = match([r('TS406', 10), r('TS406', 11), r('TS701', 20), r('TS501', 30)], [e('TS406', 10), e('TS502', 30), e('NEW-total-mismatch', 40)]);
  assert.equal(s.reported, 4);
  assert.equal(s.expected, 3);
  assert.equal(s.truePositives, 1);
  assert.equal(s.precision, 1 / 4);
  assert.equal(s.recall, 1 / 3);
  assert.deepEqual(
    s.falsePositives.map((f) => `${f.code}@${f.line}`),
    ['TS406@11', 'TS701@20', 'TS501@30'],
  );
  assert.deepEqual(
    s.misses.map((m) => `${m.code}@${m.line}`),
    ['TS502@30', 'NEW-total-mismatch@40'],
  );
});

test('match: one to one, so two reports on one expected line count once, and two findings need two reports', () => {
  const once = match([r('TS409', 5), r('TS409', 5)], [e('TS409', 5)]);
  assert.equal(once.truePositives, 1);
  assert.equal(once.falsePositives.length, 1);
  const twice = match([r('TS701', 7), r('TS701', 7)], [e('TS701', 7), e('TS701', 7)]);
  assert.equal(twice.truePositives, 2);
  assert.equal(twice.precision, 1);
  assert.equal(twice.recall, 1);
});

test('match: a tolerance pairs nearest lines first', () => {
  const s = match([r('TS406', 11), r('TS406', 12)], [e('TS406', 12), e('TS406', 10)], 1);
  assert.equal(s.truePositives, 2);
  assert.deepEqual(match([r('TS406', 11)], [e('TS406', 10)]).truePositives, 0);
});

test('match: nothing reported and nothing expected is perfect', () => {
  const s = match([], []);
  assert.equal(s.precision, 1);
  assert.equal(s.recall, 1);
});

test('reportedFor: errors and warnings only, lines 1-based', () => {
  // Sections out of the template's order: TS102 is information and not counted; Status WIP is a warning on line 2.
  const text = '# Technical Spec: X\n> **Status**: WIP\n\n## Risks & Mitigations\n\nNone.\n\n## Overview\n\nText.\n';
  const raw = lint(text, { uri: 'file:///w/x.spec.md', today: '2026-12-01' });
  assert.ok(
    raw.some((d) => d.code === 'TS102' && d.severity === 3),
    'the example needs an information diagnostic to filter',
  );
  const got = reportedFor(text, 'file:///w/x.spec.md');
  assert.ok(got.every((d) => d.severity === 1 || d.severity === 2));
  assert.ok(
    got.some((d) => d.code === 'TS202' && d.line === 2),
    JSON.stringify(got),
  );
  assert.ok(!got.some((d) => d.code === 'TS102'));
});

test(`corpus: precision and recall at least ${MIN_SCORE * 100}%`, (t) => {
  const score = scoreCorpus();
  const { reported, expected, truePositives, precision, recall } = score.overall;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const line = `corpus: ${score.specs.length} specs, reported ${reported}, expected ${expected}, TP ${truePositives}, precision ${pct(precision)}, recall ${pct(recall)}`;
  t.diagnostic(line);
  assert.ok(precision >= MIN_SCORE && recall >= MIN_SCORE, `${line}\n${formatScore(score)}`);
});

test('corpus: every correct spec gets no diagnostic at all, of any severity', () => {
  for (const spec of specs.filter((s) => readExpected(s).length === 0)) {
    const text = readFileSync(spec, 'utf8');
    const all = lint(text, {
      uri: pathToFileURL(spec).href,
      today: TODAY,
      force: true,
      fileExists: (p, d) => existsSync(resolve(dirname(fileURLToPath(d)), p)),
    });
    assert.deepEqual(
      all.map((d) => `${d.code} line ${d.range.start.line + 1}: ${d.message}`),
      [],
      basename(spec),
    );
  }
});
