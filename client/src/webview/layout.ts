// Layered left-to-right layout of the task graph: d3-dag's Sugiyama layout (bundled, run in this page,
// no network) places the tasks and routes the edges that order them; edges a longer chain already
// implies are left out of it (they would cost a dummy node per layer they cross) and routed here,
// over the columns they span.
import { coordGreedy, coordQuad, decrossTwoLayer, graphStratify, layeringLongestPath, sugiyama, twolayerAgg } from 'd3-dag';
import type { Plan } from '../../../protocol';

export const TASK_SIZE = { width: 190, height: 58 };
export const UNKNOWN_SIZE = { width: 110, height: 40 };
/** Space between the tasks of one column, and between columns. */
const GAP = { inColumn: 18, betweenColumns: 56 };
/** Space between the lanes of implied edges over the columns. */
const LANE = 6;
/** Up to this many nodes and edges, the slower layout that draws straighter edges. */
const FINE_LIMIT = 150;
const PAD = 20;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface PlacedEdge {
  /** Index into the model's edges, or, for a dangling dependency, -1 - its index in `unknown`. */
  index: number;
  points: Point[];
}

export interface Layout {
  width: number;
  height: number;
  /** Task ID → box. */
  tasks: Map<string, Box>;
  /** Unknown dependency ID → box. */
  unknown: Map<string, Box>;
  edges: PlacedEdge[];
}

/** What the layout depends on: a model whose key is unchanged keeps its layout (titles and estimates do not move nodes). */
export function layoutKey(model: Plan): string {
  return JSON.stringify([model.tasks.map((t) => t.id), model.edges.map((e) => [e.from, e.to, e.implied]), model.unknown.map((u) => [u.id, u.from])]);
}

interface Datum {
  /** Our own IDs (t0, u0): task IDs are user text. */
  id: string;
  parentIds: string[];
  size: { width: number; height: number };
}

export function layoutGraph(model: Plan): Layout {
  const taskNode = new Map(model.tasks.map((t, i) => [t.id, `t${i}`]));
  const unknownIds = [...new Set(model.unknown.map((u) => u.id))];
  const unknownNode = new Map(unknownIds.map((id, i) => [id, `u${i}`]));
  const data = new Map<string, Datum>();
  for (const t of model.tasks) data.set(taskNode.get(t.id)!, { id: taskNode.get(t.id)!, parentIds: [], size: TASK_SIZE });
  for (const id of unknownIds) data.set(unknownNode.get(id)!, { id: unknownNode.get(id)!, parentIds: [], size: UNKNOWN_SIZE });
  // Edge lookup by (parent, child) to give the layout's routes back to the model's edges.
  const edgeIndex = new Map<string, number>();
  model.edges.forEach((e, i) => {
    if (e.implied) return;
    const from = taskNode.get(e.from)!;
    const to = taskNode.get(e.to)!;
    data.get(to)!.parentIds.push(from);
    edgeIndex.set(`${from}>${to}`, i);
  });
  model.unknown.forEach((u, i) => {
    const from = unknownNode.get(u.id)!;
    const to = taskNode.get(u.from)!;
    if (edgeIndex.has(`${from}>${to}`)) return;
    data.get(to)!.parentIds.push(from);
    edgeIndex.set(`${from}>${to}`, -1 - i);
  });

  const dag = graphStratify()([...data.values()]);
  const fine = data.size + edgeIndex.size <= FINE_LIMIT;
  // d3-dag lays out top to bottom: its x runs along a column (our y), its y across the columns (our x).
  const layout = sugiyama()
    .layering(layeringLongestPath())
    .decross(fine ? decrossTwoLayer() : decrossTwoLayer().order(twolayerAgg()).passes(2))
    .coord(fine ? coordQuad() : coordGreedy())
    .nodeSize((n: { data: Datum }) => [n.data.size.height, n.data.size.width] as const)
    .gap([GAP.inColumn, GAP.betweenColumns]);
  layout(dag);

  const boxes = new Map<string, Box>();
  for (const n of dag.nodes()) {
    const { width, height } = n.data.size;
    boxes.set(n.data.id, { x: n.y - width / 2 + PAD, y: n.x - height / 2, width, height });
  }
  const edges: PlacedEdge[] = [];
  for (const link of dag.links()) {
    const index = edgeIndex.get(`${link.source.data.id}>${link.target.data.id}`);
    if (index === undefined) continue;
    const source = boxes.get(link.source.data.id)!;
    const target = boxes.get(link.target.data.id)!;
    // From the right side of the dependency to the left side of the task that needs it.
    const inner = link.points.slice(1, -1).map(([x, y]) => ({ x: y + PAD, y: x }));
    const start = { x: source.x + source.width, y: source.y + source.height / 2 };
    const end = { x: target.x, y: target.y + target.height / 2 };
    edges.push({
      index,
      points: backwards(source, target) ? [{ x: source.x, y: start.y }, ...inner, { x: target.x + target.width, y: end.y }] : [start, ...inner, end],
    });
  }

  const tasks = new Map(model.tasks.map((t) => [t.id, boxes.get(taskNode.get(t.id)!)!]));
  const lanes = routeImplied(model, tasks, edges);
  // Room above the columns for the implied edges' lanes.
  const top = PAD + 24 + lanes * LANE;
  for (const b of boxes.values()) b.y += top;
  for (const e of edges) for (const p of e.points) p.y += top;
  let right = 0;
  let bottom = 0;
  for (const b of boxes.values()) {
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  return {
    width: right + PAD,
    height: bottom + PAD,
    tasks,
    unknown: new Map(unknownIds.map((id) => [id, boxes.get(unknownNode.get(id)!)!])),
    edges,
  };
}

/** A cycle edge the layout had to turn around: it runs right to left. */
function backwards(source: Box, target: Box): boolean {
  return target.x + target.width <= source.x;
}

/**
 * Routes each implied edge out of its dependency's right side into the gap after that column, up
 * to a lane above every node of the columns it passes, across, and down the gap before the
 * dependent task's column into its left side: through gaps and over nodes, never across one.
 * Overlapping spans get different lanes. Points are relative to the layout before it is moved
 * down to make room; returns how many lanes there are.
 */
function routeImplied(model: Plan, tasks: Map<string, Box>, out: PlacedEdge[]): number {
  const implied = model.edges.map((e, index) => ({ e, index })).filter(({ e }) => e.implied);
  if (!implied.length) return 0;
  const all = [...tasks.values()].sort((a, b) => a.x - b.x);
  const spans = implied
    .map(({ e, index }) => ({ index, from: tasks.get(e.from)!, to: tasks.get(e.to)! }))
    .sort((a, b) => a.from.x - b.from.x || a.to.x - b.to.x);
  // Lanes: the lowest free one whose last span ended before this one starts.
  const laneEnds: number[] = [];
  let lanes = 0;
  for (const s of spans) {
    const left = s.from.x + s.from.width;
    const right = s.to.x;
    let lane = laneEnds.findIndex((end) => end <= left);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = right;
    lanes = Math.max(lanes, lane + 1);
    // The top of the nodes between the two columns (binary search to the first column after `from`).
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid].x < left) lo = mid + 1;
      else hi = mid;
    }
    let ceiling = Math.min(s.from.y, s.to.y);
    for (let i = lo; i < all.length && all[i].x < right; i++) ceiling = Math.min(ceiling, all[i].y);
    const y = ceiling - 12 - lane * LANE;
    const gapAfter = left + GAP.betweenColumns / 2 - 4 + (lane % 5) * 2;
    const gapBefore = right - GAP.betweenColumns / 2 + 4 - (lane % 5) * 2;
    const startY = s.from.y + s.from.height / 2;
    const endY = s.to.y + s.to.height / 2;
    out.push({
      index: s.index,
      points: [
        { x: left, y: startY },
        { x: gapAfter, y: startY },
        { x: gapAfter, y },
        { x: gapBefore, y },
        { x: gapBefore, y: endY },
        { x: right, y: endY },
      ],
    });
  }
  return lanes;
}
