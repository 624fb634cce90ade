import type { Rule } from '../rule';

export const estLinesTooLarge: Rule = {
  code: 'TS411',
  name: 'est-lines-too-large',
  defaultSeverity: 'warning',
  description: 'Est. Lines is above techspec.maxTaskLines (400 by default): the task is too big for one PR.',
  check({ model, settings }) {
    const max = settings.maxTaskLines;
    return (model.taskTable?.tasks ?? [])
      .filter((t) => t.estLines !== undefined && t.estLines > max && t.estCell)
      .map((t) => ({
        range: t.estCell!.span.range,
        message: `${t.id ? `Task ${t.id}` : 'This task'} is estimated at ${t.estLines} lines, more than ${max}. Split it into smaller tasks of at most ${max} lines, one PR each.`,
      }));
  },
};
