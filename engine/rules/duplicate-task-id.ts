import type { Rule, Finding } from '../rule';
import { taskGraph } from '../taskGraph';

/** By the task graph's row numbering (kept across versions with the same IDs): rows that repeat an earlier row's ID. */
const repeatsByNumbering = new WeakMap<Int32Array, number[]>();

function repeats(rowId: Int32Array, idCount: number): number[] {
  let found = repeatsByNumbering.get(rowId);
  if (!found) {
    found = [];
    const seen = new Uint8Array(idCount);
    for (let r = 0; r < rowId.length; r++) {
      const k = rowId[r];
      if (k < 0) continue;
      if (seen[k]) found.push(r);
      seen[k] = 1;
    }
    repeatsByNumbering.set(rowId, found);
  }
  return found;
}

export const duplicateTaskId: Rule = {
  code: 'TS403',
  name: 'duplicate-task-id',
  defaultSeverity: 'error',
  description: 'Two task rows have the same ID.',
  check({ model }) {
    const { ids, rows, rowId, first } = taskGraph(model);
    const out: Finding[] = [];
    for (const r of repeats(rowId, ids.length)) {
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
