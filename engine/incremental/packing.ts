// Packing: what is inside the nodes of an entry written to one compact string, and read back.
import type { Nodes } from 'mdast';
import type { Entry, Point } from './unitTypes';

type Parent = { children: Nodes[] };

/** Nodes inside the top-level nodes of an entry from which packing it pays: a heading or a short paragraph is read often and holds little. */
export const PACK_MIN_NODES = 8;

export function countNodes(nodes: Nodes[]): number {
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

/**
 * Writes the children of the entry's nodes to one string. Their points are kept as offsets from
 * the entry's start, and their lines and columns read from the text again when unpacked: each is
 * checked to be what the text says (if one is not, the entry stays unpacked).
 */
export function packEntry(e: Entry, text: string): void {
  const parents = parentsOf(e);
  const at: number[] = [];
  const points: Point[] = [];
  for (const p of parents) pointOffsets(p.children, e.innerOff, at, points);
  // The text at the entry's place is its text, wherever its points are still placed.
  const starts = lineStartsIn(text, e.off, extentOf(e));
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
export function unpack(e: Entry, text: string): void {
  const [at, lists] = JSON.parse(e.packed!) as [number[], Nodes[][]];
  const starts = lineStartsIn(text, e.off, extentOf(e));
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
