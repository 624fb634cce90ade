import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { SpecModel } from '../model';
import { canFormatFixCellCount, formatTableAt } from '../tableFormat';
import { action } from './edit';

/** "Format table" on a row with too few cells: formatting pads it with empty cells. Nothing when which cells are missing would be a guess. */
export function formatTableFixes(model: SpecModel, uri: string, d: Diagnostic): CodeAction[] {
  const line = d.range.start.line;
  if (!canFormatFixCellCount(model.text, line)) return [];
  const edits = formatTableAt(model.text, { line, character: 0 }).map((e) => ({
    start: model.lines.offsetAt(e.range.start),
    end: model.lines.offsetAt(e.range.end),
    text: e.newText,
  }));
  return edits.length ? [action(model, uri, 'Format table', edits, [d])] : [];
}
