import type { Task } from '../model';
import type { Rule } from '../rule';

const PLACEHOLDER = /^\[[^\]]*\]$/;

// Empty cells are left alone, and so are template placeholders, which the placeholder rule reports.
const notNumber = (t: Task) => t.estLines === undefined && t.estCell !== undefined && t.estCell.text !== '' && !PLACEHOLDER.test(t.estCell.raw);

export const estLinesNotNumber: Rule = {
  code: 'TS410',
  name: 'est-lines-not-number',
  defaultSeverity: 'warning',
  description: 'Est. Lines is not a number of lines (like ~150).',
  help: 'Write the estimate as a number of lines, like ~150.',
  check({ model, cache }) {
    const tasks = model.taskTable?.tasks ?? [];
    const { table, columns } = model.taskTable ?? {};
    const column = (columns?.lines !== undefined && table?.header.cells[columns.lines]?.text) || 'Est. Lines';
    return cache.passing(notNumber, tasks, undefined).map((i) => ({
      range: tasks[i].estCell!.span.range,
      message: `${column} "${tasks[i].estCell!.text}" is not a number. Write an estimate like ~150.`,
    }));
  },
};
