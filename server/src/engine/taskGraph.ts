import type { SpecModel, Task } from './model';

/** The tasks' dependency graph as the table states it: ID → the IDs it depends on (known tasks only). */
export interface TaskGraph {
  /** First row of each ID, in table order. */
  tasks: Map<string, Task>;
  /** ID → IDs it depends on, de-duplicated, known tasks only, self-dependencies left out. */
  deps: Map<string, string[]>;
  /** ID → IDs that depend on it. */
  dependents: Map<string, string[]>;
}

const graphs = new WeakMap<SpecModel, TaskGraph>();

export function taskGraph(model: SpecModel): TaskGraph {
  let g = graphs.get(model);
  if (g) return g;
  const tasks = new Map<string, Task>();
  for (const t of model.taskTable?.tasks ?? []) if (t.id && !tasks.has(t.id)) tasks.set(t.id, t);
  const deps = new Map<string, string[]>();
  const dependents = new Map<string, string[]>();
  for (const id of tasks.keys()) {
    deps.set(id, []);
    dependents.set(id, []);
  }
  // Rows that repeat an ID add their dependencies to the first row's.
  for (const t of model.taskTable?.tasks ?? []) {
    const list = deps.get(t.id);
    if (!list) continue;
    for (const d of t.deps) {
      if (d.id === t.id || !tasks.has(d.id) || list.includes(d.id)) continue;
      list.push(d.id);
      dependents.get(d.id)!.push(t.id);
    }
  }
  g = { tasks, deps, dependents };
  graphs.set(model, g);
  return g;
}

/** Natural ID order (T2 before T10), as compareNatural, with one collator instead of one per comparison. */
export const naturalOrder: (a: string, b: string) => number = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

const cycleCache = new WeakMap<TaskGraph, string[][]>();

/**
 * Each dependency cycle once: one per strongly connected component of two or more tasks,
 * as a path through its members that starts at the member first in the table and returns to it
 * (the start is not repeated). Components come in table order. The result is shared: do not change it.
 */
export function findCycles(g: TaskGraph): string[][] {
  let cycles = cycleCache.get(g);
  if (!cycles) cycleCache.set(g, (cycles = computeCycles(g)));
  return cycles;
}

function computeCycles(g: TaskGraph): string[][] {
  // Tasks as numbers in table order, so the walk runs on typed arrays instead of string-keyed maps.
  const ids = [...g.tasks.keys()];
  const n = ids.length;
  const num = new Map<string, number>();
  for (let i = 0; i < n; i++) num.set(ids[i], i);
  const adj: number[][] = ids.map((id) => g.deps.get(id)!.map((d) => num.get(d)!));
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  const workNode = new Int32Array(n);
  const workNext = new Int32Array(n);
  let counter = 0;
  // Iterative Tarjan: a deep chain of 20,000 tasks must not overflow the call stack.
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    let depth = 0;
    workNode[0] = root;
    workNext[0] = 0;
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (depth >= 0) {
      const v = workNode[depth];
      const next = adj[v];
      const i = workNext[depth];
      if (i < next.length) {
        workNext[depth]++;
        const w = next[i];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          depth++;
          workNode[depth] = w;
          workNext[depth] = 0;
        } else if (onStack[w] && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      depth--;
      if (depth >= 0) {
        const parent = workNode[depth];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
      if (low[v] === index[v]) {
        if (stack[stack.length - 1] === v) {
          // A component of one task: no cycle (self-dependencies are not in the graph).
          stack.pop();
          onStack[v] = 0;
          continue;
        }
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== v);
        components.push(comp);
      }
    }
  }
  if (!components.length) return [];
  // Numbers are table ranks: the smallest member is the first in the table.
  return components
    .map((comp) => comp.reduce((a, b) => (a < b ? a : b)))
    .map((start, i) => cyclePath(g, new Set(components[i].map((k) => ids[k])), ids[start]))
    .sort((a, b) => num.get(a[0])! - num.get(b[0])!);
}

/** A shortest path inside the component from `start` back to `start`, following "is needed by" edges. */
function cyclePath(g: TaskGraph, members: Set<string>, start: string): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  for (let qi = 0; qi < queue.length; qi++) {
    const v = queue[qi];
    const next = g.dependents.get(v)!.filter((w) => members.has(w));
    if (next.length > 1) next.sort(naturalOrder);
    for (const w of next) {
      if (w === start) {
        const path = [v];
        for (let p = prev.get(v); p !== undefined; p = prev.get(p)) path.push(p);
        return path.reverse();
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

/** IDs that depend on `id`, directly or through other tasks (not including `id`). */
export function transitiveDependents(g: TaskGraph, id: string): Set<string> {
  const seen = new Set<string>();
  const queue = [id];
  for (let qi = 0; qi < queue.length; qi++) {
    for (const w of g.dependents.get(queue[qi]) ?? []) {
      if (w !== id && !seen.has(w)) {
        seen.add(w);
        queue.push(w);
      }
    }
  }
  return seen;
}
