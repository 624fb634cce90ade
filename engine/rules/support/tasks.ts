import type { SpecModel } from '../../model';
import type { RuleScope } from '../../rule';
import type { EngineSettings } from '../../settings';
import type { TemplateSchema } from '../../template/schema';
import { taskGraph } from '../../taskGraph';
import { isAdjacentSwap, levenshtein } from '../../text';

/** The settings' task ID pattern, else the template's (validated upstream; the template's if it still does not compile). */
export function taskIdRegExp(settings: EngineSettings, schema: TemplateSchema): RegExp {
  try {
    return new RegExp(settings.taskIdPattern ?? schema.taskId.pattern, 'u');
  } catch {
    return new RegExp(schema.taskId.pattern, 'u');
  }
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

/** Every edge the Dependencies column states, unknown and self dependencies included. */
export function tableEdges({ model, cache }: RuleScope): EdgeSet {
  return cache.remember('tableEdges', model, [], () => {
    const set = new EdgeSet();
    for (const t of model.taskTable?.tasks ?? []) for (const d of t.deps) set.add(d.id, t.id);
    return set;
  });
}

/** The Task Dependency Graph's nodes and edges in task numbers (the task graph's). */
export interface DrawnEdges {
  /** Per edge of model.diagram.edges: its ends' task numbers, -1 for a node that is no task. */
  from: Int32Array;
  to: Int32Array;
  /** Task number → numbers of the tasks drawn with an edge into it (undefined: none). */
  into: (number[] | undefined)[];
  /** Per node of model.diagram.nodes: its task number, -1 when it is no task. */
  nodes: Int32Array;
}

/**
 * The diagram's edges and nodes numbered, per model; kept by the diagram's edge list (which the model
 * memo keeps while the mermaid block is unchanged) while the task numbering and node list are the same.
 */
export function graphTaskEdges({ model, cache }: RuleScope): DrawnEdges {
  return cache.remember('graphTaskEdges', model, [], () => {
    const diagram = model.diagram;
    if (!diagram) return numberEdges(model);
    return cache.remember('graphTaskEdges by edge list', diagram.edges, [taskGraph(model).index, diagram.nodes], () => numberEdges(model));
  });
}

function numberEdges(model: SpecModel): DrawnEdges {
  const { index, ids } = taskGraph(model);
  const edges = model.diagram?.edges ?? [];
  const nodes = model.diagram?.nodes ?? [];
  const d: DrawnEdges = {
    from: new Int32Array(edges.length),
    to: new Int32Array(edges.length),
    into: new Array(ids.length),
    nodes: new Int32Array(nodes.length),
  };
  for (let i = 0; i < edges.length; i++) {
    const f = (d.from[i] = index.get(edges[i].from.id) ?? -1);
    const t = (d.to[i] = index.get(edges[i].to.id) ?? -1);
    if (f >= 0 && t >= 0) (d.into[t] ??= []).push(f);
  }
  for (let i = 0; i < nodes.length; i++) d.nodes[i] = index.get(nodes[i].id) ?? -1;
  return d;
}

/** IDs the Dependencies column names that no task has. */
export function unknownDependencyIds({ model, cache }: RuleScope): ReadonlySet<string> {
  return cache.remember('unknownDependencyIds', model, [], () => {
    const g = taskGraph(model);
    const ids = new Set<string>();
    for (const r of g.rowsWithUnknown) {
      for (let j = g.depStart[r]; j < g.depStart[r + 1]; j++) if (g.depNum[j] < 0) ids.add(g.rows[r].deps[j - g.depStart[r]].id);
    }
    return ids;
  });
}

/**
 * Whether `written` is a likely misspelling of `id`: one edit per three characters (at least one),
 * or two neighbouring characters swapped (`T21` for `T12`).
 */
export function misspells(written: string, id: string): boolean {
  if (written === id) return false;
  const limit = Math.max(1, Math.floor(id.length / 3));
  return levenshtein(written, id, limit) <= limit || isAdjacentSwap(written, id);
}

/** Task number → the IDs its Dependencies cells name that no task has (only tasks with some). */
export function unknownDepsByTask({ model, cache }: RuleScope): Map<number, string[]> {
  return cache.remember('unknownDepsByTask', model, [], () => {
    const g = taskGraph(model);
    const out = new Map<number, string[]>();
    for (const r of g.rowsWithUnknown) {
      const k = g.rowId[r];
      if (k < 0) continue;
      for (let j = g.depStart[r]; j < g.depStart[r + 1]; j++) {
        if (g.depNum[j] >= 0) continue;
        const list = out.get(k) ?? [];
        list.push(g.rows[r].deps[j - g.depStart[r]].id);
        out.set(k, list);
      }
    }
    return out;
  });
}
