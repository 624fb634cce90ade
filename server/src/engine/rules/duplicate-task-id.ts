import type { Rule, Finding } from '../rule';
import { taskGraph } from '../taskGraph';

export const duplicateTaskId: Rule = {
  code: 'TS403',
  name: 'duplicate-task-id',
  defaultSeverity: 'error',
  description: 'Two task rows have the same ID.',
  check({ model }) {
    const { rows, rowId, first } = taskGraph(model);
    const out: Finding[] = [];
    for (let r = 0; r < rows.length; r++) {
      // A row whose ID's first row is another row repeats that ID.
      if (rowId[r] < 0 || first[rowId[r]] === rows[r]) continue;
      const t = rows[r];
      const earlier = first[rowId[r]];
      out.push({
        range: t.idCell.span.range,
        message: `Duplicate task ID "${t.id}": it is already used on line ${earlier.idCell.span.range.start.line + 1}. Give this task an ID of its own.`,
        related: [{ range: earlier.idCell.span.range, message: `First task with ID "${t.id}"` }],
      });
    }
    return out;
  },
};
