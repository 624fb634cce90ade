// The checks run on every fuzzed document; each failure is a kind, a signature and a detail.
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { applyEdits, createLanguageService, fixAll, lint, FIX_ALL_KIND } from '../../engine';
import { lineLengths, rangeProblem } from './checks';
import type { Rng } from './mutate';

export const URI = 'file:///fuzz/doc.spec.md';
export const TODAY = '2026-12-03';
const opts = { uri: URI, today: TODAY };
export interface Failure {
  kind: string;
  sig: string;
  detail: string;
}
/** `sigText`, when given, stands for the detail in the failure's signature. */
type Report = (kind: string, code: string, detail: string, sigText?: string) => void;

/** A message with its numbers and quoted bits replaced, so similar failures share a signature. */
const shape = (m: string) =>
  m
    .replace(/`[^`]*`|"[^"]*"|'[^']*'|\[[^\]]*\]/g, 'Q')
    .replace(/\d+/g, 'N')
    .slice(0, 80);
const near = (a: Range, b: Range) => Math.abs(a.start.line - b.start.line) <= 1;
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 1);
const msg = (d: Diagnostic) => String(d.message);
const key = (d: Diagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;

/** Runs every check on `text` (a mutant of `seed`), reporting failures. */
export function checkDocument(text: string, seed: string, rng: Rng, report: Report): void {
  const svc = createLanguageService({ today: () => TODAY });
  const t0 = performance.now();
  const a = guard(report, 'analyze', () => svc.analyze({ uri: URI, version: 1, text }));
  if (performance.now() - t0 > 2000) report('slow', '', `analyze took ${Math.round(performance.now() - t0)} ms`);
  if (!a) return;
  const lens = lineLengths(text);
  const inRange = (what: string, code: string, r: Range) => {
    const p = rangeProblem(r, lens);
    if (p) report('range', code, `${what}: ${p}`);
  };
  for (const d of a.diagnostics) {
    inRange('diagnostic', String(d.code), d.range);
    for (const ri of d.relatedInformation ?? []) if (ri.location.uri === URI) inRange('relatedInformation', String(d.code), ri.location.range);
  }
  guard(report, 'lint', () => lint(text, opts));
  checkFixes(text, a.diagnostics, (r) => svc.getCodeActions(a, r.range, [r]), report, inRange);
  checkFixAll(text, a, svc, report, inRange);
  checkPositions(svc, a, text, rng, report);
  checkIncremental(text, seed, a.diagnostics, report);
}

/** Calls `f`, reporting an exception as kind `exception`. */
function guard<T>(report: Report, what: string, f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    const err = e as Error;
    report('exception', what, `${what}: ${err?.message}\n${String(err?.stack).split('\n').slice(1, 3).join('\n')}`);
    return undefined;
  }
}

/** Each quick fix for each diagnostic: edits in range, target gone, no new error. */
function checkFixes(
  text: string,
  diags: Diagnostic[],
  actionsFor: (d: Diagnostic) => ReturnType<ReturnType<typeof createLanguageService>['getCodeActions']>,
  report: Report,
  inRange: (w: string, c: string, r: Range) => void,
): void {
  const beforeErrors = new Set(errors(diags).map((d) => `${d.code} ${shape(msg(d))}`));
  const verified = new Map<string, number>();
  for (const d of diags) {
    const actions = guard(report, 'getCodeActions', () => actionsFor(d)) ?? [];
    for (const act of actions) {
      const edits = act.edit?.changes?.[URI] ?? [];
      edits.forEach((e) => inRange(`edit of "${act.title}"`, String(d.code), e.range));
      if (!edits.length || act.kind !== 'quickfix') continue;
      // at most 3 verifications per rule and fix shape in one document, to keep the run fast
      const vk = `${d.code} ${shape(act.title)}`,
        seenN = verified.get(vk) ?? 0;
      verified.set(vk, seenN + 1);
      if (seenN >= 3) continue;
      const after = guard(report, 'applyEdits', () => lint(applyEdits(text, edits), opts));
      if (!after) continue;
      const nearBy = (ds: Diagnostic[]) => ds.filter((x) => x.code === d.code && x.message === d.message && near(x.range, d.range)).length;
      if (nearBy(after) >= nearBy(diags))
        report('fix-keeps', String(d.code), `fix "${act.title}" left ${d.code} "${d.message}" near line ${d.range.start.line}`, msg(d));
      for (const n of errors(after))
        if (!beforeErrors.has(`${n.code} ${shape(msg(n))}`))
          report('fix-new-error', `${d.code}->${n.code}`, `fix "${act.title}" for ${d.code} added ${n.code} "${n.message}"`, msg(n));
    }
  }
}

/** source.fixAll via the service and fixAll(): ranges in, idempotent, no new TS409. */
function checkFixAll(
  text: string,
  a: ReturnType<ReturnType<typeof createLanguageService>['analyze']>,
  svc: ReturnType<typeof createLanguageService>,
  report: Report,
  inRange: (w: string, c: string, r: Range) => void,
): void {
  const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  guard(report, 'getCodeActions(fixAll)', () => svc.getCodeActions(a, whole, [], [FIX_ALL_KIND]));
  const edits = guard(report, 'fixAll', () => fixAll(text, opts));
  if (!edits?.length) return;
  edits.forEach((e: TextEdit) => inRange('fixAll edit', '', e.range));
  const fixed = guard(report, 'applyEdits', () => applyEdits(text, edits));
  if (fixed === undefined) return;
  const again = guard(report, 'fixAll', () => fixAll(fixed, opts)) ?? [];
  if (again.length) report('fixall-not-idempotent', '', `second fixAll gave ${again.length} edits, first: ${JSON.stringify(again[0]).slice(0, 200)}`);
  const cycles = (t: string) => lint(t, opts).filter((d) => d.code === 'TS409').length;
  const before = cycles(text),
    after = guard(report, 'lint', () => cycles(fixed)) ?? 0;
  if (after > before) report('fixall-new-cycle', 'TS409', `TS409 count ${before} -> ${after}`);
}

/** Completion, hover, definition, references and prepareRename at random positions, some past the end. */
function checkPositions(
  svc: ReturnType<typeof createLanguageService>,
  a: ReturnType<ReturnType<typeof createLanguageService>['analyze']>,
  text: string,
  rng: Rng,
  report: Report,
): void {
  const lens = lineLengths(text);
  for (let k = 0; k < 4; k++) {
    const line = rng.int(lens.length + 2);
    const pos = { line, character: rng.int((lens[line] ?? 3) + 3) };
    guard(report, 'getCompletions', () => svc.getCompletions(a, pos));
    guard(report, 'getHover', () => svc.getHover(a, pos));
    guard(report, 'getDefinition', () => svc.getDefinition(a, pos));
    guard(report, 'getReferences', () => svc.getReferences(a, pos, true));
    guard(report, 'prepareRename', () => svc.prepareRename(a, pos));
  }
}

/** Seed then mutant as version 2 gives the same diagnostics as a fresh analysis. */
function checkIncremental(text: string, seed: string, fresh: Diagnostic[], report: Report): void {
  const svc = createLanguageService({ today: () => TODAY });
  const inc = guard(report, 'analyze(incremental)', () => {
    svc.analyze({ uri: URI, version: 1, text: seed });
    return svc.analyze({ uri: URI, version: 2, text });
  });
  if (!inc) return;
  const f = fresh.map(key).sort(),
    i = inc.diagnostics.map(key).sort();
  const extra = i.filter((x) => !f.includes(x)),
    missing = f.filter((x) => !i.includes(x));
  if (extra.length || missing.length)
    report(
      'incremental',
      String((extra[0] ?? missing[0]).split('@')[0]),
      `extra: ${extra.slice(0, 2).join(' | ')} missing: ${missing.slice(0, 2).join(' | ')}`,
    );
}

export { shape };
