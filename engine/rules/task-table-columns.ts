import type { Rule } from '../rule';
import { taskColumnOf, type TaskColumn } from '../model';

const EXPECTED: [TaskColumn, string][] = [
  ['id', 'ID'],
  ['task', 'Task'],
  ['lines', 'Est. Lines'],
  ['deps', 'Dependencies'],
  ['jira', 'Jira'],
];
const TITLE = new Map(EXPECTED);
const EXPECTED_HEADER = EXPECTED.map(([, t]) => t).join(' | ');
/** The ticket column is optional: many teams track work elsewhere. */
const OPTIONAL = new Set<TaskColumn>(['jira']);

export const taskTableColumns: Rule = {
  code: 'TS402',
  name: 'task-table-columns',
  defaultSeverity: 'warning',
  description:
    'The task table lacks ID, Task, Est. Lines or Dependencies, or its columns are not in the order ID / Task / Est. Lines / Dependencies / Jira (Jira optional).',
  help: 'Use the columns ID | Task | Est. Lines | Dependencies, then Jira if you track tickets, in that order; extra columns are fine.',
  check({ model }) {
    const table = model.taskTable?.table;
    if (!table) return [];
    // The first column each header names; unrecognized extra columns are allowed.
    const seen: TaskColumn[] = [];
    for (const cell of table.header.cells) {
      const col = taskColumnOf(cell.text);
      if (col && !seen.includes(col)) seen.push(col);
    }
    const missing = EXPECTED.filter(([c]) => !seen.includes(c) && !OPTIONAL.has(c)).map(([, t]) => t);
    const rank = (c: TaskColumn) => EXPECTED.findIndex(([e]) => e === c);
    const outOfOrder = seen.some((c, i) => i > 0 && rank(c) < rank(seen[i - 1]));
    const problems: string[] = [];
    if (missing.length) problems.push(`missing ${missing.map((t) => `"${t}"`).join(', ')}`);
    if (outOfOrder) problems.push(`columns out of order (${seen.map((c) => TITLE.get(c)).join(' | ')})`);
    if (!problems.length) return [];
    return [
      {
        range: table.header.span.range,
        message: `Task table: ${problems.join('; ')}. Expected the columns ${EXPECTED_HEADER}.`,
      },
    ];
  },
};
