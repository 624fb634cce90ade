import type { Rule } from '../rule';
import { taskColumnOf, type TaskColumn } from '../model';
import { ROLE_COLUMN, TASK_ROLES } from '../template/schema';

export const taskTableColumns: Rule = {
  code: 'TS402',
  name: 'task-table-columns',
  defaultSeverity: 'warning',
  description:
    "The task table lacks a column of the template's task table (ID / Task / Est. Lines / Dependencies in the bundled one), or has them in another order.",
  help: "Add the template's task-table columns, in its order; other columns may go anywhere, and the ticket (Jira) column is optional.",
  check({ model, schema }) {
    const table = model.taskTable?.table;
    const template = schema.taskTable;
    if (!table || !template) return [];
    // The template's roles in its column order; the ticket column is never required.
    const expected: [TaskColumn, string][] = template.columns.flatMap((name) => {
      const role = TASK_ROLES.find((r) => template.roles[r] === name);
      return role ? [[ROLE_COLUMN[role], name] as [TaskColumn, string]] : [];
    });
    const title = new Map(expected);
    // The first column each header names; extra columns are allowed.
    const seen: TaskColumn[] = [];
    for (const cell of table.header.cells) {
      const col = taskColumnOf(cell.text, schema);
      if (col && title.has(col) && !seen.includes(col)) seen.push(col);
    }
    const missing = expected.filter(([c]) => c !== 'jira' && !seen.includes(c)).map(([, t]) => t);
    const rank = (c: TaskColumn) => expected.findIndex(([e]) => e === c);
    const outOfOrder = seen.some((c, i) => i > 0 && rank(c) < rank(seen[i - 1]));
    const problems: string[] = [];
    if (missing.length) problems.push(`missing ${missing.map((t) => `"${t}"`).join(', ')}`);
    if (outOfOrder) problems.push(`columns out of order (${seen.map((c) => title.get(c)).join(' | ')})`);
    if (!problems.length) return [];
    return [
      {
        range: table.header.span.range,
        message: `Task table: ${problems.join('; ')}. Expected the columns ${expected.map(([, t]) => t).join(' | ')}.`,
      },
    ];
  },
};
