import type { Rule, Finding } from '../rule';
import type { Task } from '../model';

export const duplicateTaskId: Rule = {
  code: 'TS403',
  name: 'duplicate-task-id',
  defaultSeverity: 'error',
  description: 'Two task rows have the same ID.',
  check({ model }) {
    const first = new Map<string, Task>();
    const out: Finding[] = [];
    for (const t of model.taskTable?.tasks ?? []) {
      if (!t.id) continue;
      const earlier = first.get(t.id);
      if (!earlier) {
        first.set(t.id, t);
        continue;
      }
      out.push({
        range: t.idCell.span.range,
        message: `Duplicate task ID "${t.id}": it is already used on line ${earlier.idCell.span.range.start.line + 1}. Give this task an ID of its own.`,
        related: [{ range: earlier.idCell.span.range, message: `First task with ID "${t.id}"` }],
      });
    }
    return out;
  },
};
