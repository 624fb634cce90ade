// Reuse of model parts between versions of one document. The incremental parser hands back the same
// mdast node objects for unchanged text, their own positions moved to where they now are; the parts
// of the model built from such a node (a table row and its task, the graph of a mermaid block,
// whatever a top-level block adds) are kept by node and moved by one shared shift that their spans
// read through, instead of being built again. A model built with a memo shares those parts with the
// previous model of the document, which is then stale: a model built with a memo is valid until the
// next build with it.
import type { Heading, Nodes, RootContent, Table as MdTable, TableRow as MdTableRow } from 'mdast';
import { LineIndex, ShiftingSpan, type BlockAdds, type Lines, type ModelHost, type RowAdds, type Runs, type Shift, type Span } from '../model';
import { commonPrefix, commonSuffix, flatten, type TextDiff } from './textDiff';

interface Part {
  value: unknown;
  /** Where the part's anchor was when it was built: it is now `shift` further. */
  off: number;
  line: number;
  shift: Shift;
  /** Only parts that note lines or offsets have these: most parts are table rows, thousands of them. */
  lines?: { line: number }[];
  offsets?: { obj: Record<string, unknown>; field: string }[];
}

/** What the memo needs of an incremental parser (IncrementalParser). */
export interface TreeSource {
  settle(node: Nodes): void;
  holds(node: Nodes): boolean;
}

/** The first index of the ascending `list` whose value is at least `value`. */
function firstAtLeast(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Parts are kept on their key object under this symbol, not enumerable: deep equality and clones ignore it. */
const PARTS = Symbol('techspec.modelParts');

type Keyed = { [PARTS]?: Record<string, Part> };

/** A part its builder keeps and moves itself (see ModelMemo.build). */
export class MovablePart<T> {
  constructor(
    readonly value: T,
    private readonly part: Part,
  ) {}

  moveBy(dOff: number, dLine: number): void {
    movePart(this.part, dOff, dLine);
  }
}

function movePart(part: Part, dOff: number, dLine: number): void {
  if (!dOff && !dLine) return;
  part.shift.off += dOff;
  part.shift.line += dLine;
  if (dLine && part.lines) for (const l of part.lines) l.line += dLine;
  if (dOff && part.offsets) for (const { obj, field } of part.offsets) (obj[field] as number) += dOff;
}

export class ModelMemo implements ModelHost {
  private recording: Part | undefined;
  private readonly index: Lines = { index: undefined };
  /** The shift of spans built outside any part: rebuilt with every model, never moved. */
  private readonly still: Shift = { off: 0, line: 0, lines: this.index };
  /** Whether the last part() call built its part (true) or reused it (false). */
  fresh = false;
  /** What the model keeps of each big table between versions, in document order. */
  private readonly bigTables: BigTable[] = [];
  /** Big tables read so far in this build. */
  private bigTablesSeen = 0;
  /** What the model keeps of the top-level nodes between versions. */
  private topBlocks: NodeBlock<BlockAdds>[] | undefined;
  /** The top-level headings of the last build. */
  private headings: readonly Heading[] | undefined;

  /**
   * `source`: the parser the trees come from, if it keeps nodes across versions and settles them
   * lazily. `blockRows`: top-level nodes, or rows of a big table, built and moved together.
   */
  constructor(
    private readonly source?: TreeSource,
    readonly blockRows = 128,
  ) {}

  /** Whether a part is being built: what is built now belongs to it. */
  get building(): boolean {
    return this.recording !== undefined;
  }

  /** Brings positions inside a node up to date before a part is built from it. */
  settle(node: Nodes): void {
    this.source?.settle(node);
  }

  /** Whether the node object comes back in the next version's tree while its text is unchanged. */
  kept(node: Nodes): boolean {
    return !!this.source?.holds(node);
  }
  private diff: TextDiff | undefined;
  /**
   * How the text given to lines() differs from the one before: unchanged before `from` and from
   * `oldEnd` on (old offsets), which moved by `dOff` characters and `dLine` lines. Undefined when
   * there was no text before.
   */
  change: { from: number; oldEnd: number; dOff: number; dLine: number } | undefined;

  /** How the next text differs from the last one, when the caller knows already (the parser's diff). */
  hint(diff: TextDiff | undefined): void {
    this.diff = diff;
  }

  /** The line index of `text`, updated from the previous one around the changed region. */
  lines(text: string): LineIndex {
    const prev = this.index.index;
    const old = prev ? prev.text : '';
    let index: LineIndex;
    if (!prev || text === old) {
      index = prev && text === old ? prev : new LineIndex(text);
      this.change = prev ? { from: text.length, oldEnd: text.length, dOff: 0, dLine: 0 } : undefined;
    } else {
      const d = this.diff;
      const known = !!d && d.from === old && d.to === text;
      if (!known) flatten(text);
      const p = known ? d.prefix : commonPrefix(old, text);
      const s = known ? d.suffix : commonSuffix(old, text, Math.min(old.length, text.length) - p);
      // A line start x depends on the characters at x-1 and x: starts before the change are kept,
      // starts after it are shifted, and the changed stretch is scanned again.
      const starts = prev.lineStarts;
      const newEnd = text.length - s;
      const oldEnd = old.length - s;
      const delta = text.length - old.length;
      // Starts before the change, those the changed stretch has now, and those after it, moved.
      const k = firstAtLeast(starts, p);
      const mid: number[] = k === 0 ? [0] : [];
      for (let i = Math.max(0, p - 1); i < newEnd; i++) {
        const c = text.charCodeAt(i);
        if ((c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) && i + 1 >= Math.max(p, 1)) mid.push(i + 1);
      }
      const k2 = firstAtLeast(starts, oldEnd + 1);
      let out: number[];
      if (k2 - k === mid.length) {
        // As many lines as before in the changed stretch (most keystrokes): one copy, changed in place.
        out = starts.slice();
        for (let i = 0; i < mid.length; i++) out[k + i] = mid[i];
        if (delta) for (let i = k2; i < out.length; i++) out[i] += delta;
      } else {
        const tail = starts.slice(k2);
        if (delta) for (let i = 0; i < tail.length; i++) tail[i] += delta;
        out = starts.slice(0, k).concat(mid, tail);
      }
      index = new LineIndex(text, out);
      this.change = { from: p, oldEnd, dOff: delta, dLine: out.length - starts.length };
    }
    this.diff = undefined;
    this.index.index = index;
    this.bigTablesSeen = 0;
    return index;
  }

  sameHeadings(headings: readonly Heading[]): boolean {
    const same = sameItems(this.headings, headings);
    this.headings = headings;
    return same;
  }

  /** Front matter, and a big table (its node is new in every tree), are visited every time; the other nodes go in blocks. */
  topLevel(children: RootContent[], runs: Runs<RootContent, BlockAdds>, visit: (node: RootContent) => void): void {
    const everyTime = (node: RootContent) => node.type === 'yaml' || (node.type === 'table' && !this.kept(node));
    this.topBlocks = keepBlocks(this, this.topBlocks, children, 0, children.length, everyTime, runs, visit);
  }

  /** A table the parser builds anew in every tree (a big one) has its rows kept in blocks, not by row. */
  readBigTable(table: MdTable, key: string, runs: Runs<MdTableRow, RowAdds>): boolean {
    if (this.building || this.kept(table)) return false;
    const ordinal = this.bigTablesSeen++;
    const state = this.bigTables[ordinal] as BigTable | undefined;
    const old = state?.key === key ? state.blocks : undefined;
    const blocks = keepBlocks(this, old, table.children, 1, table.children.length, () => false, runs);
    this.bigTables[ordinal] = { key, blocks };
    return true;
  }

  done(): void {
    this.bigTables.length = this.bigTablesSeen;
  }

  /**
   * The part `kind` of `key`, built now or reused. A reused part is moved by the distance its anchor
   * (`offset`, 0-based `line`) moved since it was built; `fresh` says which. Inside another part's
   * build, builds without keeping.
   */
  part<T>(key: object, kind: string, offset: number, line: number, build: () => T): T {
    if (this.recording) {
      this.fresh = true;
      return build();
    }
    const byKind = (key as Keyed)[PARTS];
    const found = byKind?.[kind];
    if (found) {
      movePart(found, offset - found.off - found.shift.off, line - found.line - found.shift.line);
      this.fresh = false;
      return found.value as T;
    }
    const part = this.record(offset, line, build);
    if (byKind) byKind[kind] = part;
    else Object.defineProperty(key, PARTS, { value: { [kind]: part }, enumerable: false, writable: true });
    this.fresh = true;
    return part.value as T;
  }

  /** Builds a part that the caller keeps and moves by itself; not inside another part's build. */
  build<T>(build: () => T): MovablePart<T> {
    const part = this.record(0, 0, build);
    return new MovablePart(part.value as T, part);
  }

  private record(offset: number, line: number, build: () => unknown): Part {
    if (this.recording) throw new Error('ModelMemo: a part is already being built');
    const part: Part = { value: undefined, off: offset, line, shift: { off: 0, line: 0, lines: this.index }, lines: undefined, offsets: undefined };
    this.recording = part;
    try {
      part.value = build();
    } finally {
      this.recording = undefined;
    }
    return part;
  }

  /** A span of the text last given to lines(); built while a part is, it moves with the part. */
  span(start: number, end: number): Span {
    return new ShiftingSpan(start, end, this.recording?.shift ?? this.still);
  }

  /** Notes an object whose `line` (0-based) moves with the part being built. */
  line<T extends { line: number }>(o: T): T {
    if (this.recording) (this.recording.lines ??= []).push(o);
    return o;
  }

  /** Notes a field holding an offset that moves with the part being built. */
  offset<T extends object>(obj: T, field: keyof T & string): T {
    if (this.recording) (this.recording.offsets ??= []).push({ obj: obj as Record<string, unknown>, field });
    return obj;
  }
}

function sameItems<T>(a: readonly T[] | undefined, b: readonly T[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A run of sibling nodes whose model parts were built together: their spans move as one. */
interface NodeBlock<V> {
  nodes: Nodes[];
  part: MovablePart<V>;
  /** Where the first node starts and the last one ends. */
  startOff: number;
  endOff: number;
}

/** What the model keeps of a big table between versions. */
interface BigTable {
  /** Which task columns the rows were read with ('row': none). */
  key: string;
  blocks: NodeBlock<RowAdds>[];
}

/** A node this long gets a block of its own: a change next to it does not build it again. */
const ALONE_CHARS = 8192;

/** The blocks of the last version (`old`) that lie wholly before or after the change, by first node; those after moved. */
function keptBlocks<V>(m: ModelMemo, old: NodeBlock<V>[] | undefined): Map<Nodes, NodeBlock<V>> {
  const change = m.change;
  const kept = new Map<Nodes, NodeBlock<V>>();
  if (old && change)
    for (const b of old) {
      if (b.endOff < change.from) kept.set(b.nodes[0], b);
      else if (b.startOff > change.oldEnd) {
        b.part.moveBy(change.dOff, change.dLine);
        b.startOff += change.dOff;
        b.endOff += change.dOff;
        kept.set(b.nodes[0], b);
      }
    }
  return kept;
}

/**
 * What nodes[from, to) add to the model, built in blocks of up to memo.blockRows nodes. A kept block
 * (see keptBlocks) whose nodes come back in the same run is reused (`runs.reuse`) and moved as one;
 * the other nodes are built in new blocks (`runs.build`, which adds to the model itself). Nodes for
 * which `alone` holds go to `visitAlone` every time.
 */
function keepBlocks<N extends Nodes, V>(
  m: ModelMemo,
  old: NodeBlock<V>[] | undefined,
  nodes: readonly N[],
  from: number,
  to: number,
  alone: (node: N) => boolean,
  runs: Runs<N, V>,
  visitAlone?: (node: N) => void,
): NodeBlock<V>[] {
  const kept = keptBlocks(m, old);
  const out: NodeBlock<V>[] = [];
  let run: N[] = [];
  const flush = () => {
    if (!run.length) return;
    const nodesOfRun = run;
    run = [];
    const part = m.build(() => runs.build(nodesOfRun));
    out.push({ nodes: nodesOfRun, part, startOff: nodesOfRun[0].position!.start.offset!, endOff: nodesOfRun[nodesOfRun.length - 1].position!.end.offset! });
  };
  for (let i = from; i < to;) {
    const node = nodes[i];
    const b = kept.get(node);
    if (b && i + b.nodes.length <= to && b.nodes.every((n, k) => nodes[i + k] === n)) {
      flush();
      runs.reuse(b.part.value);
      out.push(b);
      i += b.nodes.length;
      continue;
    }
    if (alone(node)) {
      flush();
      visitAlone!(node);
      i++;
      continue;
    }
    const long = node.position!.end.offset! - node.position!.start.offset! > ALONE_CHARS;
    if (long) flush();
    run.push(node);
    if (long || run.length >= m.blockRows) flush();
    i++;
  }
  flush();
  return out;
}
