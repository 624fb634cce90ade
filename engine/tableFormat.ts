// Formats GFM tables: pipes aligned by display width (CJK and emoji take two columns), the
// delimiter row's alignment colons kept, cells padded the way they are aligned. Works on the
// text alone, so it can run before a model exists; it edits only the lines of the tables.
import stringWidth from 'string-width';
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { LineIndex } from './text';

type Align = 'none' | 'left' | 'center' | 'right';

/** A table's lines: the header, the delimiter row, then the body rows. */
interface TableLines {
  header: number;
  last: number;
}

/** A table line split into the text before it (blockquote marks, indentation) and its cells. */
interface RowCells {
  prefix: string;
  cells: string[];
}

const DELIMITER_CELL = /^:?-+:?$/;
/** Blockquote marks and indentation before a table line. */
const PREFIX = /^(?:[ \t]{0,3}>[ \t]?)*[ \t]*/;
const FENCE = /^(?:[ \t]{0,3}>[ \t]?)*[ \t]{0,3}(`{3,}|~{3,})/;

/** Trims spaces and tabs only: other blanks (like the ideographic space) are content. */
const trimBlanks = (s: string) => s.replace(/^[ \t]+|[ \t]+$/g, '');

/** Offsets of the pipes that separate cells: not escaped (`\|`), not inside a code span. */
function separatorPipes(line: string): number[] {
  const pipes: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '`') {
      const run = /^`+/.exec(line.slice(i))![0];
      const close = line.indexOf(run, i + run.length);
      // An unmatched run of backticks is literal text.
      i = close < 0 ? i + run.length - 1 : close + run.length - 1;
    } else if (c === '|') pipes.push(i);
  }
  return pipes;
}

/** The cells of a table line, or undefined when it has no separating pipe. */
function splitRow(line: string): RowCells | undefined {
  const prefix = PREFIX.exec(line)![0];
  const body = line.slice(prefix.length);
  const pipes = separatorPipes(body);
  if (pipes.length === 0) return undefined;
  const bounds = [-1, ...pipes, body.length];
  const cells: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) cells.push(trimBlanks(body.slice(bounds[k] + 1, bounds[k + 1])));
  // Outer pipes open and close the row: the blanks before the first and after the last are no cells.
  if (trimBlanks(body.slice(0, pipes[0])) === '') cells.shift();
  if (cells.length > 1 && trimBlanks(body.slice(pipes[pipes.length - 1] + 1)) === '') cells.pop();
  return { prefix, cells };
}

function alignmentsOf(row: RowCells | undefined): Align[] | undefined {
  if (!row || !row.cells.every((c) => DELIMITER_CELL.test(c))) return undefined;
  return row.cells.map((c) => (c.startsWith(':') ? (c.endsWith(':') ? 'center' : 'left') : c.endsWith(':') ? 'right' : 'none'));
}

/** Depth of blockquote marks in a line's prefix. */
const quoteDepth = (prefix: string) => prefix.split('>').length - 1;

/** Lines inside fenced code blocks, where a table is only text. */
function fencedLines(lines: LineIndex): Set<number> {
  const fenced = new Set<number>();
  let fence: string | undefined;
  for (let line = 0; line < lines.lineCount; line++) {
    const open = FENCE.exec(lines.lineText(line))?.[1];
    if (fence) {
      fenced.add(line);
      if (open && open[0] === fence[0] && open.length >= fence.length) fence = undefined;
    } else if (open) {
      fenced.add(line);
      fence = open;
    }
  }
  return fenced;
}

/** Every GFM table of the text: a header row, a delimiter row with as many cells, then rows up to a blank or pipeless line. */
function findTables(lines: LineIndex): TableLines[] {
  const fenced = fencedLines(lines);
  const tables: TableLines[] = [];
  for (let line = 0; line + 1 < lines.lineCount; line++) {
    if (fenced.has(line) || fenced.has(line + 1)) continue;
    const header = splitRow(lines.lineText(line));
    const delimiter = splitRow(lines.lineText(line + 1));
    if (!header || !delimiter || !alignmentsOf(delimiter) || header.cells.length !== delimiter.cells.length) continue;
    // Indented four columns or more, it is code.
    if (/^(?: {4}|\t)/.test(header.prefix.replace(/^(?:[ \t]{0,3}>[ \t]?)*/, ''))) continue;
    let last = line + 1;
    while (last + 1 < lines.lineCount && !fenced.has(last + 1) && isBodyRow(lines.lineText(last + 1), header.prefix)) last++;
    tables.push({ header: line, last });
    line = last;
  }
  return tables;
}

function isBodyRow(text: string, headerPrefix: string): boolean {
  const row = splitRow(text);
  if (!row || quoteDepth(row.prefix) !== quoteDepth(headerPrefix)) return false;
  return !/^(#{1,6}(?:[ \t]|$)|>)/.test(text.slice(row.prefix.length));
}

/** `text` padded with spaces to `width` display columns, the way its column is aligned. */
function pad(text: string, width: number, align: Align): string {
  const room = Math.max(0, width - stringWidth(text));
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'center') return ' '.repeat(Math.floor(room / 2)) + text + ' '.repeat(Math.ceil(room / 2));
  return text + ' '.repeat(room);
}

function delimiterCell(width: number, align: Align): string {
  const colons = align === 'center' ? 2 : align === 'none' ? 0 : 1;
  const dashes = '-'.repeat(width - colons);
  return align === 'center' ? `:${dashes}:` : align === 'left' ? `:${dashes}` : align === 'right' ? `${dashes}:` : dashes;
}

/** The table's lines formatted: rows with fewer cells than the header padded, extra cells kept after the columns. */
function formattedLines(rows: RowCells[]): string[] {
  const aligns = alignmentsOf(rows[1])!;
  const columns = aligns.length;
  // Three columns at least: the delimiter cell needs room for its colons and a dash.
  const widths = aligns.map((_, col) => rows.reduce((w, row, r) => (r === 1 ? w : Math.max(w, stringWidth(row.cells[col] ?? ''))), 3));
  return rows.map((row, r) => {
    const cells =
      r === 1
        ? aligns.map((align, col) => delimiterCell(widths[col], align))
        : [...aligns.map((align, col) => pad(row.cells[col] ?? '', widths[col], align)), ...row.cells.slice(columns)];
    return `${row.prefix}| ${cells.join(' | ')} |`;
  });
}

/** One edit per line of the table that formatting changes. */
function tableEdits(lines: LineIndex, table: TableLines): TextEdit[] {
  const rows: RowCells[] = [];
  for (let line = table.header; line <= table.last; line++) rows.push(splitRow(lines.lineText(line))!);
  const edits: TextEdit[] = [];
  formattedLines(rows).forEach((newText, k) => {
    const line = table.header + k;
    if (newText === lines.lineText(line)) return;
    edits.push({ range: lines.range(lines.lineStarts[line], lines.lineEnd(line)), newText });
  });
  return edits;
}

/** Edits that format the table the position is in; none when it is in no table or the table is formatted. */
export function formatTableAt(text: string, position: Position): TextEdit[] {
  const lines = new LineIndex(text);
  const table = findTables(lines).find((t) => t.header <= position.line && position.line <= t.last);
  return table ? tableEdits(lines, table) : [];
}

/** Edits that format every table with a line in the range (each whole). */
export function formatTablesInRange(text: string, range: Range): TextEdit[] {
  const lines = new LineIndex(text);
  return findTables(lines)
    .filter((t) => t.header <= range.end.line && range.start.line <= t.last)
    .flatMap((t) => tableEdits(lines, t));
}

/**
 * Whether formatting fixes the cell count of the row on `line` (a TS601 finding) without guessing:
 * a row with fewer cells than the header is padded with empty ones at its end; for a row with
 * more, which cells are extra is a guess.
 */
export function canFormatFixCellCount(text: string, line: number): boolean {
  const lines = new LineIndex(text);
  const table = findTables(lines).find((t) => t.header + 1 < line && line <= t.last);
  if (!table) return false;
  const header = splitRow(lines.lineText(table.header))!;
  const row = splitRow(lines.lineText(line))!;
  return row.cells.length < header.cells.length;
}
