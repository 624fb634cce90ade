import type { Task } from '../model';
import type { Rule } from '../rule';

const mixed = (t: Task) => t.noneMarkers.length > 0 && t.deps.length > 0;

export const noneMixedWithIds: Rule = {
  code: 'TS408',
  name: 'none-mixed-with-ids',
  defaultSeverity: 'warning',
  description: '"None" and task IDs in the same Dependencies cell.',
  help: 'Write either None or the task IDs, not both.',
  check({ model, cache }) {
    const tasks = model.taskTable?.tasks ?? [];
    return cache.passing(mixed, tasks, undefined).map((i) => {
      const t = tasks[i];
      return {
        range: t.noneMarkers[0].span.range,
        message: `"${t.noneMarkers[0].id}" next to task IDs (${t.deps.map((d) => d.id).join(', ')}): remove "${t.noneMarkers[0].id}", or the IDs if the task has no dependencies.`,
      };
    });
  },
};
