// The checks run on every fuzzed document; each failure is a kind, a signature and a detail.
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { applyEdits, createLanguageService, lint, rules, FIX_ALL_KIND, type Analysis, type LanguageService } from '../../engine';
import { lineLengths, rangeProblem } from './checks';
import type { Rng } from './mutate';

export const URI = 'file:///fuzz/doc.spec.md';
export const TODAY = '2026-12-03';
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
const msg = (d: Diagnostic) => String(d.message);
const key = (d: Diagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;
const FIXABLE = new Set(rules.filter((r) => r.fixable).map((r) => r.code));

/** Quick-fix requests per document (on fixable findings, chosen at random): each offered fix is then checked. */
const REQUESTS = 3;

/**
 * Services kept between documents: `incremental` analyses each seed then its mutant (as an editor's
 * versions), `checker` analyses fixed texts. Both are compared with or stand for fresh analyses.
 */
export class Fuzzer {
  private readonly incremental = createLanguageService({ today: () => TODAY });
  private readonly checker = createLanguageService({ today: () => TODAY });
  private version = 0;

  /** The diagnostics of `text`, by the checker. */
  private check(text: string): Diagnostic[] {
    return this.checker.analyze({ uri: URI, version: ++this.version, text }).diagnostics;
  }

  /** Runs every check on `text` (a mutant of `seed`), reporting failures. */
  checkDocument(text: string, seed: string, rng: Rng, report: Report): void {
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
    this.checkFixes(text, svc, a, rng, report, inRange);
    this.checkFixAll(text, svc, a, report, inRange);
    checkPositions(svc, a, text, rng, report);
    this.checkIncremental(text, seed, a.diagnostics, report);
  }

  /** Quick fixes of a few fixable findings: edits in range, and each offered fix removes its finding and adds no error. */
  private checkFixes(text: string, svc: LanguageService, a: Analysis, rng: Rng, report: Report, inRange: (w: string, c: string, r: Range) => void): void {
    const fixable = a.diagnostics.filter((d) => FIXABLE.has(String(d.code)));
    const chosen = fixable.length <= REQUESTS ? fixable : Array.from({ length: REQUESTS }, () => fixable[rng.int(fixable.length)]);
    const beforeErrors = errorCounts(a.diagnostics);
    for (const d of new Set(chosen)) {
      const actions = guard(report, 'getCodeActions', () => svc.getCodeActions(a, d.range, [d])) ?? [];
      for (const act of actions) {
        const edits = act.edit?.changes?.[URI] ?? [];
        edits.forEach((e) => inRange(`edit of "${act.title}"`, String(d.code), e.range));
        if (act.kind !== 'quickfix') continue;
        if (!edits.length) report('fix-empty', String(d.code), `fix "${act.title}" has no edit`);
        const fixed = guard(report, 'applyEdits', () => applyEdits(text, edits));
        const after = fixed === undefined ? undefined : guard(report, 'analyze(fixed)', () => this.check(fixed));
        if (!after) continue;
        this.verifyFix(d, act, text, fixed!, a.diagnostics, after, beforeErrors, report);
      }
    }
  }

  private verifyFix(
    d: Diagnostic,
    act: CodeAction,
    text: string,
    fixed: string,
    before: Diagnostic[],
    after: Diagnostic[],
    beforeErrors: Map<string, number>,
    report: Report,
  ): void {
    // The finding's line, moved by the lines the fix added or removed before it.
    const shift = lineLengths(fixed).length - lineLengths(text).length;
    const firstEdit = Math.min(...(act.edit!.changes![URI] ?? []).map((e) => e.range.start.line));
    const line = d.range.start.line + (firstEdit < d.range.start.line ? shift : 0);
    const nearBy = (ds: Diagnostic[], l: number) =>
      ds.filter((x) => x.code === d.code && x.message === d.message && Math.abs(x.range.start.line - l) <= 1).length;
    if (nearBy(after, line) >= nearBy(before, d.range.start.line))
      report('fix-keeps', String(d.code), `fix "${act.title}" left ${d.code} "${d.message}" near line ${d.range.start.line}`, msg(d));
    for (const [code, n] of errorCounts(after))
      if (n > (beforeErrors.get(code) ?? 0)) {
        const example = after.find((x) => x.code === code && x.severity === 1)!;
        report('fix-new-error', `${d.code}->${code}`, `fix "${act.title}" for ${d.code} added ${code} "${example.message}"`, msg(example));
      }
  }

  /** source.fixAll: edits in range, idempotent (a second run offers nothing), no more errors, no new cycle. */
  private checkFixAll(text: string, svc: LanguageService, a: Analysis, report: Report, inRange: (w: string, c: string, r: Range) => void): void {
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [action] = guard(report, 'getCodeActions(fixAll)', () => svc.getCodeActions(a, whole, [], [FIX_ALL_KIND])) ?? [];
    const edits = action?.edit?.changes?.[URI];
    if (!edits?.length) return;
    edits.forEach((e) => inRange('fixAll edit', '', e.range));
    const fixed = guard(report, 'applyEdits', () => applyEdits(text, edits));
    if (fixed === undefined) return;
    const again = guard(report, 'fixAll(again)', () => {
      const b = this.checker.analyze({ uri: URI, version: ++this.version, text: fixed });
      for (const [code, n] of errorCounts(b.diagnostics))
        if (n > (errorCounts(a.diagnostics).get(code) ?? 0))
          report(code === 'TS409' ? 'fixall-new-cycle' : 'fixall-new-error', code, `fixAll: more ${code} errors (${n})`);
      return this.checker.getCodeActions(b, whole, [], [FIX_ALL_KIND]);
    });
    if (again?.length) {
      const e = again[0].edit?.changes?.[URI] ?? [];
      report('fixall-not-idempotent', '', `second fixAll gave ${e.length} edits, first: ${JSON.stringify(e[0]).slice(0, 200)}`);
    }
  }

  /** The seed then the mutant, as the next versions of one document, give the same diagnostics as a fresh analysis. */
  private checkIncremental(text: string, seed: string, fresh: Diagnostic[], report: Report): void {
    const inc = guard(report, 'analyze(incremental)', () => {
      this.incremental.analyze({ uri: URI, version: ++this.version, text: seed });
      return this.incremental.analyze({ uri: URI, version: ++this.version, text });
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
}

function errorCounts(ds: Diagnostic[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of ds) if (d.severity === 1) out.set(String(d.code), (out.get(String(d.code)) ?? 0) + 1);
  return out;
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

/** Completion, hover, definition, references and prepareRename at random positions, some past the end; and the one-shot lint. */
function checkPositions(svc: LanguageService, a: Analysis, text: string, rng: Rng, report: Report): void {
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
  if (rng.int(10) === 0) guard(report, 'lint', () => lint(text, { uri: URI, today: TODAY }));
}

export { shape };
