import type { Finding, Rule } from '../rule';
import { taskGraph } from '../taskGraph';
import { graphTaskEdges, tableEdges, unknownDependencyIds } from './support/tasks';

const extraByDrawing = new WeakMap<object, { depsOf: number[][]; subgraphs: string[]; at: number[] }>();

export const graphEdgeExtra: Rule = {
  code: 'TS502',
  name: 'graph-edge-extra',
  defaultSeverity: 'warning',
  description: 'An edge of the Task Dependency Graph is not a dependency in the task table.',
  fixes: ['regenerateGraph'],
  check({ model }) {
    const { taskTable, diagram: graph } = model;
    // Without a Dependencies column the table states no edges at all; TS402 reports the column.
    if (!taskTable || !graph || taskTable.columns.deps === undefined) return [];
    const g = taskGraph(model);
    const { from, to } = graphTaskEdges(model);
    // Edges at nodes that are no task are left to TS503, unless the table names them as a dependency;
    // subgraphs stand for groups of nodes.
    const subgraphs = new Set(graph.subgraphs);
    const known = (id: string, k: number) => (k >= 0 || unknownDependencyIds(model).has(id)) && !subgraphs.has(id);
    // The edges to report, by index: kept while the numbering, the drawing and its subgraphs are.
    const drawn = graphTaskEdges(model);
    let extra = extraByDrawing.get(drawn);
    if (!extra || extra.depsOf !== g.depsOf || extra.subgraphs !== graph.subgraphs) {
      const at: number[] = [];
      for (let i = 0; i < graph.edges.length; i++) {
        const f = from[i];
        const t = to[i];
        // Between two different tasks the table lists the edge when the task's dependencies hold it.
        if (f >= 0 && t >= 0 && f !== t && g.depsOf[t].includes(f)) continue;
        const e = graph.edges[i];
        if ((f >= 0 && t >= 0 && f !== t ? false : tableEdges(model).has(e.from.id, e.to.id)) || !known(e.from.id, f) || !known(e.to.id, t)) continue;
        at.push(i);
      }
      extraByDrawing.set(drawn, (extra = { depsOf: g.depsOf, subgraphs: graph.subgraphs, at }));
    }
    const out: Finding[] = [];
    for (const i of extra.at) {
      const e = graph.edges[i];
      out.push({
        range: e.span.range,
        message: `The graph draws ${e.from.id} --> ${e.to.id}, but ${e.to.id} does not list ${e.from.id} in its Dependencies. Add the dependency to the table, or regenerate the graph from it (quick fix).`,
        fix: { kind: 'regenerateGraph' },
      });
    }
    return out;
  },
};
