import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { SpecModel } from '../model';
import { canFormatFixCellCount, formatTableAt } from '../tableFormat';

/** "Format table" on a row with too few cells: formatting pads it with empty cells. Nothing when which cells are missing would be a guess. */
export function formatTableFixes(model: SpecModel, uri: string, d: Diagnostic): CodeAction[] {
  const line = d.range.start.line;
  if (!canFormatFixCellCount(model.text, line)) return [];
  const edits = formatTableAt(model.text, { line, character: 0 });
  if (!edits.length) return [];
  return [{ title: 'Format table', kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [uri]: edits } } }];
}
