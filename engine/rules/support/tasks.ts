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

const numberedEdges = new WeakMap<SpecModel, DrawnEdges>();
/** By the graph's edge list, which the model memo keeps while the mermaid block is unchanged; valid for one numbering. */
const byEdgeList = new WeakMap<object, { numbering: object; nodeList: object; drawn: DrawnEdges }>();

export function graphTaskEdges(model: SpecModel): DrawnEdges {
  let d = numberedEdges.get(model);
  if (d) return d;
  const { index, ids } = taskGraph(model);
  const edges = model.diagram?.edges ?? [];
  const nodes = model.diagram?.nodes ?? [];
  const kept = model.diagram ? byEdgeList.get(edges) : undefined;
  if (kept && kept.numbering === index && kept.nodeList === nodes) d = kept.drawn;
  else {
    d = { from: new Int32Array(edges.length), to: new Int32Array(edges.length), into: new Array(ids.length), nodes: new Int32Array(nodes.length) };
    for (let i = 0; i < edges.length; i++) {
      const f = (d.from[i] = index.get(edges[i].from.id) ?? -1);
      const t = (d.to[i] = index.get(edges[i].to.id) ?? -1);
      if (f >= 0 && t >= 0) (d.into[t] ??= []).push(f);
    }
    for (let i = 0; i < nodes.length; i++) d.nodes[i] = index.get(nodes[i].id) ?? -1;
    if (model.diagram) byEdgeList.set(edges, { numbering: index, nodeList: nodes, drawn: d });
  }
  numberedEdges.set(model, d);
  return d;
}

const unknownIds = new WeakMap<SpecModel, Set<string>>();

/** IDs the Dependencies column names that no task has. */
export function unknownDependencyIds(model: SpecModel): ReadonlySet<string> {
  let ids = unknownIds.get(model);
  if (!ids) {
    const g = taskGraph(model);
    ids = new Set();
    for (const r of g.rowsWithUnknown) {
      for (let j = g.depStart[r]; j < g.depStart[r + 1]; j++) if (g.depNum[j] < 0) ids.add(g.rows[r].deps[j - g.depStart[r]].id);
    }
    unknownIds.set(model, ids);
  }
  return ids;
}
