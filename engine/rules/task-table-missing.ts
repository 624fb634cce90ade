import type { Rule } from '../rule';

export const taskTableMissing: Rule = {
  code: 'TS401',
  name: 'task-table-missing',
  defaultSeverity: 'warning',
  description: 'The Task Breakdown section has no task table.',
  help: "Add a table with the template's task-table columns (ID | Task | Est. Lines | Dependencies | Jira in the bundled one) under Task Breakdown.",
  check({ model, schema }) {
    if (model.taskTable || !schema.taskTable) return [];
    const section = model.sections.find((s) => s.key === 'task-breakdown');
    if (!section) return [];
    return [
      {
        range: section.heading.range,
        message: `${section.title} has no task table. Add one with the columns ${schema.taskTable.columns.join(' | ')}.`,
      },
    ];
  },
};
