import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { taskColumnOf, type SpecModel } from '../model';
import type { FixData } from '../rule';
import { action, type Edit } from './edit';

export function addTaskRowFixes(model: SpecModel, uri: string, d: Diagnostic, fix: Extract<FixData, { kind: 'addTaskRow' }>): CodeAction[] {
  const edit = addTaskRow(model, fix.taskId);
  return edit ? [action(model, uri, `Add a row for task ${fix.taskId}`, [edit], [d], true)] : [];
}

/** A row for `taskId` after the task table's last row: `~` lines, no dependencies. */
function addTaskRow(model: SpecModel, taskId: string): Edit | undefined {
  const tt = model.taskTable;
  if (!tt || tt.tasks.some((t) => t.id === taskId)) return undefined;
  const { table } = tt;
  const cells = table.header.cells.map((c, i) => {
    if (i === (tt.columns.id ?? 0)) return taskId;
    switch (taskColumnOf(c.text, model.schema)) {
      case 'lines':
        return '~';
      case 'deps':
        return 'None';
      default:
        return '';
    }
  });
  const lastRow = table.rows.length ? table.rows[table.rows.length - 1].span : table.header.span;
  let line = model.lines.positionAt(lastRow.end).line;
  if (!table.rows.length) line++; // after the delimiter row
  const lastLine = model.lines.lineText(line);
  const piped = /^\s*\|/.test(lastLine);
  const indent = /^\s*/.exec(lastLine)![0];
  const row = piped ? `${indent}| ${cells.join(' | ')} |` : indent + cells.join(' | ');
  const end = model.lines.lineEnd(line);
  return { start: end, end, text: model.lines.eol + row };
}
