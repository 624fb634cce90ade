import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { SpecModel } from '../model';
import { INVISIBLE } from '../rules/invisible-character';
import { action, type Edit } from './edit';

/** Deletes every invisible or bidirectional control character in the finding's range. */
export function removeInvisibleFixes(model: SpecModel, uri: string, d: Diagnostic): CodeAction[] {
  const start = model.lines.offsetAt(d.range.start);
  const end = model.lines.offsetAt(d.range.end);
  const edits: Edit[] = [];
  for (const m of model.text.slice(start, end).matchAll(INVISIBLE)) edits.push({ start: start + m.index, end: start + m.index + 1, text: '' });
  return edits.length
    ? [action(model, uri, edits.length === 1 ? 'Remove the invisible character' : `Remove the ${edits.length} invisible characters`, edits, [d], true)]
    : [];
}
