import type { Finding, Rule } from '../rule';
import { isFlowchart } from '../model';
import { taskGraph } from '../taskGraph';
import { graphTaskEdges } from './support/tasks';

const missingByDrawing = new WeakMap<object, { depNum: Int32Array; at: number[] }>();

export const graphEdgeMissing: Rule = {
  code: 'TS501',
  name: 'graph-edge-missing',
  defaultSeverity: 'warning',
  description: 'A dependency in the task table is not drawn in the Task Dependency Graph.',
  fixes: ['regenerateGraph'],
  check({ model }) {
    const table = model.taskTable;
    if (!table) return [];
    const { rows, rowId, depStart, depNum } = taskGraph(model);
    // Edges the graph should draw: dependencies on existing tasks. Unknown and self
    // dependencies are the table's own defects (TS406, TS407), not something to draw.
    const expected = (r: number, j: number) => rowId[r] >= 0 && depNum[j] >= 0 && depNum[j] !== rowId[r];
    if (!model.diagram) {
      let count = 0;
      for (let r = 0; r < rows.length; r++) for (let j = depStart[r]; j < depStart[r + 1]; j++) if (expected(r, j)) count++;
      if (!count) return [];
      // A flowchart elsewhere may be the user's graph in another place: stay silent then.
      if (model.codeBlocks.some(isFlowchart)) return [];
      const depsHeader = table.columns.deps === undefined ? undefined : table.table.header.cells[table.columns.deps];
      return [{
        range: (depsHeader ?? table.table.header).span.range,
        message: `Task Breakdown has no Task Dependency Graph for its ${count} ${count === 1 ? 'dependency' : 'dependencies'}. Add a mermaid graph under "### Task Dependency Graph" (quick fix: generate it from the table).`,
        fix: { kind: 'regenerateGraph' },
      }];
    }
    const drawn = graphTaskEdges(model);
    // The dependencies not drawn, as (row, dependency) positions: kept while numbering and drawing are.
    let missing = missingByDrawing.get(drawn);
    if (!missing || missing.depNum !== depNum) {
      const at: number[] = [];
      for (let r = 0; r < rows.length; r++) {
        for (let j = depStart[r]; j < depStart[r + 1]; j++) if (expected(r, j) && !drawn.into[rowId[r]]?.includes(depNum[j])) at.push(r, j);
      }
      missingByDrawing.set(drawn, (missing = { depNum, at }));
    }
    const out: Finding[] = [];
    for (let i = 0; i < missing.at.length; i += 2) {
      const r = missing.at[i];
      const t = rows[r];
      const d = t.deps[missing.at[i + 1] - depStart[r]];
      out.push({
        range: d.span.range,
        message: `Task ${t.id} depends on ${d.id}, but the Task Dependency Graph has no edge ${d.id} --> ${t.id}. Add it, or regenerate the graph from the table (quick fix).`,
        fix: { kind: 'regenerateGraph' },
      });
    }
    return out;
  },
};
