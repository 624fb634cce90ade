// Fixes are offered only once applying them to the text, and analysing it again, shows they work.
import type { Diagnostic } from 'vscode-languageserver-types';
import { buildModel, LineIndex, type SpecModel } from '../model';
import { computeDiagnostics } from '../diagnostics';
import type { EngineSettings } from '../settings';
import { applyOffsetEdits, mapOffset, type Edit } from './edit';

/** The engine's normal analysis of a text (the same settings, day and URI as the analysis being fixed). */
export type Reanalyze = (text: string) => { model: SpecModel; diagnostics: Diagnostic[] };

/** The engine's analysis of a text with nothing kept between calls. */
export function freshAnalysis(settings: EngineSettings, today: string, uri: string): Reanalyze {
  return (text) => {
    const model = buildModel(text);
    return { model, diagnostics: computeDiagnostics(model, settings, today, uri) };
  };
}

function errorCounts(ds: readonly Diagnostic[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of ds) if (d.severity === 1) out.set(String(d.code), (out.get(String(d.code)) ?? 0) + 1);
  return out;
}

/** No rule reports more errors in `after` than in `before` (a fix may reword an error it leaves, as "did you mean"). */
export function addsNoError(before: readonly Diagnostic[], after: readonly Diagnostic[]): boolean {
  const was = errorCounts(before);
  for (const [k, n] of errorCounts(after)) if (n > (was.get(k) ?? 0)) return false;
  return true;
}

/** Findings like `d` (code and message) that start within a line of `line`. */
function near(ds: readonly Diagnostic[], d: Diagnostic, line: number): number {
  let n = 0;
  for (const x of ds) if (x.code === d.code && x.message === d.message && Math.abs(x.range.start.line - line) <= 1) n++;
  return n;
}

/** Fewer findings like `target` are left around its place, mapped through the edits. */
export function removesTarget(
  target: Diagnostic,
  before: readonly Diagnostic[],
  after: readonly Diagnostic[],
  model: SpecModel,
  edits: readonly Edit[],
  afterLines: LineIndex,
): boolean {
  const at = mapOffset(model.lines.offsetAt(target.range.start), edits);
  return near(after, target, afterLines.positionAt(at).line) < near(before, target, target.range.start.line);
}

export interface Verified {
  text: string;
  model: SpecModel;
  diagnostics: Diagnostic[];
}

/**
 * The text after `edits`, analysed, when they remove each of `targets` and add no error; undefined
 * otherwise. `before` are the diagnostics of `model`'s text.
 */
export function verifyEdits(
  model: SpecModel,
  before: readonly Diagnostic[],
  edits: readonly Edit[],
  targets: readonly Diagnostic[],
  reanalyze: Reanalyze,
): Verified | undefined {
  if (!edits.length) return undefined;
  const text = applyOffsetEdits(model.text, edits);
  if (text === model.text) return undefined;
  const after = reanalyze(text);
  if (!addsNoError(before, after.diagnostics)) return undefined;
  const lines = new LineIndex(text);
  if (!targets.every((t) => removesTarget(t, before, after.diagnostics, model, edits, lines))) return undefined;
  return { text, ...after };
}
