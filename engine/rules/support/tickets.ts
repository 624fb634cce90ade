// The ticket keys written in the task table's ticket (Jira) column, shared by the ticket rules and document links.
import type { Cell, SpecModel, Task } from '../../model';
import type { Range } from 'vscode-languageserver-types';

/** A Jira-style key: a project key (a capital letter, then capitals, digits or _ (one letter is enough: B-1)), a hyphen, a number. */
export const TICKET_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;

/** Cell contents that say "no ticket yet": not keys, not mistakes. */
const NO_TICKET = new Set(['', '-', '—', '–', 'n/a', 'na', 'none', 'tbd', 'todo', '?']);

export interface TicketToken {
  task: Task;
  /** The token as written. */
  text: string;
  /** Its range in the document: the token inside the cell's source, or the whole cell when the source spells it otherwise (a link's text). */
  range: Range;
  /** Offsets of the token in the document, when found in the cell's source. */
  start?: number;
  end?: number;
  /** Whether the cell is itself a link (its target is the author's, not ours). */
  linked: boolean;
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Whether a model placeholder (like the template's `[Link]`) lies inside the cell. */
function holdsPlaceholder(model: SpecModel, cell: Cell): boolean {
  return model.placeholders.some((p) => p.span.start >= cell.span.start && p.span.end <= cell.span.end);
}

/**
 * The tokens of each task's ticket cell, separated by commas, semicolons or blanks; URLs, placeholders
 * and "no ticket" words are left out. Tokens are what the author meant as keys, valid or not.
 */
export function ticketTokens(model: SpecModel): TicketToken[] {
  const out: TicketToken[] = [];
  for (const task of model.taskTable?.tasks ?? []) {
    const cell = task.jira;
    if (!cell || NO_TICKET.has(cell.text.trim().toLowerCase()) || holdsPlaceholder(model, cell)) continue;
    const linked = /\]\(|^<|^https?:\/\//i.test(cell.raw);
    let from = 0;
    for (const text of cell.text.split(/[\s,;]+/)) {
      if (text === '' || URL_LIKE.test(text)) continue;
      const at = cell.raw.indexOf(text, from);
      if (at < 0) {
        out.push({ task, text, range: cell.span.range, linked });
        continue;
      }
      from = at + text.length;
      const start = cell.span.start + at;
      const end = start + text.length;
      out.push({ task, text, range: model.lines.range(start, end), start, end, linked });
    }
  }
  return out;
}
