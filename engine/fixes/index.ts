// Code actions: each kind of fix in a file of its own, chosen by the fix data a diagnostic carries.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { SpecModel } from '../model';
import type { FixData } from '../rule';
import { addTaskRowFixes } from './addTaskRow';
import { fixAllAction, FIX_ALL_KIND } from './fixAll';
import { fixOf } from './fixData';
import { formatTableFixes } from './formatTable';
import { insertSectionFixes } from './insertSection';
import { regenerateDiagramFixes } from './regenerateDiagram';
import { removeDependencyFixes } from './removeDependency';
import { replaceDependencyFixes } from './replaceDependency';
import { setStatusFixes } from './setStatus';

export { FIX_ALL_KIND, FIX_ALL_KINDS } from './fixAll';

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
  }
}

/** The quick fixes of the `context` diagnostics, and fix-all when `only` asks for it. */
export function getCodeActions(model: SpecModel, uri: string, _range: Range, context: Diagnostic[], all: Diagnostic[], only?: string[]): CodeAction[] {
  const out: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const seen = new Set<string>();
    for (const d of context) {
      const fix = fixOf(d);
      if (!fix) continue;
      for (const a of quickFixes(model, uri, d, fix, all)) {
        // Several diagnostics can lead to the same fix (the diagram, insert all): offer it once.
        const key = a.title + JSON.stringify(a.edit);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(a);
      }
    }
  }
  if (only && wants(only, FIX_ALL_KIND)) {
    const fixAll = fixAllAction(model, uri, all);
    if (fixAll) out.push(fixAll);
  }
  return out;
}
