import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { SpecModel } from '../model';
import { cycleMessage } from '../rules/dependency-cycle';
import { findCycles, taskGraph } from '../taskGraph';
import { action } from './edit';
import { removeDependency } from './removeDependency';

/** Edges offered for one cycle: a longer cycle gets fixes for its first ones. */
const MAX_EDGES = 20;

/** One fix per edge of the cycle the diagnostic reports: "Remove T9 from T7's dependencies". */
export function breakCycleFixes(model: SpecModel, uri: string, d: Diagnostic): CodeAction[] {
  const g = taskGraph(model);
  const cycle = findCycles(g).find((c) => cycleMessage(c) === d.message);
  if (!cycle) return [];
  const out: CodeAction[] = [];
  for (let i = 0; i < cycle.length && out.length < MAX_EDGES; i++) {
    // Each member depends on the one before it.
    const task = g.tasks.get(cycle[i])!;
    const dep = cycle[(i + cycle.length - 1) % cycle.length];
    const refs = task.deps.filter((r) => r.id === dep);
    // Named twice: removing one leaves the edge, so no single edit breaks it here.
    if (refs.length !== 1 || !task.depsCell) continue;
    out.push(action(model, uri, `Remove ${dep} from ${task.id}'s dependencies`, [removeDependency(task, refs[0])], [d]));
  }
  return out;
}
