import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { dependencyWords, type DependencyRef, type SpecModel, type Task } from '../model';
import { action, type Edit } from './edit';

export interface FoundDependency {
  task: Task;
  ref: DependencyRef;
}

/** The task row and dependency the diagnostic points at; `pick` chooses when the range is wider than one token. */
export function findDependency(model: SpecModel, d: Diagnostic, pick: (t: Task, r: DependencyRef) => boolean): FoundDependency | undefined {
  const at = model.lines.offsetAt(d.range.start);
  const end = model.lines.offsetAt(d.range.end);
  for (const task of model.taskTable?.tasks ?? []) {
    if (at < task.row.span.start || at > task.row.span.end) continue;
    const exact = task.deps.find((r) => r.span.start === at && r.span.end === end);
    if (exact) return { task, ref: exact };
    const inside = task.deps.find((r) => r.span.start <= at && at < r.span.end);
    if (inside) return { task, ref: inside };
    const chosen = task.deps.find((r) => pick(task, r));
    if (chosen) return { task, ref: chosen };
  }
  return undefined;
}

/** The self-dependency a diagnostic points at. */
export function findSelfDependency(model: SpecModel, d: Diagnostic): FoundDependency | undefined {
  return findDependency(model, d, (t, r) => r.id === t.id);
}

/** Removes a dependency and one separator next to it; the last one left becomes `None`. */
export function removeDependency(task: Task, ref: DependencyRef): Edit {
  const cell = task.depsCell!;
  const words = dependencyWords(cell.raw).map((w) => ({ start: cell.span.start + w.wordStart, end: cell.span.start + w.wordEnd }));
  const i = words.findIndex((w) => w.start <= ref.span.start && ref.span.end <= w.end);
  const w = words[i];
  if (words.length === 1) return { start: w.start, end: w.end, text: 'None' };
  if (i + 1 < words.length) return { start: w.start, end: words[i + 1].start, text: '' };
  return { start: words[i - 1].end, end: w.end, text: '' };
}

export function removeDependencyFixes(model: SpecModel, uri: string, d: Diagnostic): CodeAction[] {
  const found = findSelfDependency(model, d);
  if (!found) return [];
  return [action(model, uri, `Remove ${found.ref.id} from the dependencies of ${found.task.id}`, [removeDependency(found.task, found.ref)], [d], true)];
}
