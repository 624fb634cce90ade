import type { Finding, Rule } from '../rule';
import { isFlowchart, type DependencyRef, type Task } from '../model';
import { graphEdges, tasksById } from './support/tasks';

export const graphEdgeMissing: Rule = {
  code: 'TS501',
  name: 'graph-edge-missing',
  defaultSeverity: 'warning',
  description: 'A dependency in the task table is not drawn in the Task Dependency Graph.',
  check({ model }) {
    const table = model.taskTable;
    if (!table) return [];
    const ids = tasksById(model);
    // Edges the graph should draw: dependencies on existing tasks. Unknown and self
    // dependencies are the table's own defects (TS406, TS407), not something to draw.
    const expected: { t: Task; d: DependencyRef }[] = [];
    for (const t of table.tasks) for (const d of t.deps) if (t.id && d.id !== t.id && ids.has(d.id)) expected.push({ t, d });
    if (!expected.length) return [];
    if (!model.graph) {
      // A flowchart elsewhere may be the user's graph in another place: stay silent then.
      if (model.codeBlocks.some(isFlowchart)) return [];
      const depsHeader = table.columns.deps === undefined ? undefined : table.table.header.cells[table.columns.deps];
      return [{
        range: (depsHeader ?? table.table.header).span.range,
        message: `Task Breakdown has no Task Dependency Graph for its ${expected.length} ${expected.length === 1 ? 'dependency' : 'dependencies'}. Add a mermaid graph under "### Task Dependency Graph" (quick fix: generate it from the table).`,
        fix: { kind: 'regenerateGraph' },
      }];
    }
    const drawn = graphEdges(model);
    const out: Finding[] = [];
    for (const { t, d } of expected) {
      if (drawn.has(d.id, t.id)) continue;
      out.push({
        range: d.span.range,
        message: `Task ${t.id} depends on ${d.id}, but the Task Dependency Graph has no edge ${d.id} --> ${t.id}. Add it, or regenerate the graph from the table (quick fix).`,
        fix: { kind: 'regenerateGraph' },
      });
    }
    return out;
  },
};
