import type { Task } from '../model';
import type { Finding, Rule } from '../rule';
import { cellRange } from './support/markdown';

// The title is the title cell's text, '' without the cell: only a task with the cell can lack it.
const lacksIdOrTitle = (t: Task) => !t.id || (!t.title && t.titleCell !== undefined);

export const emptyTask: Rule = {
  code: 'TS405',
  name: 'empty-task',
  defaultSeverity: 'warning',
  description: 'A task row has an empty ID or an empty Task title.',
  help: 'Fill in the ID and the Task title, or remove the row.',
  check({ model, cache }) {
    const tasks = model.taskTable?.tasks ?? [];
    const out: Finding[] = [];
    for (const i of cache.passing(lacksIdOrTitle, tasks, undefined)) {
      const t = tasks[i];
      // The ID cell is one of the row's cells: a row with an ID is not empty.
      if (!t.id && t.row.cells.every((c) => c.text === '')) {
        out.push({ range: t.row.span.range, message: 'Empty task row: fill in its ID and title, or delete it.' });
        continue;
      }
      if (!t.id) {
        const what = t.title ? `Task "${t.title}"` : 'This task';
        out.push({ range: cellRange(model, t.idCell), message: `${what} has no ID. Give it the next free ID.` });
      }
      if (!t.title && t.titleCell) {
        out.push({ range: cellRange(model, t.titleCell), message: `${t.id ? `Task ${t.id}` : 'This task'} has no title. Say what the task does.` });
      }
    }
    return out;
  },
};
