import type { Hover, Position } from 'vscode-languageserver-types';
import type { SpecModel, Task } from './model';
import { taskRefAt } from './navigation';
import { taskGraph } from './taskGraph';
import { compareNatural } from './text';

/** Document text shown as itself in a markdown hover, never as markup or HTML. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}\[\]()<>#|!~-]/g, '\\$&');
}

function list(ids: string[]): string {
  return ids.length ? [...ids].sort(compareNatural).join(', ') : 'none';
}

/** What a task is, where the cursor is on its ID: title, estimate, what it needs and what needs it. */
export function getHover(model: SpecModel, position: Position): Hover | undefined {
  const ref = taskRefAt(model, position);
  if (!ref) return undefined;
  const g = taskGraph(model);
  const task: Task | undefined = g.tasks.get(ref.id);
  // The spec's own names for the estimate column and the task section.
  const tt = model.taskTable;
  const estimate = (tt?.columns.lines !== undefined && tt.table.header.cells[tt.columns.lines]?.text) || 'Est. Lines';
  const section =
    model.sections.find((s) => s.key === 'task-breakdown')?.title ?? model.schema.sections.find((s) => s.key === 'task-breakdown')?.title ?? 'Task Breakdown';
  const lines = task
    ? [
        `**${escapeMarkdown(task.id)}** ${escapeMarkdown(task.title) || '(no title)'}`,
        '',
        `${escapeMarkdown(estimate)}: ${task.estLines !== undefined ? `~${task.estLines}` : escapeMarkdown(task.estCell?.text ?? '') || 'not given'}`,
        '',
        `Depends on: ${list(g.deps.get(task.id) ?? [])} · Needed by: ${list(g.dependents.get(task.id) ?? [])}`,
      ]
    : [`**${escapeMarkdown(ref.id)}** is no task of the ${escapeMarkdown(section)} table.`];
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: model.lines.range(ref.start, ref.end) };
}
