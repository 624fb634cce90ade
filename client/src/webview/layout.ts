// Layered left-to-right layout of the task graph, by elkjs (bundled, run in this page: no worker, no network).
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { GraphModel } from '../../../server/src/protocol';

export const TASK_SIZE = { width: 190, height: 58 };
export const UNKNOWN_SIZE = { width: 110, height: 40 };

export const LAYOUT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Layers counted from the tasks that need nothing: a layer is then a wave, when no dangling
  // dependency or cycle shifts it.
  'elk.layered.layering.strategy': 'LONGEST_PATH_SOURCE',
  'elk.layered.thoroughness': '1',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.spacing.nodeNode': '18',
  'elk.layered.spacing.nodeNodeBetweenLayers': '48',
  'elk.spacing.edgeNode': '12',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.padding': '[top=36,left=20,bottom=20,right=20]',
};

export interface PlacedNode {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  /** Index into the model's edges, or, for a dangling dependency, -1 - its index in `unknown`. */
  index: number;
  points: { x: number; y: number }[];
}

export interface Layout {
  width: number;
  height: number;
  /** Task ID → box. */
  tasks: Map<string, PlacedNode>;
  /** Unknown dependency ID → box. */
  unknown: Map<string, PlacedNode>;
  edges: PlacedEdge[];
}

/** What the layout depends on: a model whose key is unchanged keeps its layout (titles and estimates do not move nodes). */
export function layoutKey(model: GraphModel): string {
  return JSON.stringify([model.tasks.map((t) => t.id), model.edges.map((e) => [e.from, e.to]), model.unknown.map((u) => [u.id, u.from])]);
}

let elk: InstanceType<typeof ELK> | undefined;

export async function layoutGraph(model: GraphModel, options: LayoutOptions = LAYOUT_OPTIONS): Promise<Layout> {
  elk ??= new ELK();
  // ELK ids are our own (n0, u0, e0): task IDs are user text.
  const taskNode = new Map(model.tasks.map((t, i) => [t.id, `n${i}`]));
  const unknownIds = [...new Set(model.unknown.map((u) => u.id))];
  const unknownNode = new Map(unknownIds.map((id, i) => [id, `u${i}`]));
  const children: ElkNode[] = [
    ...model.tasks.map((t) => ({ id: taskNode.get(t.id)!, ...TASK_SIZE })),
    ...unknownIds.map((id) => ({ id: unknownNode.get(id)!, ...UNKNOWN_SIZE })),
  ];
  const edges: ElkExtendedEdge[] = [
    ...model.edges.map((e, i) => ({ id: `e${i}`, sources: [taskNode.get(e.from)!], targets: [taskNode.get(e.to)!] })),
    ...model.unknown.map((u, i) => ({ id: `d${i}`, sources: [unknownNode.get(u.id)!], targets: [taskNode.get(u.from)!] })),
  ];
  const result: ElkNode = await elk.layout({ id: 'root', layoutOptions: options, children, edges });

  const boxes = new Map<string, PlacedNode>();
  for (const c of result.children ?? []) boxes.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 });
  const placed: PlacedEdge[] = [];
  for (const e of (result.edges ?? []) as ElkExtendedEdge[]) {
    const index = e.id[0] === 'e' ? Number(e.id.slice(1)) : -1 - Number(e.id.slice(1));
    const points = (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
    placed.push({ index, points });
  }
  return {
    width: result.width ?? 0,
    height: result.height ?? 0,
    tasks: new Map(model.tasks.map((t) => [t.id, boxes.get(taskNode.get(t.id)!)!])),
    unknown: new Map(unknownIds.map((id) => [id, boxes.get(unknownNode.get(id)!)!])),
    edges: placed,
  };
}
