// The ticket keys written in the task table's ticket (Jira) column, shared by the ticket rules and document links.
import type { Range } from 'vscode-languageserver-types';
import type { Cell, SpecModel, Task } from '../../model';
import type { RuleScope } from '../../rule';

/** A Jira-style key: a project key (a capital letter, then capitals, digits or _; one letter is enough: B-1), a hyphen, a number. */
export const TICKET_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;

/** Cell contents that say "no ticket yet": not keys, not mistakes. */
const NO_TICKET = new Set(['', '-', '—', '–', 'n/a', 'na', 'none', 'tbd', 'todo', '?']);
/** A template placeholder like `[Link]`: the placeholder rule reports it. */
const PLACEHOLDER = /^\[[^\]]*\]$/;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The tokens of a ticket cell's text, separated by commas, semicolons or blanks: what the author
 * meant as keys, valid or not. URLs, placeholders and "no ticket" words are none.
 */
export function ticketWords(text: string): string[] {
  if (NO_TICKET.has(text.trim().toLowerCase())) return [];
  return text.split(/[\s,;]+/).filter((w) => w !== '' && !URL_LIKE.test(w));
}

/** The words of a task's ticket cell; none for a placeholder. */
export function taskTicketWords(task: Task): string[] {
  const cell = task.jira;
  return cell && !PLACEHOLDER.test(cell.raw) ? ticketWords(cell.text) : [];
}

/** Whether the cell is itself a link (its target is the author's, not ours). */
export const isLinkedCell = (cell: Cell): boolean => /\]\(|^<|^[a-z][a-z0-9+.-]*:\/\//i.test(cell.raw);

export interface TicketToken {
  text: string;
  /** The token inside the cell's source, or the whole cell when the source spells it otherwise (a link's text). */
  range: Range;
  /** Whether the range is the token's own. */
  exact: boolean;
}

/** Each word of the task's ticket cell with its range in the document. */
export function ticketTokensOf(model: SpecModel, task: Task): TicketToken[] {
  const cell = task.jira;
  if (!cell) return [];
  const raw = cell.raw;
  let from = 0;
  return taskTicketWords(task).map((text) => {
    const at = raw.indexOf(text, from);
    if (at < 0) return { text, range: cell.span.range, exact: false };
    from = at + text.length;
    const start = cell.span.start + at;
    return { text, range: model.lines.range(start, start + text.length), exact: true };
  });
}

/** What the ticket rules find, by task index: words that are no key, and keys an earlier task of another ID names. */
export interface TicketVerdicts {
  invalid: { task: number; word: string }[];
  duplicates: { task: number; key: string; earlier: number }[];
}

/** Verdicts from the column as one text: a line per task, its ID, a tab, then its ticket cell's text (empty for a placeholder). */
function verdictsOf(column: string): TicketVerdicts {
  const out: TicketVerdicts = { invalid: [], duplicates: [] };
  const first = new Map<string, number>();
  const ids: string[] = [];
  column.split('\n').forEach((line, task) => {
    const tab = line.indexOf('\t');
    const id = line.slice(0, tab);
    ids.push(id);
    for (const word of ticketWords(line.slice(tab + 1))) {
      if (!TICKET_KEY.test(word)) {
        out.invalid.push({ task, word });
        continue;
      }
      const earlier = first.get(word);
      if (earlier === undefined) first.set(word, task);
      // Two rows of one task ID are duplicate-task-id's finding, not this one.
      else if (ids[earlier] !== id) out.duplicates.push({ task, key: word, earlier });
    }
  });
  return out;
}

/**
 * The verdicts of this version, computed once for both rules, and again only when a ticket cell or
 * a task ID changed: an edit elsewhere (a title, an estimate) finds the column's text the same.
 */
export function ticketVerdicts({ model, cache }: RuleScope): TicketVerdicts {
  return cache.remember('ticket-verdicts', model, [], () => {
    const tasks = model.taskTable?.tasks ?? [];
    const column = tasks.map((t) => `${t.id}\t${t.jira && !PLACEHOLDER.test(t.jira.raw) ? t.jira.text : ''}`).join('\n');
    return tasks.length ? cache.byText(verdictsOf, column) : { invalid: [], duplicates: [] };
  });
}
