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

/** The offset edits each action was built from, for verification. */
const OFFSET_EDITS = new WeakMap<CodeAction, Edit[]>();

export function offsetEdits(a: CodeAction): Edit[] | undefined {
  return OFFSET_EDITS.get(a);
}

/** A quick fix that applies `edits` to the document. */
export function action(model: SpecModel, uri: string, title: string, edits: Edit[], diagnostics: Diagnostic[], isPreferred = false): CodeAction {
  const a: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics, edit: { changes: { [uri]: toTextEdits(model, edits) } } };
  if (isPreferred) a.isPreferred = true;
  OFFSET_EDITS.set(a, edits);
  return a;
}

/** `text` with non-overlapping offset edits applied. */
export function applyOffsetEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Where `offset` of the text before the edits is in the text after them (an offset inside an edit goes to its start). */
export function mapOffset(offset: number, edits: readonly Edit[]): number {
  let delta = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    if (e.end <= offset && !(e.start === e.end && e.start === offset)) delta += e.text.length - (e.end - e.start);
    else if (e.start < offset && offset < e.end) return e.start + delta;
  }
  return offset + delta;
}

/** Line breaks of inserted text follow the document's. */
export function withEol(model: SpecModel, s: string): string {
  const eol = model.lines.eol;
  return eol === '\n' ? s : s.replace(/\n/g, eol);
}
