import type { CompletionItem, Position } from 'vscode-languageserver-types';
import type { SpecModel } from './model';

// Replaced by the completion work.
export function getCompletions(_model: SpecModel, _position: Position): CompletionItem[] {
  return [];
}
