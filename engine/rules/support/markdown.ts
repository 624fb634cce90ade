import type { Range } from 'vscode-languageserver-types';
import type { Cell, SpecModel, Span, Table, TableRow } from '../../model';
import type { RuleScope } from '../../rule';
import { levenshtein } from '../../text';

/** The heading's text without its `#` marks, closing sequence or surrounding blanks. */
export function headingTextRange(model: SpecModel, heading: Span): Range {
  const source = model.text.slice(heading.start, heading.end);
  const open = /^[ \t]*#{1,6}[ \t]*/.exec(source)?.[0].length ?? 0;
  let end = source.length;
  const firstLine = /\r|\n/.exec(source);
  if (firstLine) end = firstLine.index; // setext headings: the first line only
  const close = /(?:[ \t]+#+)?[ \t]*$/.exec(source.slice(open, end));
  if (close) end = open + close.index;
  if (end <= open) return heading.range;
  return model.lines.range(heading.start + open, heading.start + end);
}

/** A cell's range; an empty cell gets the blank between its pipes, so the squiggle is visible. */
export function cellRange(model: SpecModel, cell: Cell): Range {
  if (cell.span.end > cell.span.start) return cell.span.range;
  const { text } = model;
  let s = cell.span.start;
  let e = cell.span.end;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  return model.lines.range(s, e);
}

/** True when the whole span is one template placeholder: TS301 reports it, other rules stay quiet. */
export function isPlaceholder({ model, cache }: RuleScope, span: Span): boolean {
  return (
    cache
      .remember('placeholderEnds', model, [], () => placeholderEnds(model))
      .get(span.start)
      ?.includes(span.end) ?? false
  );
}

/** Placeholder start offset → their end offsets (numbers: no key string built per cell asked about). */
function placeholderEnds(model: SpecModel): Map<number, number[]> {
  const ends = new Map<number, number[]>();
  for (const p of model.placeholders) {
    const list = ends.get(p.span.start);
    if (list) list.push(p.span.end);
    else ends.set(p.span.start, [p.span.end]);
  }
  return ends;
}

/** The candidate closest to `value` (case-insensitive edit distance), or undefined when none is close. */
export function closest(value: string, candidates: readonly string[], maxDistance = Math.max(2, Math.floor(value.length / 2))): string | undefined {
  const v = value.trim().toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    const d = lc.startsWith(v) && v.length > 0 ? 0.5 : levenshtein(v, lc);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= maxDistance ? best : undefined;
}

/** Column index of the first header cell whose text matches. */
export function columnIndex(table: Table, test: RegExp): number | undefined {
  const i = table.header.cells.findIndex((c) => test.test(c.text.trim()));
  return i < 0 ? undefined : i;
}

/** `a`, `a or b`, `a, b or c`. */
export function orList(values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

export const lineOf = (range: Range): number => range.start.line + 1;

/** The span's range without trailing blanks (an empty header field's line). */
export function trimmedRange(model: SpecModel, span: Span): Range {
  const end = span.start + model.text.slice(span.start, span.end).trimEnd().length;
  return model.lines.range(span.start, end);
}

/** Every table's header and rows in one list, a group per table headed by its header row (see Verdicts). */
export interface TableRowList {
  rows: TableRow[];
  /** Where each table's header is in `rows`, for each of model.tables. */
  starts: number[];
}

export function tableRows({ model, cache }: RuleScope): TableRowList {
  return cache.remember('tableRows', model, [], () => {
    // Sized once: the task table alone may have tens of thousands of rows.
    let count = 0;
    for (const t of model.tables) count += 1 + t.rows.length;
    const rows = new Array<TableRow>(count);
    const starts: number[] = [];
    let i = 0;
    for (const t of model.tables) {
      starts.push(i);
      rows[i++] = t.header;
      for (const row of t.rows) rows[i++] = row;
    }
    return { rows, starts };
  });
}

/** At most this many places are listed as a finding's related information. */
export const MAX_RELATED = 20;
