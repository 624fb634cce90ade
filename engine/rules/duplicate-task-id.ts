import type { Rule, Finding } from '../rule';
import { taskGraph } from '../taskGraph';

/** Rows that repeat an earlier row's ID, by the task graph's row numbering. */
function repeats(rowId: Int32Array, idCount: number): number[] {
  const found: number[] = [];
  const seen = new Uint8Array(idCount);
  for (let r = 0; r < rowId.length; r++) {
    const k = rowId[r];
    if (k < 0) continue;
    if (seen[k]) found.push(r);
    seen[k] = 1;
  }
  return found;
}

export const duplicateTaskId: Rule = {
  code: 'TS403',
  name: 'duplicate-task-id',
  defaultSeverity: 'error',
  description: 'Two task rows have the same ID.',
  help: 'Give one of the tasks a free ID, and update the dependencies that meant it.',
  check({ model, cache }) {
    const { ids, rows, rowId, first } = taskGraph(model);
    const out: Finding[] = [];
    // The numbering is kept across versions with the same IDs.
    for (const r of cache.remember('duplicate-task-id', rowId, [ids.length], () => repeats(rowId, ids.length))) {
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
