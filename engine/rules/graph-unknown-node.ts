import type { Finding, Rule } from '../rule';
import type { GraphNodeRef } from '../model';
import { graphTaskEdges, unknownDependencyIds } from './support/tasks';

/** Nodes that are no task, by the diagram's node numbering. */
function nodesWithoutTask(numbers: Int32Array): number[] {
  const found: number[] = [];
  for (let i = 0; i < numbers.length; i++) if (numbers[i] < 0) found.push(i);
  return found;
}

export const graphUnknownNode: Rule = {
  code: 'TS503',
  name: 'graph-unknown-node',
  defaultSeverity: 'warning',
  description: 'A node of the Task Dependency Graph is no task of the table.',
  help: 'Draw only tasks of the table in the graph: fix the node ID or add the task.',
  fixes: ['regenerateGraph'],
  check(ctx) {
    const { model, cache } = ctx;
    const { taskTable, diagram: graph } = model;
    if (!taskTable || !graph) return [];
    const numbers = graphTaskEdges(ctx).nodes;
    // An ID the table lists as a dependency is drawn as the table says; TS406 reports it there.
    const referenced = unknownDependencyIds(ctx);
    const subgraphs = new Set(graph.subgraphs);
    const occurrences = new Map<string, GraphNodeRef[]>();
    // The node numbering is kept while the mermaid block and the task IDs are.
    for (const i of cache.remember('graph-unknown-node', numbers, [], () => nodesWithoutTask(numbers))) {
      const n = graph.nodes[i];
      if (referenced.has(n.id) || subgraphs.has(n.id)) continue;
      const list = occurrences.get(n.id);
      if (list) list.push(n);
      else occurrences.set(n.id, [n]);
    }
    const out: Finding[] = [];
    for (const [id, [first, ...rest]] of occurrences) {
      out.push({
        range: first.span.range,
        message: `Graph node "${id}" is no task in the table. Add a task row for it, or remove it from the graph (regenerating the graph from the table removes it).`,
        fix: { kind: 'regenerateGraph' },
        ...(rest.length ? { related: rest.map((n) => ({ range: n.span.range, message: `"${id}" again` })) } : {}),
      });
    }
    return out;
  },
};
