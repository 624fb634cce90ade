import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { SpecModel } from './model';

// Replaced by the code-actions work.
export function getCodeActions(_model: SpecModel, _uri: string, _range: Range, _context: Diagnostic[], _all: Diagnostic[], _only?: string[]): CodeAction[] {
  return [];
}
