import type { Task } from '../model';
import type { Rule } from '../rule';

const tooLarge = (t: Task, _: Task | undefined, max: number) => t.estLines !== undefined && t.estLines > max && t.estCell !== undefined;

export const estLinesTooLarge: Rule = {
  code: 'TS411',
  name: 'est-lines-too-large',
  defaultSeverity: 'warning',
  description: 'Est. Lines is above techspec.maxTaskLines (400 by default): the task is too big for one PR.',
  help: 'Split the task into smaller ones of at most maxTaskLines lines (400 by default), one PR each.',
  check({ model, settings, cache }) {
    const max = settings.maxTaskLines;
    const tasks = model.taskTable?.tasks ?? [];
    return cache.passing(tooLarge, tasks, max).map((i) => {
      const t = tasks[i];
      return {
        range: t.estCell!.span.range,
        message: `${t.id ? `Task ${t.id}` : 'This task'} is estimated at ${t.estLines} lines, more than ${max}. Split it into smaller tasks of at most ${max} lines, one PR each.`,
      };
    });
  },
};
