import type { Finding, Rule } from '../rule';
import { referencedIds, tableEdges, tasksById } from './support/tasks';

export const graphEdgeExtra: Rule = {
  code: 'TS502',
  name: 'graph-edge-extra',
  defaultSeverity: 'warning',
  description: 'An edge of the Task Dependency Graph is not a dependency in the task table.',
  check({ model }) {
    const { taskTable, graph } = model;
    // Without a Dependencies column the table states no edges at all; TS402 reports the column.
    if (!taskTable || !graph || taskTable.columns.deps === undefined) return [];
    const listed = tableEdges(model);
    // Edges at nodes that are no task are left to TS503; subgraphs stand for groups of nodes.
    const ids = tasksById(model);
    const referenced = referencedIds(model);
    const subgraphs = new Set(graph.subgraphs);
    const known = (id: string) => (ids.has(id) || referenced.has(id)) && !subgraphs.has(id);
    const out: Finding[] = [];
    for (const e of graph.edges) {
      if (listed.has(e.from.id, e.to.id) || !known(e.from.id) || !known(e.to.id)) continue;
      out.push({
        range: e.span.range,
        message: `The graph draws ${e.from.id} --> ${e.to.id}, but ${e.to.id} does not list ${e.from.id} in its Dependencies. Add the dependency to the table, or regenerate the graph from it (quick fix).`,
        fix: { kind: 'regenerateGraph' },
      });
    }
    return out;
  },
};
