// Incremental parsing: the same mdast as parseMarkdown(text), computed from cached pieces.
//
// The document is cut into units at safe top-level boundaries: the start of a line that follows a
// blank line, begins with neither whitespace nor a list marker, and lies outside front matter.
// Every container and leaf block is closed at such a line, except a top-level fenced code block or
// a raw HTML block (kinds 1-5) that is still open: a unit whose parse ends in one is merged with the
// next. Big tables are parsed in batches of rows under their header and delimiter rows. Link and
// footnote definitions are document-wide: a unit that may hold a reference is parsed with every
// definition's label written before it (after it for the first unit) and those nodes dropped.
// Each unit's nodes are cached by its text; when a reused unit moves, its top-level nodes' (and a big
// table's rows') own positions are shifted in place, and the points inside them either at once or,
// with parse(text, { settled: false }), when settle(node) is called. pack() then writes what is
// inside the rows and top-level nodes no one read lately to a compact string each, which settle()
// reads back: the nodes are most of the memory a big spec takes. A returned tree therefore stays
// valid only until the next parse() of this parser.
import type { Nodes, Root, RootContent, Table, TableRow } from 'mdast';
import { parseMarkdown } from '../parse';
import { detach } from '../text';
import { commonPrefix, commonSuffix, countLines, flatten, lineStarts, type TextDiff } from './textDiff';

export interface IncrementalOptions {
  /** Unparsed text parsed in one go: larger batches pay remark's per-call cost less often. */
  batchChars: number;
  /** Table rows parsed in one go: remark-gfm's table parsing grows faster than linearly with the table. */
  rowBatch: number;
  /** A table with fewer body rows than this is parsed as one unit. */
  minSplitRows: number;
  /** Big-table rows and top-level units that pack() leaves unpacked: those read or parsed last. */
  warmRows: number;
}

const DEFAULTS: IncrementalOptions = { batchChars: 16_000, rowBatch: 16, minSplitRows: 48, warmRows: 512 };

interface Entry {
  nodes: RootContent[];
  /** Offset and 0-based line the nodes' positions are currently placed at. */
  off: number;
  line: number;
  /** The parse ended inside an open fenced code or HTML block: the unit must grow. */
  unclosed: boolean;
  /** `L:label` / `F:label` of definitions and footnote definitions in the unit. */
  defs: string[];
  gen: number;
  /** The points inside the nodes (not their own), collected the first time they move. */
  points?: Point[];
  /**
   * Where the nodes' own positions are, and where the points inside them are, while `off` and
   * `line` say where the entry is now: both catch up when the entry is settled, so that a keystroke
   * does not touch every node after it.
   */
  ownOff: number;
  ownLine: number;
  innerOff: number;
  innerLine: number;
  /** What pack() wrote the children of the nodes to (the nodes have none then). */
  packed: string | undefined;
  /** Whether pack() may pack it: a big table's row, or top-level nodes with PACK_MIN_NODES inside. */
  packable: boolean;
}

const NO_DEFS: string[] = [];

/** An entry for nodes just parsed: their positions are where they are placed. */
function newEntry(nodes: RootContent[], off: number, line: number, unclosed = false, defs = NO_DEFS): Entry {
  return { nodes, off, line, unclosed, defs, gen: 0, points: undefined, ownOff: off, ownLine: line, innerOff: off, innerLine: line, packed: undefined, packable: false };
}

type Parent = { children: Nodes[] };

/** Nodes inside the top-level nodes of an entry from which packing it pays: a heading or a short paragraph is read often and holds little. */
const PACK_MIN_NODES = 8;

function countNodes(nodes: Nodes[]): number {
  let n = nodes.length;
  for (const node of nodes) if ('children' in node) n += countNodes(node.children as Nodes[]);
  return n;
}

/** How far the entry's text runs from its start: its last node's end, wherever its nodes are placed. */
function extentOf(e: Entry): number {
  return e.nodes[e.nodes.length - 1].position!.end.offset! - e.ownOff;
}

/** The entry's nodes that have children: what pack() writes out. */
const parentsOf = (e: Entry): Parent[] => (e.nodes as Nodes[]).filter((n) => 'children' in n) as unknown as Parent[];

/** Offsets of the points in `nodes` and below from `base`, in pre-order, start then end (-1, -1 for a node without a position); `points` gets the points. */
function pointOffsets(nodes: Nodes[], base: number, at: number[], points: Point[]): void {
  for (const n of nodes) {
    const p = n.position;
    if (!p) at.push(-1, -1);
    else {
      at.push(p.start.offset! - base, p.end.offset! - base);
      points.push(p.start, p.end);
    }
    if ('children' in n) pointOffsets(n.children as Nodes[], base, at, points);
  }
}

/** Starts of the lines of text[from, from + length], relative to `from` (the first is 0). */
function lineStartsIn(text: string, from: number, length: number): number[] {
  const starts = [0];
  const end = Math.min(text.length, from + length);
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1 - from);
  }
  return starts;
}

/** The point `rel` characters after `from`, which is at the start of 0-based line `line`. */
function pointAt(starts: number[], rel: number, from: number, line: number): { line: number; column: number; offset: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= rel) lo = mid;
    else hi = mid - 1;
  }
  return { line: line + 1 + lo, column: rel - starts[lo] + 1, offset: from + rel };
}

function dropPositions(nodes: Nodes[]): void {
  for (const n of nodes) {
    n.position = undefined;
    if ('children' in n) dropPositions(n.children as Nodes[]);
  }
}

interface Unit {
  start: number;
  end: number;
  /** 0-based line of `start`. */
  line: number;
  /** What the unit was placed from in the last parse, under definitions `defs`: reused while its text is unchanged. */
  entry?: Entry;
  table?: TableState;
  defs?: string;
  /** The table this unit was before an edit inside it: rows outside the edit are taken from it. */
  prev?: TableState & { start: number };
}

interface TableState {
  parts: TableParts;
  head: Entry;
  rows: Entry[];
}

interface TableParts {
  /** Header and delimiter rows, with their line breaks. */
  head: string;
  /** Start offsets of body rows, relative to the unit; the last element is the end of the rows. */
  rows: number[];
}

const isBlankLine = (text: string, start: number, end: number): boolean => {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
};

let crText = '';
let crFree = false;

/** End of the line starting at `start`, before its line break. */
function lineEnd(text: string, start: number): number {
  if (text !== crText) {
    crText = text;
    crFree = !text.includes('\r');
  }
  if (crFree) {
    const i = text.indexOf('\n', start);
    return i < 0 ? text.length : i;
  }
  let i = start;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
    i++;
  }
  return n;
}

/** Start of the next line after a line ending at `end`. */
function nextLine(text: string, end: number): number {
  if (end >= text.length) return text.length;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

/** Can a unit start at this line (given that the line before it is blank)? */
function opensUnit(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  const c = text.charCodeAt(start);
  if (c === 32 || c === 9) return false;
  if (c === 45 || c === 42 || c === 43) {
    // -, *, + followed by whitespace or the end of the line: a list item.
    const d = start + 1 < end ? text.charCodeAt(start + 1) : -1;
    return !(d === -1 || d === 32 || d === 9);
  }
  if (c >= 48 && c <= 57) {
    let i = start;
    while (i < end && i - start < 10 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    const m = text.charCodeAt(i);
    if (i < end && (m === 46 || m === 41)) {
      const d = i + 1 < end ? text.charCodeAt(i + 1) : -1;
      return !(d === -1 || d === 32 || d === 9);
    }
  }
  return true;
}

/**
 * End offset of front matter that units must not cut, or 0; at or after the real end. The first line
 * that is exactly `---` closes it. Front matter that never closes changes how the rest of the document
 * parses (remark-frontmatter then reads no list anywhere), so nothing is cut at all.
 */
function frontMatterEnd(text: string): number {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', from)) return 0;
  let pos = nextLine(text, lineEnd(text, from));
  while (pos < text.length) {
    const e = lineEnd(text, pos);
    if (e - pos === 3 && text.startsWith('---', pos)) return nextLine(text, e);
    pos = nextLine(text, e);
  }
  return text.length;
}

/** Splits [from, to) into units; `from` is a unit start on 0-based line `line`. */
function split(text: string, from: number, to: number, line: number, fmEnd: number): Unit[] {
  const units: Unit[] = [];
  let start = from;
  let startLine = line;
  let prevBlank = false;
  let pos = from;
  let ln = line;
  while (pos < to) {
    const e = lineEnd(text, pos);
    const blank = isBlankLine(text, pos, e);
    if (pos > start && prevBlank && !blank && pos >= fmEnd && opensUnit(text, pos, e)) {
      units.push({ start, end: pos, line: startLine });
      start = pos;
      startLine = ln;
    }
    prevBlank = blank;
    pos = nextLine(text, e);
    ln++;
  }
  units.push({ start, end: to, line: startLine });
  return units;
}

/** Is `pos` a unit boundary of `text` (or its start or end)? */
function isBoundary(text: string, pos: number, fmEnd: number): boolean {
  if (pos <= 0 || pos >= text.length) return true;
  const before = text.charCodeAt(pos - 1);
  if (before !== 10 && !(before === 13 && text.charCodeAt(pos) !== 10)) return false;
  if (pos < fmEnd) return false;
  let prevStart = pos - 1;
  if (before === 10 && text.charCodeAt(prevStart - 1) === 13) prevStart--;
  const prevEnd = prevStart;
  while (prevStart > 0) {
    const c = text.charCodeAt(prevStart - 1);
    if (c === 10 || c === 13) break;
    prevStart--;
  }
  return isBlankLine(text, prevStart, prevEnd) && opensUnit(text, pos, lineEnd(text, pos));
}

const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** A unit that is one big table: header, delimiter, then rows up to its trailing blank lines. */
function tableParts(text: string, unit: Unit, minSplitRows: number): TableParts | undefined {
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
  for (let p = pos; p < end; ) {
    const e = lineEnd(text, p);
    if (!isBlankLine(text, p, e)) return undefined;
    p = nextLine(text, e);
  }
  rows.push(pos - start);
  return { head: text.slice(start, bodyStart), rows };
}

/** The text of body row `i` of table unit `u`, without its line break: the row's cache key. */
function bodyRow(text: string, u: Unit, parts: TableParts, i: number): string {
  const start = u.start + parts.rows[i];
  return text.slice(start, lineEnd(text, start));
}

type Point = { line: number; offset?: number };

/** Every start and end point in the nodes: shifting them is one flat loop. */
function pointsOf(nodes: Nodes[], out: Point[] = []): Point[] {
  for (const n of nodes) {
    if (n.position) out.push(n.position.start, n.position.end);
    if ('children' in n) pointsOf(n.children as Nodes[], out);
  }
  return out;
}

function shiftPoints(points: Point[], dOff: number, dLine: number): void {
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    p.offset! += dOff;
    p.line += dLine;
  }
}

function shiftNode(node: Nodes, dOff: number, dLine: number): void {
  const p = node.position;
  if (p) {
    p.start.offset! += dOff;
    p.end.offset! += dOff;
    p.start.line += dLine;
    p.end.line += dLine;
  }
  if ('children' in node) for (const child of node.children) shiftNode(child as Nodes, dOff, dLine);
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const HTML_RAW = /^ {0,3}<(?:(script|pre|style|textarea)(?=[\s>]|$)|(!--)|(\?)|(![A-Za-z])|(!\[CDATA\[))/i;

/** Does this top-level node run to the end of the parsed text because it was never closed? */
function maybeUnclosed(node: RootContent, source: string): boolean {
  if (node.type === 'code') {
    const f = FENCE_OPEN.exec(source);
    if (!f) return false;
    const lines = source.split(/\r\n|\r|\n/);
    if (lines.length < 2) return true;
    const last = lines[lines.length - 1].trim();
    return !(last.length >= f[1].length && [...last].every((c) => c === f[1][0]));
  }
  if (node.type === 'html') {
    const m = HTML_RAW.exec(source);
    if (!m) return false;
    const rest = source.slice(m[0].length);
    if (m[1]) return !/<\/(script|pre|style|textarea)>/i.test(rest);
    if (m[2]) return !source.slice(source.indexOf('<!--') + 2).includes('-->');
    if (m[3]) return !rest.includes('?>');
    if (m[4]) return !rest.includes('>');
    return !rest.includes(']]>');
  }
  return false;
}

function collectDefs(nodes: RootContent[], out: string[]): void {
  for (const n of nodes) {
    if (n.type === 'definition') out.push('L:' + n.identifier);
    else if (n.type === 'footnoteDefinition') out.push('F:' + n.identifier);
    if ('children' in n) collectDefs(n.children as RootContent[], out);
  }
}

function defsText(defs: string[]): string {
  return defs.map((d) => (d[0] === 'F' ? `[^${d.slice(2)}]: x\n\n` : `[${d.slice(2)}]: x\n\n`)).join('');
}

/**
 * Parses successive versions of one document, reusing the parse of every unit whose text is unchanged.
 * Not thread-safe, and a returned tree is mutated by the next call.
 */
export class IncrementalParser {
  private text = '';
  private units: Unit[] = [];
  private fmEnd = 0;
  private readonly cache = new Map<string, Entry[]>();
  private readonly rowCache = new Map<string, Map<string, Entry[]>>();
  /** The entry holding each top-level node and each row of a big table. */
  private readonly entryOf = new WeakMap<Nodes, Entry>();
  private settled = true;
  private gen = 0;
  /** Unpacked packable entries, least recently read or parsed first. */
  private readonly warm = new Set<Entry>();
  /** Entries in the caches, and those the current parse uses: the rest is swept now and then. */
  private cachedCount = 0;
  private usedCount = 0;
  /** This parse placed a table with cached rows found by their text. */
  private tookRows = false;
  private defs: string[] = [];
  private defsKey = '';
  /** The last edit: text before `p` and from `oldEnd` (in the old text; `newEnd` in the new) is unchanged. */
  private change = { p: 0, oldEnd: 0, newEnd: 0 };
  private diff: TextDiff | undefined;
  /** Parses run by the last parse() call: for tests and measurements. */
  parsesRun = 0;
  /** Roots handed to parseWith, by the exact source they were parsed from; each is used once. */
  private handed: Map<string, Root[]> | undefined;
  private readonly opts: IncrementalOptions;

  constructor(options: Partial<IncrementalOptions> = {}) {
    this.opts = { ...DEFAULTS, ...options };
  }

  /** Cached unit and row parses, used or not: for tests and measurements. */
  get cacheSize(): number {
    let n = 0;
    for (const list of this.cache.values()) n += list.length;
    for (const rows of this.rowCache.values()) for (const list of rows.values()) n += list.length;
    return n;
  }

  /** How the last parse's text differs from the one before, if it was diffed; handed out once, so as not to keep the old text. */
  takeDiff(): TextDiff | undefined {
    const d = this.diff;
    this.diff = undefined;
    return d;
  }

  /**
   * The remark sources a parse(text) would parse now (uncached units and table row batches), in
   * its order, so that they can be parsed elsewhere and handed to parseWith. None when the text
   * differs from the last one parsed in fewer than `minChars` characters, or they total fewer.
   * Sources that definitions found by the parse itself change are not foreseen.
   */
  sourcesFor(text: string, minChars = 0): string[] {
    flatten(text);
    const p = commonPrefix(this.text, text);
    const changed = text.length - p - commonSuffix(this.text, text, Math.min(this.text.length, text.length) - p);
    if (changed < minChars) return [];
    const last = this.text;
    this.text = text;
    try {
      return this.uncachedSources(split(text, 0, text.length, 0, frontMatterEnd(text)), minChars);
    } finally {
      this.text = last;
    }
  }

  /** parse(text, options), taking the root of each source in `roots` from there instead of parsing it. */
  parseWith(text: string, roots: Iterable<readonly [source: string, root: Root]>, options?: { settled?: boolean }): Root {
    this.handed = new Map();
    for (const [source, root] of roots) {
      const list = this.handed.get(source);
      if (list) list.push(root);
      else this.handed.set(source, [root]);
    }
    try {
      return this.parse(text, options);
    } finally {
      this.handed = undefined;
    }
  }

  /** The walk assemble() makes over `units` of this.text, listing the sources it would parse. */
  private uncachedSources(units: Unit[], minChars: number): string[] {
    const sources: string[] = [];
    // What this walk has listed is cached by the time assemble() gets further.
    const listed = new Set<string>();
    let total = 0;
    const add = (source: string) => {
      sources.push(source);
      total += source.length;
    };
    for (let k = 0; k < units.length; ) {
      const u = units[k];
      const parts = tableParts(this.text, u, this.opts.minSplitRows);
      if (parts) {
        this.tableSources(u, parts, add);
        k++;
        continue;
      }
      const key = this.keyOf(u);
      if (this.cache.has(key) || listed.has(key)) {
        k++;
        continue;
      }
      const m = this.batchEnd(units, k, (key) => this.cache.has(key) || listed.has(key));
      add(this.batchSource(units, k, m).source);
      for (let i = k; i < m; i++) listed.add(this.keyOf(units[i]));
      k = m;
    }
    return total < minChars ? [] : sources;
  }

  /** The row batches placeTable() would parse for table unit `u`. */
  private tableSources(u: Unit, parts: TableParts, add: (source: string) => void): void {
    const text = this.text;
    const rowsText = text.slice(u.start + parts.rows[0], u.start + parts.rows[parts.rows.length - 1]);
    const ctx = this.needsDefs(parts.head) || this.needsDefs(rowsText) ? defsText(this.defs) : '';
    const rows = this.rowCache.get(parts.head + '\u0000' + ctx);
    const listed = new Set<string>();
    const cached = (i: number) => {
      const t = bodyRow(text, u, parts, i);
      return !!rows?.has(t) || listed.has(t);
    };
    const n = parts.rows.length - 1;
    let head = !!rows?.has('\u0000head');
    for (let i = 0; i < n; ) {
      if (cached(i)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && j - i < this.opts.rowBatch && !cached(j)) j++;
      add(this.rowsSource(u, parts, ctx, i, j).source);
      for (let r = i; r < j; r++) listed.add(bodyRow(text, u, parts, r));
      head = true;
      i = j;
    }
    if (!head) add(this.rowsSource(u, parts, ctx, 0, 1).source);
  }

  /**
   * The mdast of `text`. With `settled: false`, positions inside top-level nodes and inside the rows
   * of big tables may lag behind (those nodes' own are right): settle(node) brings them up to date.
   */
  parse(text: string, { settled = true }: { settled?: boolean } = {}): Root {
    this.settled = settled;
    this.diff = undefined;
    flatten(text);
    this.resplit(text);
    this.text = text;
    this.parsesRun = 0;
    for (let attempt = 0; ; attempt++) {
      this.gen++;
      this.usedCount = 0;
      this.tookRows = false;
      const found: string[] = [];
      const children = this.assemble(found);
      const defs = [...new Set(found)].sort();
      if (attempt < 2 && defs.join('\n') !== this.defsKey) {
        this.defs = defs;
        this.defsKey = defs.join('\n');
        continue;
      }
      this.evict(attempt > 0);
      // parseMarkdown counts a byte order mark into offsets: the root starts after it.
      const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      return { type: 'root', children, position: { start: { line: 1, column: 1 + bom, offset: bom }, end: this.endPoint() } };
    }
  }

  private endPoint() {
    const t = this.text;
    const last = this.units[this.units.length - 1];
    const line = last.line + 1 + countLines(t.slice(last.start));
    let lastStart = t.length;
    while (lastStart > 0 && t.charCodeAt(lastStart - 1) !== 10 && t.charCodeAt(lastStart - 1) !== 13) lastStart--;
    return { line, column: t.length - lastStart + 1, offset: t.length };
  }

  /** Updates the unit list for the new text, re-splitting only around the changed region. */
  private resplit(text: string): void {
    const old = this.text;
    const fmEnd = frontMatterEnd(text);
    if (!this.units.length || fmEnd !== this.fmEnd) {
      this.fmEnd = fmEnd;
      this.units = split(text, 0, text.length, 0, fmEnd);
      return;
    }
    const p = commonPrefix(old, text);
    if (p === old.length && p === text.length) return;
    const s = commonSuffix(old, text, Math.min(old.length, text.length) - p);
    const delta = text.length - old.length;
    const units = this.units;
    let i = 0;
    while (i < units.length - 1 && units[i].end < p) i++;
    let j = i;
    while (j < units.length - 1 && units[j + 1].start <= old.length - s) j++;
    if (p < fmEnd) i = 0;
    while (i > 0 && !isBoundary(text, units[i].start, fmEnd)) i--;
    while (j < units.length - 1 && !isBoundary(text, units[j].end + delta, fmEnd)) j++;
    const from = units[i].start;
    const to = units[j].end + delta;
    const fresh = split(text, from, to, units[i].line, fmEnd);
    this.change = { p, oldEnd: old.length - s, newEnd: text.length - s };
    this.diff = { from: old, to: text, prefix: p, suffix: s };
    // A table the edit is inside keeps its start: hand its rows to the unit that replaces it.
    for (let k = i; k <= j; k++) {
      const table = units[k].table;
      if (!table || units[k].start >= p || units[k].defs !== this.defsKey) continue;
      const same = fresh.find((f) => f.start === units[k].start);
      if (same) same.prev = { ...table, start: units[k].start };
    }
    const tail = units.slice(j + 1);
    if (tail.length) {
      // Units after the edit move by the change in line count, read from the changed stretch alone.
      const dLine = lineStarts(text, p, text.length - s) - lineStarts(old, p, old.length - s);
      for (const u of tail) {
        u.start += delta;
        u.end += delta;
        u.line += dLine;
      }
    }
    this.units = [...units.slice(0, i), ...fresh, ...tail];
  }

  private take(list: Entry[] | undefined): Entry | undefined {
    if (!list) return undefined;
    for (const e of list) if (e.gen !== this.gen) return e;
    const e = list[0];
    const copy: Entry = { ...e, nodes: structuredClone(e.nodes), gen: 0, points: undefined };
    this.own(copy);
    if (!copy.packed && copy.packable) this.warm.add(copy);
    list.push(copy);
    this.cachedCount++;
    return copy;
  }

  private keyOf(unit: Unit): string {
    const t = this.text.slice(unit.start, unit.end);
    // Only the first unit can hold front matter or a byte order mark.
    const key = unit.start === 0 ? '\u0001' + t : t;
    return this.needsDefs(t) ? key + '\u0000' + this.defsKey : key;
  }

  private needsDefs(t: string): boolean {
    return this.defs.length > 0 && t.includes('[');
  }

  /** Places the entry; its positions follow when settled, at once unless parse() was told otherwise. */
  private move(e: Entry, off: number, line: number): void {
    e.off = off;
    e.line = line;
    if (this.settled) this.settleEntry(e);
  }

  /** Brings the positions of the entry's nodes, and (unless `ownOnly`) of what is inside them, to where it is. */
  private settleEntry(e: Entry, ownOnly = false): void {
    if (e.ownOff !== e.off || e.ownLine !== e.line) {
      const dOff = e.off - e.ownOff;
      const dLine = e.line - e.ownLine;
      for (const n of e.nodes) {
        const p = n.position!;
        p.start.offset! += dOff;
        p.end.offset! += dOff;
        p.start.line += dLine;
        p.end.line += dLine;
      }
      e.ownOff = e.off;
      e.ownLine = e.line;
    }
    if (ownOnly) return;
    if (e.packed !== undefined) return this.unpack(e);
    if (e.innerOff === e.off && e.innerLine === e.line) return;
    if (!e.points) {
      e.points = [];
      for (const n of e.nodes) if ('children' in n) pointsOf(n.children as Nodes[], e.points);
    }
    shiftPoints(e.points, e.off - e.innerOff, e.line - e.innerLine);
    e.innerOff = e.off;
    e.innerLine = e.line;
  }

  /** Notes which entry holds each of its nodes, for settle(). */
  private own(e: Entry): void {
    for (const n of e.nodes) this.entryOf.set(n, e);
  }

  /**
   * Brings the positions of a top-level node or a big table's row of the last parse, and of what is
   * inside it, up to date: after parse(text, { settled: false }) a reader calls this first.
   */
  settle(node: Nodes): void {
    const e = this.entryOf.get(node);
    if (!e) return;
    this.settleEntry(e);
    if (e.packable) {
      this.warm.delete(e);
      this.warm.add(e);
    }
  }

  /**
   * Packs what is inside big tables' rows and top-level nodes into a string per row or unit, except
   * the `warmRows` settled or parsed last: settle(node) unpacks it. For a parser used with
   * parse(text, { settled: false }), once what the last tree is read for has read it.
   */
  pack(): void {
    let excess = this.warm.size - this.opts.warmRows;
    if (excess <= 0) return;
    for (const e of this.warm) {
      if (excess-- <= 0) break;
      this.warm.delete(e);
      this.packEntry(e);
    }
  }

  /**
   * Writes the children of the entry's nodes to one string. Their points are kept as offsets from
   * the entry's start, and their lines and columns read from the text again when unpacked: each is
   * checked to be what the text says (if one is not, the entry stays unpacked).
   */
  private packEntry(e: Entry): void {
    const parents = parentsOf(e);
    const at: number[] = [];
    const points: Point[] = [];
    for (const p of parents) pointOffsets(p.children, e.innerOff, at, points);
    // The text at the entry's place is its text, wherever its points are still placed.
    const starts = lineStartsIn(this.text, e.off, extentOf(e));
    for (let i = 0, k = 0; i < at.length; i++) {
      if (at[i] < 0) continue;
      const want = pointAt(starts, at[i], e.innerOff, e.innerLine);
      const p = points[k++] as Point & { column: number };
      if (p.line !== want.line || p.column !== want.column) return;
    }
    // Positions go first, so that JSON leaves them out without a replacer (V8 then writes one flat string).
    for (const p of parents) dropPositions(p.children);
    e.packed = JSON.stringify([at, parents.map((p) => p.children)]);
    for (const p of parents) p.children = [];
    e.points = undefined;
  }

  /** The children of the entry's nodes again, placed where the entry now is. */
  private unpack(e: Entry): void {
    const [at, lists] = JSON.parse(e.packed!) as [number[], Nodes[][]];
    const starts = lineStartsIn(this.text, e.off, extentOf(e));
    let k = 0;
    const place = (nodes: Nodes[]): void => {
      for (const n of nodes) {
        const s = at[k++];
        const end = at[k++];
        if (s >= 0) n.position = { start: pointAt(starts, s, e.off, e.line), end: pointAt(starts, end, e.off, e.line) };
        if ('children' in n) place(n.children as Nodes[]);
      }
    };
    parentsOf(e).forEach((p, i) => {
      place(lists[i]);
      p.children = lists[i];
    });
    e.packed = undefined;
    e.innerOff = e.off;
    e.innerLine = e.line;
  }

  /** Whether the next parse hands back this node object while its text is unchanged (a big table's node it builds anew). */
  holds(node: Nodes): boolean {
    return this.entryOf.has(node);
  }

  /** Caches an entry under `key`, after those already there. */
  private store(map: Map<string, Entry[]>, key: string, e: Entry): void {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
    this.cachedCount++;
  }

  /** Marks the entry used by this parse. */
  private claim(e: Entry): void {
    if (e.gen === this.gen) return;
    e.gen = this.gen;
    this.usedCount++;
  }

  private release(e: Entry): void {
    if (e.gen !== this.gen) return;
    e.gen = 0;
    this.usedCount--;
  }

  private place(e: Entry, off: number, line: number, out: RootContent[], found: string[]): void {
    this.move(e, off, line);
    this.claim(e);
    for (const n of e.nodes) out.push(n);
    for (const d of e.defs) found.push(d);
  }

  private assemble(found: string[]): RootContent[] {
    const out: RootContent[] = [];
    const units = this.units;
    for (let k = 0; k < units.length; ) {
      const u = units[k];
      // A unit kept from the last parse: its text and its context are unchanged.
      if (u.defs === this.defsKey) {
        // Its rows are its own unless a table placed before it took cached rows of the same text.
        if (u.table && u.table.head.gen !== this.gen && (!this.tookRows || u.table.rows.every((e) => e.gen !== this.gen))) {
          this.emitTable(u, u.table, out, found);
          k++;
          continue;
        }
        if (u.entry && u.entry.gen !== this.gen && !u.entry.unclosed) {
          this.place(u.entry, u.start, u.line, out, found);
          k++;
          continue;
        }
      }
      const parts = tableParts(this.text, u, this.opts.minSplitRows);
      if (parts && this.placeTable(u, parts, out, found)) {
        k++;
        continue;
      }
      const key = this.keyOf(u);
      const list = this.cache.get(key);
      const hit = list && this.take(list);
      if (hit) {
        if (hit.unclosed && k + 1 < units.length) {
          units.splice(k, 2, { start: u.start, end: units[k + 1].end, line: u.line });
          continue;
        }
        this.place(hit, u.start, u.line, out, found);
        u.entry = hit;
        u.table = undefined;
        u.defs = this.defsKey;
        k++;
        continue;
      }
      // Parse this unit with the following uncached ones, then come back to place them.
      this.parseBatch(k, this.batchEnd(units, k, (key) => this.cache.has(key)));
    }
    return out;
  }

  /** End of the batch that starts at uncached unit k: the uncached plain units after it, up to batchChars. */
  private batchEnd(units: Unit[], k: number, cached: (key: string) => boolean): number {
    let m = k + 1;
    let size = units[k].end - units[k].start;
    while (m < units.length && size < this.opts.batchChars && !cached(this.keyOf(units[m])) && !tableParts(this.text, units[m], this.opts.minSplitRows)) {
      size += units[m].end - units[m].start;
      m++;
    }
    return m;
  }

  /** Does the node, or its last child, or that one's last child..., run open to the end of the parse? */
  private endsOpen(node: RootContent): boolean {
    // Nodes remark-gfm adds for autolink literals have no position: they are inline, never open.
    for (let n: RootContent | undefined = node; n && n.position; ) {
      if (maybeUnclosed(n, this.text.slice(n.position.start.offset!, n.position.end.offset!))) return true;
      n = 'children' in n && n.children.length ? (n.children[n.children.length - 1] as RootContent) : undefined;
    }
    return false;
  }

  /** What remark is given for units [k, m) of `units`: the units' text between context `prefix` and `suffix`. */
  private batchSource(units: Unit[], k: number, m: number): { source: string; prefix: string; body: string; suffix: string } {
    const from = units[k].start;
    const to = units[m - 1].end;
    const body = this.text.slice(from, to);
    const wholeDoc = from === 0 && to === this.text.length;
    const ctx = this.needsDefs(body) && !wholeDoc ? defsText(this.defs) : '';
    // Text after a blank line parses as it would at the start of a document, except that front matter
    // and a byte order mark are only recognized there.
    const prefix = from > 0 ? ctx || '\n' : '';
    const suffix = from === 0 && ctx ? '\n\n' + ctx : '';
    // Strings in the tree are slices of what remark is given: never the document itself, which
    // cached nodes would otherwise keep alive after it is replaced.
    return { source: prefix + detach(body) + suffix, prefix, body, suffix };
  }

  /** Parses units [k, m) as one text; stores one entry per unit, merging units a node spans. */
  private parseBatch(k: number, m: number): void {
    const units = this.units;
    const from = units[k].start;
    const { source, prefix, body, suffix } = this.batchSource(units, k, m);
    const root = this.parseSource(source);
    if (suffix && m - k > 1) {
      // Definitions written after a body that ends open (a fence, raw HTML) were swallowed by it, so
      // references before them did not resolve: parse without the last unit, which is the open one.
      let written = 0;
      for (const n of root.children) if (n.position!.start.offset! >= prefix.length + body.length) written++;
      if (written < this.defs.length) return this.parseBatch(k, m - 1);
    }
    const dOff = from - prefix.length;
    const dLine = units[k].line - countLines(prefix);
    const nodes: RootContent[] = [];
    let overflow = false;
    for (const n of root.children) {
      const s = n.position!.start.offset!;
      if (s < prefix.length || s >= prefix.length + body.length) {
        if (s < prefix.length + body.length && n.position!.end.offset! > prefix.length + body.length) overflow = true;
        continue;
      }
      if (n.position!.end.offset! > prefix.length + body.length) overflow = true;
      shiftNode(n, dOff, dLine);
      nodes.push(n);
    }
    // Assign nodes to units by start; a node that ends past its unit joins the units it covers.
    let ni = 0;
    let u = k;
    while (u < m) {
      let end = units[u].end;
      const own: RootContent[] = [];
      while (ni < nodes.length && nodes[ni].position!.start.offset! < end) {
        const n = nodes[ni++];
        while (n.position!.end.offset! > end && u + 1 < m) {
          units.splice(u, 2, { start: units[u].start, end: units[u + 1].end, line: units[u].line });
          m--;
          end = units[u].end;
        }
        own.push(n);
      }
      const unit = units[u];
      const last = own[own.length - 1];
      const unclosed = (u === m - 1 && overflow) || (!!last && this.endsOpen(last));
      const defs: string[] = [];
      if (this.text.slice(unit.start, unit.end).includes(']:')) collectDefs(own, defs);
      const entry = newEntry(own, unit.start, unit.line, unclosed, defs.length ? defs : NO_DEFS);
      this.own(entry);
      if (countNodes(own) - own.length >= PACK_MIN_NODES) {
        entry.packable = true;
        this.warm.add(entry);
      }
      const key = detach(this.keyOf(unit));
      this.store(this.cache, key, entry);
      u++;
    }
  }

  /** Places a big table from cached rows, parsing uncached rows in batches. False if the unit is not one table. */
  private placeTable(u: Unit, parts: TableParts, out: RootContent[], found: string[]): boolean {
    const text = this.text;
    const rowsText = text.slice(u.start + parts.rows[0], u.start + parts.rows[parts.rows.length - 1]);
    const ctx = this.needsDefs(parts.head) || this.needsDefs(rowsText) ? defsText(this.defs) : '';
    const mapKey = parts.head + '\u0000' + ctx;
    let rows = this.rowCache.get(mapKey);
    if (!rows) {
      rows = new Map();
      this.rowCache.set(detach(mapKey), rows);
    }
    const n = parts.rows.length - 1;
    const rowText = (i: number) => bodyRow(text, u, parts, i);
    const entries: Entry[] = new Array(n);
    let head = this.take(rows.get('\u0000head'));
    // Rows of the table before the edit that lie wholly before or after the edit.
    const prev = u.prev?.parts.head === parts.head ? u.prev : undefined;
    const { p, oldEnd, newEnd } = this.change;
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
      return e && e.gen !== this.gen ? e : undefined;
    };
    if (prev && prev.head.gen !== this.gen) head = prev.head;
    for (let i = 0; i < n; ) {
      let e = oldRow(i);
      if (!e) {
        e = this.take(rows.get(rowText(i)));
        if (e) this.tookRows = true;
      }
      if (e) {
        entries[i] = e;
        this.claim(e);
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && j - i < this.opts.rowBatch && !oldRow(j) && !rows.has(rowText(j))) j++;
      const parsed = this.parseRows(u, parts, ctx, i, j);
      if (!parsed) {
        // Not one table after all: the caller parses the unit whole.
        for (const x of entries) if (x) this.release(x);
        return false;
      }
      if (!head) {
        head = parsed.head;
        this.store(rows, '\u0000head', head);
      }
      for (let r = i; r < j; r++) {
        const e = parsed.rows[r - i];
        entries[r] = e;
        this.claim(e);
        this.store(rows, detach(rowText(r)), e);
      }
      i = j;
    }
    if (!head) {
      const parsed = this.parseRows(u, parts, ctx, 0, 1);
      if (!parsed) return false;
      head = parsed.head;
      this.store(rows, '\u0000head', head);
    }
    u.prev = undefined;
    u.entry = undefined;
    u.table = { parts, head, rows: entries };
    u.defs = this.defsKey;
    this.emitTable(u, u.table, out, found);
    return true;
  }

  /** Moves a table's header and rows to the unit's place and emits the table node. */
  private emitTable(u: Unit, t: TableState, out: RootContent[], found: string[]): void {
    const { parts, head } = t;
    const headLines = countLines(parts.head);
    const headRow = head.nodes[0] as Table;
    this.place(head, u.start, u.line, [], found);
    // The header row is read below and emitted as the table's first row: it is always settled.
    this.settleEntry(head);
    const children: TableRow[] = [headRow.children[0]];
    for (let i = 0; i < t.rows.length; i++) {
      const e = t.rows[i];
      this.move(e, u.start + parts.rows[i], u.line + headLines + i);
      this.claim(e);
      children.push(e.nodes[0] as unknown as TableRow);
    }
    // The table's position is read from its first and last rows.
    if (t.rows.length) this.settleEntry(t.rows[t.rows.length - 1], true);
    const lastEnd = children[children.length - 1].position!.end;
    out.push({
      type: 'table',
      align: headRow.align,
      children,
      position: { start: { ...headRow.position!.start }, end: { ...lastEnd } },
    });
  }

  /** What remark is given for body rows [i, j) of a table unit: the header and the rows, in context `ctx`. */
  private rowsSource(u: Unit, parts: TableParts, ctx: string, i: number, j: number): { source: string; prefix: string; suffix: string } {
    const prefix = u.start > 0 ? ctx || '\n' : '';
    const suffix = u.start === 0 && ctx ? '\n\n' + ctx : '';
    const source = prefix + parts.head + this.text.slice(u.start + parts.rows[i], u.start + parts.rows[j]) + suffix;
    return { source, prefix, suffix };
  }

  /** The root of `source`: one handed to parseWith for exactly this text, or parsed now. */
  private parseSource(source: string): Root {
    const handed = this.handed?.get(source);
    if (handed?.length) return handed.pop()!;
    this.parsesRun++;
    return parseMarkdown(source);
  }

  /** Parses body rows [i, j) under the header; entries hold the header (as a table shell) and each row. */
  private parseRows(u: Unit, parts: TableParts, ctx: string, i: number, j: number): { head: Entry; rows: Entry[] } | undefined {
    const text = this.text;
    const from = u.start + parts.rows[i];
    const { source, prefix, suffix } = this.rowsSource(u, parts, ctx, i, j);
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
      this.own(entry);
      this.warm.add(entry);
      rows.push(entry);
    }
    const shell: Table = { type: 'table', align: table.align, children: [table.children[0]], position: table.position };
    return { head: newEntry([shell], u.start, u.line), rows };
  }

  /**
   * Drops cached units the last parse did not use, once they add up (an edit leaves a few behind).
   * `now` after a parse run again under other definitions: the entries of its first attempt (of a
   * whole-document parse, say) may be keyed without the context they were parsed in.
   */
  private evict(now: boolean): void {
    if (!now && this.cachedCount - this.usedCount <= Math.max(64, this.usedCount >> 4)) return;
    const used = (e: Entry): boolean => {
      if (e.gen === this.gen) return true;
      this.warm.delete(e);
      return false;
    };
    const sweep = (map: Map<string, Entry[]>) => {
      for (const [key, list] of map) {
        if (list.length === 1) {
          if (!used(list[0])) map.delete(key);
          continue;
        }
        const kept = list.filter(used);
        if (!kept.length) map.delete(key);
        else if (kept.length !== list.length) map.set(key, kept);
      }
    };
    sweep(this.cache);
    for (const [mapKey, rows] of this.rowCache) {
      sweep(rows);
      if (!rows.size) this.rowCache.delete(mapKey);
    }
    this.cachedCount = this.usedCount;
  }
}
