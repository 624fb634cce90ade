import type { Finding, Rule } from '../rule';
import { isFlowchart, type SpecModel } from '../model';
import { taskGraph, type TaskGraph } from '../taskGraph';
import { graphTaskEdges, type DrawnEdges } from './support/tasks';
import { graphHeading } from '../template/lookup';

/**
 * Whether the diagram should draw the dependency at position `j` of row `r`: one on an existing task.
 * Unknown and self dependencies are the table's own defects (TS406, TS407), not something to draw;
 * so is a row that repeats an earlier row's ID (TS403).
 */
const expected = ({ rows, rowId, depNum, first }: TaskGraph, r: number, j: number) =>
  rowId[r] >= 0 && depNum[j] >= 0 && depNum[j] !== rowId[r] && first[rowId[r]] === rows[r];

/** The dependencies the diagram does not draw, as (row, dependency) positions. */
function undrawn(g: TaskGraph, drawn: DrawnEdges): number[] {
  const { rows, rowId, depStart, depNum } = g;
  const at: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    for (let j = depStart[r]; j < depStart[r + 1]; j++) if (expected(g, r, j) && !drawn.into[rowId[r]]?.includes(depNum[j])) at.push(r, j);
  }
  return at;
}

/** The one finding when the table has dependencies but there is no diagram at all. */
function noDiagram(model: SpecModel, g: TaskGraph): Finding[] {
  const table = model.taskTable!;
  let count = 0;
  for (let r = 0; r < g.rows.length; r++) for (let j = g.depStart[r]; j < g.depStart[r + 1]; j++) if (expected(g, r, j)) count++;
  if (!count) return [];
  // A flowchart elsewhere may be the user's graph in another place: stay silent then.
  if (model.codeBlocks.some(isFlowchart)) return [];
  const graph = graphHeading(model.schema);
  const section = model.schema.sections.find((s) => s.key === 'task-breakdown')?.title ?? 'Task Breakdown';
  const depsHeader = table.columns.deps === undefined ? undefined : table.table.header.cells[table.columns.deps];
  return [
    {
      range: (depsHeader ?? table.table.header).span.range,
      message: `${section} has no ${graph} for its ${count} ${count === 1 ? 'dependency' : 'dependencies'}. Add a mermaid graph under "### ${graph}" (quick fix: generate it from the table).`,
      fix: { kind: 'regenerateGraph' },
    },
  ];
}

export const graphEdgeMissing: Rule = {
  code: 'TS501',
  name: 'graph-edge-missing',
  defaultSeverity: 'warning',
  description: 'A dependency in the task table is not drawn in the Task Dependency Graph.',
  help: 'Add the edge to the Task Dependency Graph, or regenerate the graph from the table (quick fix).',
  fixes: ['regenerateGraph'],
  check(ctx) {
    const { model, cache } = ctx;
    if (!model.taskTable) return [];
    const g = taskGraph(model);
    if (!model.diagram) return ctx.schema.dependencyGraph ? noDiagram(model, g) : [];
    const drawn = graphTaskEdges(ctx);
    // Kept while the numbering and the drawing are.
    const at = cache.remember('graph-edge-missing', drawn, [g.depNum], () => undrawn(g, drawn));
    const out: Finding[] = [];
    for (let i = 0; i < at.length; i += 2) {
      const r = at[i];
      const t = g.rows[r];
      const d = t.deps[at[i + 1] - g.depStart[r]];
      out.push({
        range: d.span.range,
        message: `Task ${t.id} depends on ${d.id}, but the Task Dependency Graph has no edge ${d.id} --> ${t.id}. Add it, or regenerate the graph from the table (quick fix).`,
        fix: { kind: 'regenerateGraph' },
      });
    }
    return out;
  },
};
