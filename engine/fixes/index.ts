// Code actions: each kind of fix in a file of its own, chosen by the fix data a diagnostic carries.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { SpecModel } from '../model';
import type { FixData } from '../rule';
import { addTaskRowFixes } from './addTaskRow';
import { breakCycleFixes } from './breakCycle';
import { removeInvisibleFixes } from './removeInvisible';
import { fixAllAction, FIX_ALL_KIND } from './fixAll';
import { fixOf } from './fixData';
import { formatTableFixes } from './formatTable';
import { offsetEdits } from './edit';
import { verifyEdits, type Reanalyze } from './verify';
import { insertSectionFixes } from './insertSection';
import { regenerateDiagramFixes } from './regenerateDiagram';
import { removeDependencyFixes } from './removeDependency';
import { replaceDependencyFixes } from './replaceDependency';
import { setStatusFixes } from './setStatus';

export { FIX_ALL_KIND, FIX_ALL_KINDS } from './fixAll';
export { freshAnalysis, type Reanalyze } from './verify';

/** LSP kind matching: `source` asks for `source.fixAll.techspec`, `quickfix` for `quickfix`. */
function wants(only: string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((k) => k === '' || kind === k || kind.startsWith(k + '.'));
}

function quickFixes(model: SpecModel, uri: string, d: Diagnostic, fix: FixData, all: Diagnostic[]): CodeAction[] {
  switch (fix.kind) {
    case 'insertSection':
      return insertSectionFixes(model, uri, d, fix, all);
    case 'setStatus':
      return setStatusFixes(model, uri, d);
    case 'replaceDependency':
      return replaceDependencyFixes(model, uri, d, fix);
    case 'removeDependency':
      return removeDependencyFixes(model, uri, d);
    case 'addTaskRow':
      return addTaskRowFixes(model, uri, d, fix);
    case 'regenerateGraph':
      return regenerateDiagramFixes(model, uri, d, all);
    case 'formatTable':
      return formatTableFixes(model, uri, d);
    case 'breakCycle':
      return breakCycleFixes(model, uri, d);
    case 'removeInvisible':
      return removeInvisibleFixes(model, uri, d);
  }
}

/** Our own finding the client's diagnostic stands for (same code and range); the client's `data` is never read. */
function ownFinding(d: Diagnostic, all: readonly Diagnostic[]): Diagnostic[] {
  const same = (a: Range, b: Range) =>
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
  const found = all.filter((o) => o.code === d.code && same(o.range, d.range));
  // Several findings can share a code and range (a task in two cycles): the message picks one when it can.
  const exact = found.filter((o) => o.message === d.message);
  return exact.length ? exact : found;
}

/** Whether applying the action's edits and analysing again shows it works; remembered per model. */
const VERDICTS = new WeakMap<SpecModel, Map<string, boolean>>();

function verified(model: SpecModel, all: Diagnostic[], a: CodeAction, reanalyze: Reanalyze): boolean {
  const edits = offsetEdits(a);
  if (!edits) return false;
  let verdicts = VERDICTS.get(model);
  if (!verdicts) VERDICTS.set(model, (verdicts = new Map()));
  const key = a.title + JSON.stringify(edits) + JSON.stringify(a.diagnostics?.map((d) => [d.code, d.range, d.message]));
  let ok = verdicts.get(key);
  if (ok === undefined) verdicts.set(key, (ok = verifyEdits(model, all, edits, a.diagnostics ?? [], reanalyze) !== undefined));
  return ok;
}

/**
 * The quick fixes of the `context` diagnostics, and fix-all when `only` asks for it. Each is looked up
 * in `all` (our analysis of `model`) and offered only when analysing the fixed text shows that it works
 * (`quickFix` may return a model valid only until its next call; `fixAll`'s models must last).
 */
export function getCodeActions(
  model: SpecModel,
  uri: string,
  _range: Range,
  context: Diagnostic[],
  all: Diagnostic[],
  only: string[] | undefined,
  reanalyze: { quickFix: Reanalyze; fixAll: Reanalyze },
): CodeAction[] {
  const out: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const seen = new Set<string>();
    for (const d of context.flatMap((c) => ownFinding(c, all))) {
      const fix = fixOf(d);
      if (!fix) continue;
      for (const a of quickFixes(model, uri, d, fix, all)) {
        // Several diagnostics can lead to the same fix (the diagram, insert all): offer it once.
        const key = a.title + JSON.stringify(a.edit);
        if (seen.has(key)) continue;
        seen.add(key);
        if (verified(model, all, a, reanalyze.quickFix)) out.push(a);
      }
    }
  }
  if (only && wants(only, FIX_ALL_KIND)) {
    const fixAll = fixAllAction(model, uri, all, reanalyze.fixAll);
    if (fixAll) out.push(fixAll);
  }
  return out;
}
