// Reuse of model parts between versions of one document. The incremental parser hands back the same
// mdast node objects for unchanged text, their own positions moved to where they now are; the parts
// of the model built from such a node (a table row and its task, the graph of a mermaid block,
// whatever a top-level block adds) are kept by node and moved by one shared shift that their spans
// read through, instead of being built again. A model built with a memo shares those parts with the
// previous model of the document, which is then stale.
import type { Range } from 'vscode-languageserver-types';
import { LineIndex } from './text';
import { commonPrefix, commonSuffix, flatten, type TextDiff } from './incremental';
import type { Nodes } from 'mdast';
import type { Span } from './model';

/** The line index of the text a model was last built from: spans read their ranges from it. */
interface Lines {
  index: LineIndex | undefined;
}

/** How far a part has moved since it was built: its spans read their place through it. */
interface Shift {
  off: number;
  line: number;
  lines: Lines;
}

/**
 * A span as built, plus the shift of the part it belongs to: moving a part moves all its spans at
 * once, and a span's place is worked out only when read, its range from the current line index.
 */
class ShiftingSpan implements Span {
  constructor(
    private readonly s: number,
    private readonly e: number,
    private readonly by: Shift,
  ) {}

  get start(): number {
    return this.s + this.by.off;
  }

  get end(): number {
    return this.e + this.by.off;
  }

  get range(): Range {
    const index = this.by.lines.index!;
    return { start: index.positionAt(this.start), end: index.positionAt(this.end) };
  }

  get source(): string {
    return this.by.lines.index!.text.slice(this.start, this.end);
  }

  toJSON(): { start: number; end: number; range: Range } {
    return { start: this.start, end: this.end, range: this.range };
  }
}

/** Spans of `lines` that never move: for models built without a memo. */
export function fixedSpans(lines: LineIndex): (start: number, end: number) => Span {
  const still: Shift = { off: 0, line: 0, lines: { index: lines } };
  return (start, end) => new ShiftingSpan(start, end, still);
}

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

export class ModelMemo {
  private recording: Part | undefined;
  private readonly index: Lines = { index: undefined };
  /** The shift of spans built outside any part: rebuilt with every model, never moved. */
  private readonly still: Shift = { off: 0, line: 0, lines: this.index };
  /** Whether the last part() call built its part (true) or reused it (false). */
  fresh = false;
  /** What the model keeps of each big table between versions, in document order. */
  readonly bigTables: unknown[] = [];
  /** What the model keeps of the top-level nodes between versions. */
  topBlocks: unknown;
  /** The top-level headings of the last build. */
  headings: unknown;

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
    return index;
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
