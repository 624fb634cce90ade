import type { Rule } from '../rule';

export const taskTableMissing: Rule = {
  code: 'TS401',
  name: 'task-table-missing',
  defaultSeverity: 'warning',
  description: 'The Task Breakdown section has no task table.',
  help: 'Add a table with the columns ID | Task | Est. Lines | Dependencies | Jira under Task Breakdown.',
  check({ model }) {
    if (model.taskTable) return [];
    const section = model.sections.find((s) => s.key === 'task-breakdown');
    if (!section) return [];
    return [
      {
        range: section.heading.range,
        message: 'Task Breakdown has no task table. Add one with the columns ID | Task | Est. Lines | Dependencies | Jira.',
      },
    ];
  },
};
