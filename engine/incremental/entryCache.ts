// The entry cache: parsed units and rows kept by text, placed, settled and packed.
import type { Nodes, RootContent } from 'mdast';
import { packEntry, unpack } from './packing';
import type { Entry, Point } from './unitTypes';

export const NO_DEFS: string[] = [];

/** An entry for nodes just parsed: their positions are where they are placed. */
export function newEntry(nodes: RootContent[], off: number, line: number, unclosed = false, defs = NO_DEFS): Entry {
  return {
    nodes,
    off,
    line,
    unclosed,
    defs,
    gen: 0,
    points: undefined,
    ownOff: off,
    ownLine: line,
    innerOff: off,
    innerLine: line,
    packed: undefined,
    packable: false,
  };
}

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

export function shiftNode(node: Nodes, dOff: number, dLine: number): void {
  const p = node.position;
  if (p) {
    p.start.offset! += dOff;
    p.end.offset! += dOff;
    p.start.line += dLine;
    p.end.line += dLine;
  }
  if ('children' in node) for (const child of node.children) shiftNode(child as Nodes, dOff, dLine);
}

/**
 * The parsed entries of one document's units and big-table rows, by their text, and the entry of each
 * node handed out. An entry claimed by the current parse has `gen === this.gen`; its nodes are valid
 * until the next parse, which may move, pack or hand them out again.
 */
export class EntryCache {
  /** Entries of units, by unit key. */
  readonly cache = new Map<string, Entry[]>();
  /** Entries of big tables' rows, by header and context, then by row text. */
  readonly rowCache = new Map<string, Map<string, Entry[]>>();
  /** The entry holding each top-level node and each row of a big table. */
  private readonly entryOf = new WeakMap<Nodes, Entry>();
  /** Whether entries are settled as soon as they are placed. */
  settled = true;
  /** The current parse. */
  gen = 0;
  /** The text of the current parse: what packed entries are read back against. */
  text = '';
  /** Unpacked packable entries, least recently read or parsed first. */
  readonly warm = new Set<Entry>();
  /** Entries in the caches, and those the current parse uses: the rest is swept now and then. */
  private cachedCount = 0;
  usedCount = 0;

  /** `warmRows`: entries that pack() leaves unpacked. */
  constructor(private readonly warmRows: number) {}

  /** Cached unit and row parses, used or not: for tests and measurements. */
  get cacheSize(): number {
    let n = 0;
    for (const list of this.cache.values()) n += list.length;
    for (const rows of this.rowCache.values()) for (const list of rows.values()) n += list.length;
    return n;
  }

  take(list: Entry[] | undefined): Entry | undefined {
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

  /** Caches an entry under `key`, after those already there. */
  store(map: Map<string, Entry[]>, key: string, e: Entry): void {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
    this.cachedCount++;
  }

  /** Marks the entry used by this parse. */
  claim(e: Entry): void {
    if (e.gen === this.gen) return;
    e.gen = this.gen;
    this.usedCount++;
  }

  release(e: Entry): void {
    if (e.gen !== this.gen) return;
    e.gen = 0;
    this.usedCount--;
  }

  /** Notes which entry holds each of its nodes, for settle(). */
  own(e: Entry): void {
    for (const n of e.nodes) this.entryOf.set(n, e);
  }

  place(e: Entry, off: number, line: number, out: RootContent[], found: string[]): void {
    this.move(e, off, line);
    this.claim(e);
    for (const n of e.nodes) out.push(n);
    for (const d of e.defs) found.push(d);
  }

  /** Places the entry; its positions follow when settled, at once unless parse() was told otherwise. */
  move(e: Entry, off: number, line: number): void {
    e.off = off;
    e.line = line;
    if (this.settled) this.settleEntry(e);
  }

  /** Brings the positions of the entry's nodes, and (unless `ownOnly`) of what is inside them, to where it is. */
  settleEntry(e: Entry, ownOnly = false): void {
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
    if (e.packed !== undefined) return unpack(e, this.text);
    if (e.innerOff === e.off && e.innerLine === e.line) return;
    if (!e.points) {
      e.points = [];
      for (const n of e.nodes) if ('children' in n) pointsOf(n.children as Nodes[], e.points);
    }
    shiftPoints(e.points, e.off - e.innerOff, e.line - e.innerLine);
    e.innerOff = e.off;
    e.innerLine = e.line;
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

  /** Whether the next parse hands back this node object while its text is unchanged (a big table's node it builds anew). */
  holds(node: Nodes): boolean {
    return this.entryOf.has(node);
  }

  /**
   * Packs what is inside big tables' rows and top-level nodes into a string per row or unit, except
   * the `warmRows` settled or parsed last: settle(node) unpacks it. For a parser used with
   * parse(text, { settled: false }), once what the last tree is read for has read it.
   */
  pack(): void {
    let excess = this.warm.size - this.warmRows;
    if (excess <= 0) return;
    for (const e of this.warm) {
      if (excess-- <= 0) break;
      this.warm.delete(e);
      packEntry(e, this.text);
    }
  }

  /**
   * Drops cached units the last parse did not use, once they add up (an edit leaves a few behind).
   * `now` after a parse run again under other definitions: the entries of its first attempt (of a
   * whole-document parse, say) may be keyed without the context they were parsed in.
   */
  evict(now: boolean): void {
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
