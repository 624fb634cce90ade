import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { SpecModel } from '../model';

/** An edit in offsets, turned into a TextEdit once the edits of an action are final. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export function toTextEdits(model: SpecModel, edits: Edit[]): TextEdit[] {
  return [...edits].sort((a, b) => a.start - b.start).map((e) => ({ range: model.lines.range(e.start, e.end), newText: e.text }));
}

/** A quick fix that applies `edits` to the document. */
export function action(model: SpecModel, uri: string, title: string, edits: Edit[], diagnostics: Diagnostic[], isPreferred = false): CodeAction {
  const a: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics, edit: { changes: { [uri]: toTextEdits(model, edits) } } };
  if (isPreferred) a.isPreferred = true;
  return a;
}

/** Line breaks of inserted text follow the document's. */
export function withEol(model: SpecModel, s: string): string {
  const eol = model.lines.eol;
  return eol === '\n' ? s : s.replace(/\n/g, eol);
}
