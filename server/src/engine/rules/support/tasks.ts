import type { Range } from 'vscode-languageserver-types';
import type { Cell, SpecModel } from '../../model';
import type { EngineSettings } from '../../settings';
import { DEFAULT_SETTINGS } from '../../settings';

/** A cell's range; an empty cell gets the blank between its pipes, so the squiggle is visible. */
export function cellRange(model: SpecModel, cell: Cell): Range {
  if (cell.span.end > cell.span.start) return cell.span.range;
  const { text } = model;
  let s = cell.span.start;
  let e = cell.span.end;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  return model.lines.range(s, e);
}

/** The settings' task ID pattern (validated upstream; the default if it still does not compile). */
export function taskIdRegExp(settings: EngineSettings): RegExp {
  try {
    return new RegExp(settings.taskIdPattern, 'u');
  } catch {
    return new RegExp(DEFAULT_SETTINGS.taskIdPattern, 'u');
  }
}

/** Every non-empty task ID of the table. */
export function taskIds(model: SpecModel): Set<string> {
  const ids = new Set<string>();
  for (const t of model.taskTable?.tasks ?? []) if (t.id) ids.add(t.id);
  return ids;
}

/** `T1>T2` stands for "T2 depends on T1", the direction a mermaid edge `T1 --> T2` draws. */
export const edgeKey = (from: string, to: string): string => `${from}\u0000${to}`;

/** Every ID the Dependencies column names, known or not: what the table itself says the graph should contain. */
export function referencedIds(model: SpecModel): Set<string> {
  const ids = new Set<string>();
  for (const t of model.taskTable?.tasks ?? []) for (const d of t.deps) ids.add(d.id);
  return ids;
}
