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
import type { Nodes, Root, RootContent } from 'mdast';
import { leadingBoms, parseMarkdown } from '../parse';
import { detach } from '../text';
import { commonPrefix, commonSuffix, countLines, flatten, lineStarts, type TextDiff } from './textDiff';
import { DEFAULTS, type IncrementalOptions } from './options';
import { EntryCache, NO_DEFS, newEntry, shiftNode } from './entryCache';
import { countNodes, PACK_MIN_NODES } from './packing';
import { BigTables, tableParts, type Change, type TablePlace } from './bigTables';
import { collectDefs, defsText, frontMatterEnd, isBoundary, maybeUnclosed, split } from './units';
import type { TableParts, Unit } from './unitTypes';

export type { IncrementalOptions } from './options';

/**
 * Parses successive versions of one document, reusing the parse of every unit whose text is unchanged.
 * Not thread-safe, and a returned tree is mutated by the next call.
 */
export class IncrementalParser {
  private text = '';
  private units: Unit[] = [];
  private fmEnd = 0;
  private readonly opts: IncrementalOptions;
  private readonly entries: EntryCache;
  private readonly tables: BigTables;
  private defs: string[] = [];
  private defsKey = '';
  /** The last edit: text before `p` and from `oldEnd` (in the old text; `newEnd` in the new) is unchanged. */
  private change: Change = { p: 0, oldEnd: 0, newEnd: 0 };
  private diff: TextDiff | undefined;
  /** Parses run by the last parse() call: for tests and measurements. */
  parsesRun = 0;
  /** Roots handed to parseWith, by the exact source they were parsed from; each is used once. */
  private handed: Map<string, Root[]> | undefined;

  constructor(options: Partial<IncrementalOptions> = {}) {
    this.opts = { ...DEFAULTS, ...options };
    this.entries = new EntryCache(this.opts.warmRows);
    this.tables = new BigTables(this.entries, this.opts, (source) => this.parseSource(source));
  }

  /** Cached unit and row parses, used or not: for tests and measurements. */
  get cacheSize(): number {
    return this.entries.cacheSize;
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
    for (let k = 0; k < units.length;) {
      const u = units[k];
      const parts = tableParts(this.text, u, this.opts.minSplitRows);
      if (parts) {
        this.tables.sources(this.text, u, parts, this.tablePlace(u, parts).ctx, add);
        k++;
        continue;
      }
      const key = this.keyOf(u);
      if (this.entries.cache.has(key) || listed.has(key)) {
        k++;
        continue;
      }
      const m = this.batchEnd(units, k, (key) => this.entries.cache.has(key) || listed.has(key));
      add(this.batchSource(units, k, m).source);
      for (let i = k; i < m; i++) listed.add(this.keyOf(units[i]));
      k = m;
    }
    return total < minChars ? [] : sources;
  }

  /**
   * The mdast of `text`. With `settled: false`, positions inside top-level nodes and inside the rows
   * of big tables may lag behind (those nodes' own are right): settle(node) brings them up to date.
   */
  parse(text: string, { settled = true }: { settled?: boolean } = {}): Root {
    this.entries.settled = settled;
    this.diff = undefined;
    flatten(text);
    this.resplit(text);
    this.text = text;
    this.entries.text = text;
    this.parsesRun = 0;
    for (let attempt = 0; ; attempt++) {
      this.entries.gen++;
      this.entries.usedCount = 0;
      this.tables.tookRows = false;
      const found: string[] = [];
      const children = this.assemble(found);
      const defs = [...new Set(found)].sort();
      if (attempt < 2 && defs.join('\n') !== this.defsKey) {
        this.defs = defs;
        this.defsKey = defs.join('\n');
        continue;
      }
      this.entries.evict(attempt > 0);
      // parseMarkdown counts the byte order marks it skips into offsets: the root starts after them.
      const bom = leadingBoms(text);
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

  /**
   * Brings the positions of a top-level node or a big table's row of the last parse, and of what is
   * inside it, up to date: after parse(text, { settled: false }) a reader calls this first.
   */
  settle(node: Nodes): void {
    this.entries.settle(node);
  }

  /**
   * Packs what is inside big tables' rows and top-level nodes into a string per row or unit, except
   * the `warmRows` settled or parsed last: settle(node) unpacks it. For a parser used with
   * parse(text, { settled: false }), once what the last tree is read for has read it.
   */
  pack(): void {
    this.entries.pack();
  }

  /** Whether the next parse hands back this node object while its text is unchanged (a big table's node it builds anew). */
  holds(node: Nodes): boolean {
    return this.entries.holds(node);
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

  private assemble(found: string[]): RootContent[] {
    const out: RootContent[] = [];
    const units = this.units;
    for (let k = 0; k < units.length;) {
      const u = units[k];
      // A unit kept from the last parse: its text and its context are unchanged.
      if (u.defs === this.defsKey) {
        // Its rows are its own unless a table placed before it took cached rows of the same text.
        if (u.table && u.table.head.gen !== this.entries.gen && (!this.tables.tookRows || u.table.rows.every((e) => e.gen !== this.entries.gen))) {
          this.tables.emit(u, u.table, out, found);
          k++;
          continue;
        }
        if (u.entry && u.entry.gen !== this.entries.gen && !u.entry.unclosed) {
          this.entries.place(u.entry, u.start, u.line, out, found);
          k++;
          continue;
        }
      }
      const parts = tableParts(this.text, u, this.opts.minSplitRows);
      if (parts && this.tables.place(this.tablePlace(u, parts), u, parts, out, found)) {
        k++;
        continue;
      }
      const key = this.keyOf(u);
      const list = this.entries.cache.get(key);
      const hit = list && this.entries.take(list);
      if (hit) {
        if (hit.unclosed && k + 1 < units.length) {
          units.splice(k, 2, { start: u.start, end: units[k + 1].end, line: u.line });
          continue;
        }
        this.entries.place(hit, u.start, u.line, out, found);
        u.entry = hit;
        u.table = undefined;
        u.defs = this.defsKey;
        k++;
        continue;
      }
      // Parse this unit with the following uncached ones, then come back to place them.
      this.parseBatch(
        k,
        this.batchEnd(units, k, (key) => this.entries.cache.has(key)),
      );
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
    for (let n: RootContent | undefined = node; n && n.position;) {
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
      this.entries.own(entry);
      if (countNodes(own) - own.length >= PACK_MIN_NODES) {
        entry.packable = true;
        this.entries.warm.add(entry);
      }
      const key = detach(this.keyOf(unit));
      this.entries.store(this.entries.cache, key, entry);
      u++;
    }
  }

  /** The root of `source`: one handed to parseWith for exactly this text, or parsed now. */
  private parseSource(source: string): Root {
    const handed = this.handed?.get(source);
    if (handed?.length) return handed.pop()!;
    this.parsesRun++;
    return parseMarkdown(source);
  }

  /** Where table unit `u` is placed: with the definitions its header and rows need written before them. */
  private tablePlace(u: Unit, parts: TableParts): TablePlace {
    const text = this.text;
    const rowsText = text.slice(u.start + parts.rows[0], u.start + parts.rows[parts.rows.length - 1]);
    const ctx = this.needsDefs(parts.head) || this.needsDefs(rowsText) ? defsText(this.defs) : '';
    return { text, change: this.change, ctx, defsKey: this.defsKey };
  }
}
