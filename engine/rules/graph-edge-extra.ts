import type { Finding, Rule, RuleScope } from '../rule';
import type { DependencyDiagram } from '../model';
import { taskGraph } from '../taskGraph';
import { graphTaskEdges, misspells, tableEdges, unknownDependencyIds, unknownDepsByTask } from './support/tasks';

/** Indexes of the diagram's edges that the table does not state. */
function unstated(scope: RuleScope, diagram: DependencyDiagram): number[] {
  const g = taskGraph(scope.model);
  const { from, to } = graphTaskEdges(scope);
  // Edges at nodes that are no task are left to TS503, unless the table names them as a dependency;
  // subgraphs stand for groups of nodes.
  const subgraphs = new Set(diagram.subgraphs);
  const known = (id: string, k: number) => (k >= 0 || unknownDependencyIds(scope).has(id)) && !subgraphs.has(id);
  const at: number[] = [];
  for (let i = 0; i < diagram.edges.length; i++) {
    const f = from[i];
    const t = to[i];
    // Between two different tasks the table lists the edge when the task's dependencies hold it.
    if (f >= 0 && t >= 0 && f !== t && g.depsOf[t].includes(f)) continue;
    const e = diagram.edges[i];
    // The table misspells this edge (`T21` for `T12`): TS406 reports it, once.
    if (
      t >= 0 &&
      unknownDepsByTask(scope)
        .get(t)
        ?.some((u) => misspells(u, e.from.id))
    )
      continue;
    if ((f >= 0 && t >= 0 && f !== t ? false : tableEdges(scope).has(e.from.id, e.to.id)) || !known(e.from.id, f) || !known(e.to.id, t)) continue;
    at.push(i);
  }
  return at;
}

export const graphEdgeExtra: Rule = {
  code: 'TS502',
  name: 'graph-edge-extra',
  defaultSeverity: 'warning',
  description: 'An edge of the Task Dependency Graph is not a dependency in the task table.',
  help: "Add the dependency to the task's Dependencies cell, or regenerate the graph from the table (quick fix).",
  fixes: ['regenerateGraph'],
  check(ctx) {
    const { model, cache } = ctx;
    const { taskTable, diagram } = model;
    // Without a Dependencies column the table states no edges at all; TS402 reports the column.
    if (!taskTable || !diagram || taskTable.columns.deps === undefined) return [];
    // Kept while the numbering, the drawing and its subgraphs are, and no dependency is unknown.
    const unknown = unknownDepsByTask(ctx);
    const deps = [taskGraph(model).depsOf, diagram.subgraphs, unknown.size ? unknown : undefined];
    const at = cache.remember('graph-edge-extra', graphTaskEdges(ctx), deps, () => unstated(ctx, diagram));
    return at.map((i): Finding => {
      const e = diagram.edges[i];
      return {
        range: e.span.range,
        message: `The graph draws ${e.from.id} --> ${e.to.id}, but ${e.to.id} does not list ${e.from.id} in its Dependencies. Add the dependency to the table, or regenerate the graph from it (quick fix).`,
        fix: { kind: 'regenerateGraph' },
      };
    });
  },
};
