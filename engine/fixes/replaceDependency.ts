import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { SpecModel } from '../model';
import type { FixData } from '../rule';
import { taskGraph } from '../taskGraph';
import { action } from './edit';
import { findDependency, removeDependency, type FoundDependency } from './removeDependency';

type ReplaceDependency = Extract<FixData, { kind: 'replaceDependency' }>;

/** The unknown dependency a diagnostic points at. */
export function findUnknownDependency(model: SpecModel, d: Diagnostic): FoundDependency | undefined {
  return findDependency(model, d, (t, r) => r.id !== t.id && !taskGraph(model).tasks.has(r.id));
}

/** Replace the ID with the suggestion; when the task already depends on that, remove it instead. */
export function replaceDependencyFixes(model: SpecModel, uri: string, d: Diagnostic, fix: ReplaceDependency): CodeAction[] {
  const found = findUnknownDependency(model, d);
  if (!found) return [];
  const { task, ref } = found;
  if (task.deps.some((o) => o.id === fix.suggestion)) {
    return [action(model, uri, `Remove ${ref.id} (${fix.suggestion} is already a dependency)`, [removeDependency(task, ref)], [d], true)];
  }
  return [
    action(model, uri, `Replace ${ref.id} with ${fix.suggestion}`, [{ start: ref.span.start, end: ref.span.end, text: fix.suggestion }], [d], true),
    action(model, uri, `Remove ${ref.id} from the dependencies of ${task.id}`, [removeDependency(task, ref)], [d]),
  ];
}
