import type { Rule } from '../rule';
import { taskIdRegExp } from './support/tasks';

export const malformedTaskId: Rule = {
  code: 'TS404',
  name: 'malformed-task-id',
  defaultSeverity: 'warning',
  description: 'A task ID does not match techspec.taskIdPattern (by default T1, T2, …).',
  check({ model, settings }) {
    const re = taskIdRegExp(settings);
    return (model.taskTable?.tasks ?? [])
      .filter((t) => t.id && !re.test(t.id))
      .map((t) => ({
        range: t.idCell.span.range,
        message: `Task ID "${t.id}" does not match the pattern ${re.source} (techspec.taskIdPattern). Use an ID like T1, T2, ….`,
      }));
  },
};
