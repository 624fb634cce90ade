import type { SpecModel } from '../../model';
import type { EngineSettings } from '../../settings';
import { DEFAULT_SETTINGS } from '../../settings';
import { taskGraph } from '../../taskGraph';

/** The settings' task ID pattern (validated upstream; the default if it still does not compile). */
export function taskIdRegExp(settings: EngineSettings): RegExp {
  try {
    return new RegExp(settings.taskIdPattern, 'u');
  } catch {
    return new RegExp(DEFAULT_SETTINGS.taskIdPattern, 'u');
  }
}

/** Every non-empty task ID of the table, to its first row (the shared, cached task graph's). */
export function tasksById(model: SpecModel): ReadonlyMap<string, unknown> {
  return taskGraph(model).tasks;
}

/** Directed edges `from → to` ("to depends on from", as mermaid's `from --> to` draws it), without building string keys. */
export class EdgeSet {
  private readonly out = new Map<string, Set<string>>();

  add(from: string, to: string): void {
    let targets = this.out.get(from);
    if (!targets) this.out.set(from, (targets = new Set()));
    targets.add(to);
  }

  has(from: string, to: string): boolean {
    return this.out.get(from)?.has(to) ?? false;
  }
}

const listedEdges = new WeakMap<SpecModel, EdgeSet>();
const drawnEdges = new WeakMap<SpecModel, EdgeSet>();
const referenced = new WeakMap<SpecModel, Set<string>>();

/** Every edge the Dependencies column states, unknown and self dependencies included. */
export function tableEdges(model: SpecModel): EdgeSet {
  let set = listedEdges.get(model);
  if (!set) {
    set = new EdgeSet();
    for (const t of model.taskTable?.tasks ?? []) for (const d of t.deps) set.add(d.id, t.id);
    listedEdges.set(model, set);
  }
  return set;
}

/** Every edge the Task Dependency Graph draws. */
export function graphEdges(model: SpecModel): EdgeSet {
  let set = drawnEdges.get(model);
  if (!set) {
    set = new EdgeSet();
    for (const e of model.graph?.edges ?? []) set.add(e.from.id, e.to.id);
    drawnEdges.set(model, set);
  }
  return set;
}

/** Every ID the Dependencies column names, known or not: what the table itself says the graph may contain. */
export function referencedIds(model: SpecModel): ReadonlySet<string> {
  let ids = referenced.get(model);
  if (!ids) {
    ids = new Set();
    for (const t of model.taskTable?.tasks ?? []) for (const d of t.deps) ids.add(d.id);
    referenced.set(model, ids);
  }
  return ids;
}
