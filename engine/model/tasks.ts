// The Task Breakdown table: its columns, its rows read as tasks, their Dependencies cells.
import type { DependencyRef, SpecModel, Span, Table, TableRow, Task, TaskColumn, TaskTable } from './types';
import type { TemplateSchema } from '../template/schema';
import { templateTaskColumn } from '../template/lookup';

/** Common names of each task column's role. */
const COLUMN_PATTERNS: [TaskColumn, RegExp][] = [
  ['id', /^(id|task id|#|key|no|task no|ref)$/],
  ['task', /^(task|tasks|title|name|description|summary|task name|work item)$/],
  ['deps', /(depend|deps|blocked by|requires|after|prereq)/],
  ['lines', /\b(lines?|loc|sloc|size|estimated?|est|effort|points?)\b/],
  ['jira', /(jira|ticket|issue|link|story)/],
];

/**
 * The role of a task-table column: by the team template's own column names first (a column the
 * template has without a role, like Owner, has none), then by common names.
 */
export function taskColumnOf(header: string, schema?: TemplateSchema): TaskColumn | undefined {
  const own = templateTaskColumn(schema, header);
  if (own !== undefined) return own ?? undefined;
  const n = header
    .toLowerCase()
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim();
  return COLUMN_PATTERNS.find(([, re]) => re.test(n))?.[0];
}

const NONE_WORDS = new Set(['none', '-', '—', '–', 'n/a', 'na', 'nil']);

/** A word of a Dependencies cell: a task ID or a word meaning "none", with markup (`**`, `_`, `` ` ``) around it left out. */
export interface DependencyWord {
  /** The word without its markup. */
  id: string;
  /** Where `id` starts in the cell's source. */
  start: number;
  /** Where the written word, markup included, starts and ends in the cell's source. */
  wordStart: number;
  wordEnd: number;
  none: boolean;
}

/** A word that may be a task ID: it holds a digit (`T3`, `PAY-101`, `FR-2`). */
const ID_LIKE = /\d/;
const DASHES = new Set(['-', '–', '—']);

/**
 * The words of a Dependencies cell's source, split at commas, semicolons and spaces; `and` is no word.
 * Notes are left out: text in parentheses (`T6 (email)`), everything after a dash that follows an
 * ID (`T2 - schema first`), and the words without a digit in an item (between commas) that names
 * an ID (`after T3`). An item without any ID is kept whole: `Design` in `T1, Design` is a finding.
 */
export function dependencyWords(raw: string): DependencyWord[] {
  const words: DependencyWord[] = [];
  // Parenthesised notes blanked out, offsets kept.
  const source = raw.replace(/\([^()]*\)?/g, (m) => ' '.repeat(m.length));
  const re = /[^,;\s]+|[,;]/g;
  let item: DependencyWord[] = [];
  const endItem = () => {
    const named = item.some((w) => ID_LIKE.test(w.id));
    for (const w of item) if (!named || w.none || ID_LIKE.test(w.id)) words.push(w);
    item = [];
  };
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m[0] === ',' || m[0] === ';') {
      endItem();
      continue;
    }
    const id = m[0].replace(/^[*_`]+|[*_`]+$/g, '');
    if (!id || id.toLowerCase() === 'and') continue;
    const none = NONE_WORDS.has(id.toLowerCase());
    const prev = item[item.length - 1] ?? words[words.length - 1];
    // A dash after an ID or None, with more after it, starts a note that runs to the end of the cell.
    if (DASHES.has(id) && prev && (ID_LIKE.test(prev.id) || prev.none) && /\S/.test(source.slice(m.index + m[0].length))) break;
    item.push({ id, start: m.index + m[0].indexOf(id), wordStart: m.index, wordEnd: m.index + m[0].length, none });
  }
  endItem();
  return words;
}

/** Where each task column is, and a key that changes when that does. */
export interface TaskColumns {
  at: TaskTable['columns'];
  key: string;
}

export function taskColumns(header: TableRow, schema?: TemplateSchema): TaskColumns {
  const at: TaskTable['columns'] = {};
  header.cells.forEach((c, i) => {
    const col = taskColumnOf(c.text, schema);
    if (col && at[col] === undefined) at[col] = i;
  });
  return { at, key: 'task ' + JSON.stringify(at) };
}

/** The first table of Task Breakdown (one with an ID column first) and its tasks: read with its rows when it was visited. */
export function readTaskTable(
  model: SpecModel,
  tasksOf: Map<Table, { columns: TaskColumns; tasks: Task[] }>,
  span: (s: number, e: number) => Span,
): TaskTable | undefined {
  const table =
    model.tables.find((t) => t.sectionKey === 'task-breakdown' && t.header.cells.some((c) => taskColumnOf(c.text, model.schema) === 'id')) ??
    model.tables.find((t) => t.sectionKey === 'task-breakdown');
  if (!table) return undefined;
  const read = tasksOf.get(table);
  if (read) return { table, columns: read.columns.at, tasks: read.tasks };
  // A table nested in a block the host reused (in a list or a quote): its rows were read before.
  const { at } = taskColumns(table.header, model.schema);
  const tasks: Task[] = [];
  for (const row of table.rows) {
    const task = readTask(row, at, span);
    if (task) tasks.push(task);
  }
  return { table, columns: at, tasks };
}

/** The task of a row of a task table; none for a row without an ID cell. */
export function readTask(row: TableRow, columns: TaskTable['columns'], span: (s: number, e: number) => Span): Task | undefined {
  const idCell = row.cells[columns.id ?? 0];
  if (!idCell) return undefined;
  const cell = (col: TaskColumn) => (columns[col] === undefined ? undefined : row.cells[columns[col]!]);
  const depsCell = cell('deps');
  const deps: DependencyRef[] = [];
  const noneMarkers: DependencyRef[] = [];
  if (depsCell) {
    for (const w of dependencyWords(depsCell.raw)) {
      const start = depsCell.span.start + w.start;
      const ref = { id: w.id, span: span(start, start + w.id.length) };
      (w.none ? noneMarkers : deps).push(ref);
    }
  }
  const titleCell = cell('task');
  const estCell = cell('lines');
  return {
    id: idCell.text,
    idCell,
    title: titleCell?.text ?? '',
    titleCell,
    estCell,
    estLines: estCell ? parseEstLines(estCell.text) : undefined,
    deps,
    noneMarkers,
    depsCell,
    jira: cell('jira'),
    row,
  };
}

/** `~150`, `150`, `150 lines`, `1,200`, `100-200` (the upper bound). */
export function parseEstLines(text: string): number | undefined {
  const m = /^~?\s*(\d[\d,]*)(?:\s*[-–]\s*~?(\d[\d,]*))?\s*(?:lines?|loc)?$/i.exec(text.trim());
  if (!m) return undefined;
  return Number((m[2] ?? m[1]).replace(/,/g, ''));
}
