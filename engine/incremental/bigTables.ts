// Big tables: a table of many rows is parsed in batches of rows under its header and delimiter rows,
// and each row is cached by its text.
import type { Root, RootContent, Table, TableRow } from 'mdast';
import { detach } from '../text';
import { newEntry, shiftNode, type EntryCache } from './entryCache';
import type { Entry } from './unitTypes';
import { countLines } from './textDiff';
import { lineEnd, nextLine, isBlankLine } from './units';
import type { TableParts, TableState, Unit } from './unitTypes';
import type { IncrementalOptions } from './options';

/** The last edit: text before `p` and from `oldEnd` (in the old text; `newEnd` in the new) is unchanged. */
export interface Change {
  p: number;
  oldEnd: number;
  newEnd: number;
}

/** Where a table is placed: the text, the last edit, the definitions context written before its rows, and its key. */
export interface TablePlace {
  text: string;
  change: Change;
  ctx: string;
  defsKey: string;
}

const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** A unit that is one big table: header, delimiter, then rows up to its trailing blank lines. */
export function tableParts(text: string, unit: Unit, minSplitRows: number): TableParts | undefined {
  const { start, end } = unit;
  const e0 = lineEnd(text, start);
  if (!text.slice(start, e0).includes('|')) return undefined;
  const l1 = nextLine(text, e0);
  if (l1 >= end) return undefined;
  const e1 = lineEnd(text, l1);
  if (!DELIMITER_ROW.test(text.slice(l1, e1))) return undefined;
  const bodyStart = nextLine(text, e1);
  const rows: number[] = [];
  let pos = bodyStart;
  while (pos < end) {
    const e = lineEnd(text, pos);
    if (isBlankLine(text, pos, e)) break;
    rows.push(pos - start);
    pos = nextLine(text, e);
  }
  if (rows.length < minSplitRows) return undefined;
  // Rows end at the first blank line; the rest of the unit must be blank lines too.
  for (let p = pos; p < end;) {
    const e = lineEnd(text, p);
    if (!isBlankLine(text, p, e)) return undefined;
    p = nextLine(text, e);
  }
  rows.push(pos - start);
  return { head: text.slice(start, bodyStart), rows };
}

/** The text of body row `i` of table unit `u`, without its line break: the row's cache key. */
export function bodyRow(text: string, u: Unit, parts: TableParts, i: number): string {
  const start = u.start + parts.rows[i];
  return text.slice(start, lineEnd(text, start));
}

/** Places big tables from their cached rows, parsing what is not cached in batches; trees valid until the next parse. */
export class BigTables {
  /** The current parse placed a table with cached rows found by their text. */
  tookRows = false;

  constructor(
    private readonly entries: EntryCache,
    private readonly opts: IncrementalOptions,
    /** The root of a remark source: handed to the parser, or parsed now. */
    private readonly parseSource: (source: string) => Root,
  ) {}

  /** Places a big table from cached rows, parsing uncached rows in batches. False if the unit is not one table. */
  place(at: TablePlace, u: Unit, parts: TableParts, out: RootContent[], found: string[]): boolean {
    const { text, change, ctx } = at;
    const mapKey = parts.head + '\u0000' + ctx;
    let rows = this.entries.rowCache.get(mapKey);
    if (!rows) {
      rows = new Map();
      this.entries.rowCache.set(detach(mapKey), rows);
    }
    const n = parts.rows.length - 1;
    const rowText = (i: number) => bodyRow(text, u, parts, i);
    const entries: Entry[] = new Array(n);
    let head = this.entries.take(rows.get('\u0000head'));
    // Rows of the table before the edit that lie wholly before or after the edit.
    const prev = u.prev?.parts.head === parts.head ? u.prev : undefined;
    const { p, oldEnd, newEnd } = change;
    const shift = newEnd - oldEnd;
    const oldRow = (i: number): Entry | undefined => {
      if (!prev) return undefined;
      const a = u.start + parts.rows[i];
      const b = u.start + parts.rows[i + 1];
      let j = -1;
      if (b <= p) j = i;
      else if (a >= newEnd) j = i - (parts.rows.length - prev.parts.rows.length);
      if (j < 0 || j >= prev.rows.length) return undefined;
      const oa = prev.start + prev.parts.rows[j];
      const ob = prev.start + prev.parts.rows[j + 1];
      const same = b <= p ? oa === a && ob === b : oa === a - shift && ob === b - shift;
      const e = same ? prev.rows[j] : undefined;
      return e && e.gen !== this.entries.gen ? e : undefined;
    };
    if (prev && prev.head.gen !== this.entries.gen) head = prev.head;
    for (let i = 0; i < n;) {
      let e = oldRow(i);
      if (!e) {
        e = this.entries.take(rows.get(rowText(i)));
        if (e) this.tookRows = true;
      }
      if (e) {
        entries[i] = e;
        this.entries.claim(e);
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && j - i < this.opts.rowBatch && !oldRow(j) && !rows.has(rowText(j))) j++;
      const parsed = this.parseRows(text, u, parts, ctx, i, j);
      if (!parsed) {
        // Not one table after all: the caller parses the unit whole.
        for (const x of entries) if (x) this.entries.release(x);
        return false;
      }
      if (!head) {
        head = parsed.head;
        this.entries.store(rows, '\u0000head', head);
      }
      for (let r = i; r < j; r++) {
        const e = parsed.rows[r - i];
        entries[r] = e;
        this.entries.claim(e);
        this.entries.store(rows, detach(rowText(r)), e);
      }
      i = j;
    }
    if (!head) {
      const parsed = this.parseRows(text, u, parts, ctx, 0, 1);
      if (!parsed) return false;
      head = parsed.head;
      this.entries.store(rows, '\u0000head', head);
    }
    u.prev = undefined;
    u.entry = undefined;
    u.table = { parts, head, rows: entries };
    u.defs = at.defsKey;
    this.emit(u, u.table, out, found);
    return true;
  }

  /** Moves a table's header and rows to the unit's place and emits the table node. */
  emit(u: Unit, t: TableState, out: RootContent[], found: string[]): void {
    const { parts, head } = t;
    const headLines = countLines(parts.head);
    const headRow = head.nodes[0] as Table;
    this.entries.place(head, u.start, u.line, [], found);
    // The header row is read below and emitted as the table's first row: it is always settled.
    this.entries.settleEntry(head);
    const children: TableRow[] = [headRow.children[0]];
    for (let i = 0; i < t.rows.length; i++) {
      const e = t.rows[i];
      this.entries.move(e, u.start + parts.rows[i], u.line + headLines + i);
      this.entries.claim(e);
      children.push(e.nodes[0] as unknown as TableRow);
    }
    // The table's position is read from its first and last rows.
    if (t.rows.length) this.entries.settleEntry(t.rows[t.rows.length - 1], true);
    const lastEnd = children[children.length - 1].position!.end;
    out.push({
      type: 'table',
      align: headRow.align,
      children,
      position: { start: { ...headRow.position!.start }, end: { ...lastEnd } },
    });
  }

  /** The row batches placeTable() would parse for table unit `u`. */
  sources(text: string, u: Unit, parts: TableParts, ctx: string, add: (source: string) => void): void {
    const rows = this.entries.rowCache.get(parts.head + '\u0000' + ctx);
    const listed = new Set<string>();
    const cached = (i: number) => {
      const t = bodyRow(text, u, parts, i);
      return !!rows?.has(t) || listed.has(t);
    };
    const n = parts.rows.length - 1;
    let head = !!rows?.has('\u0000head');
    for (let i = 0; i < n;) {
      if (cached(i)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && j - i < this.opts.rowBatch && !cached(j)) j++;
      add(this.rowsSource(text, u, parts, ctx, i, j).source);
      for (let r = i; r < j; r++) listed.add(bodyRow(text, u, parts, r));
      head = true;
      i = j;
    }
    if (!head) add(this.rowsSource(text, u, parts, ctx, 0, 1).source);
  }

  /** What remark is given for body rows [i, j) of a table unit: the header and the rows, in context `ctx`. */
  private rowsSource(text: string, u: Unit, parts: TableParts, ctx: string, i: number, j: number): { source: string; prefix: string; suffix: string } {
    const prefix = u.start > 0 ? ctx || '\n' : '';
    const suffix = u.start === 0 && ctx ? '\n\n' + ctx : '';
    const source = prefix + parts.head + text.slice(u.start + parts.rows[i], u.start + parts.rows[j]) + suffix;
    return { source, prefix, suffix };
  }

  /** Parses body rows [i, j) under the header; entries hold the header (as a table shell) and each row. */
  private parseRows(text: string, u: Unit, parts: TableParts, ctx: string, i: number, j: number): { head: Entry; rows: Entry[] } | undefined {
    const from = u.start + parts.rows[i];
    const { source, prefix, suffix } = this.rowsSource(text, u, parts, ctx, i, j);
    const root = this.parseSource(source);
    const own = root.children.filter((c) => c.position!.start.offset! >= prefix.length && c.position!.start.offset! < source.length - suffix.length);
    const table = own[0];
    if (own.length !== 1 || table.type !== 'table' || table.children.length !== j - i + 1) return undefined;
    if (table.position!.end.offset! !== prefix.length + parts.head.length + lineEnd(text, u.start + parts.rows[j - 1]) - from) return undefined;
    const headLines = countLines(parts.head);
    const prefixLines = countLines(prefix);
    shiftNode(table, u.start - prefix.length, u.line - prefixLines);
    const rows: Entry[] = [];
    const delta = from - (u.start + parts.head.length);
    for (let r = 1; r < table.children.length; r++) {
      const row = table.children[r];
      shiftNode(row, delta, i);
      const off = u.start + parts.rows[i + r - 1];
      const line = u.line + headLines + i + r - 1;
      const entry = newEntry([row as unknown as RootContent], off, line);
      entry.packable = true;
      this.entries.own(entry);
      this.entries.warm.add(entry);
      rows.push(entry);
    }
    const shell: Table = { type: 'table', align: table.align, children: [table.children[0]], position: table.position };
    return { head: newEntry([shell], u.start, u.line), rows };
  }
}
