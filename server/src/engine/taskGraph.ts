import type { SpecModel, Task } from './model';
import { compareNatural } from './text';

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

/**
 * Each dependency cycle once: one per strongly connected component of two or more tasks,
 * as a path through its members that starts at the member first in the table and returns to it
 * (the start is not repeated). Components come in table order.
 */
export function findCycles(g: TaskGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  // Iterative Tarjan: a deep chain of 20,000 tasks must not overflow the call stack.
  for (const root of g.tasks.keys()) {
    if (index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const [v, i] = frame;
      const next = g.deps.get(v)!;
      if (i < next.length) {
        frame[1]++;
        const w = next[i];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== v);
        if (comp.length > 1) components.push(comp);
      }
    }
  }
  const order = [...g.tasks.keys()];
  const rank = new Map(order.map((id, i) => [id, i]));
  return components
    .map((comp) => cyclePath(g, new Set(comp), comp.reduce((a, b) => (rank.get(a)! < rank.get(b)! ? a : b))))
    .sort((a, b) => rank.get(a[0])! - rank.get(b[0])!);
}

/** A shortest path inside the component from `start` back to `start`, following "is needed by" edges. */
function cyclePath(g: TaskGraph, members: Set<string>, start: string): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  for (let qi = 0; qi < queue.length; qi++) {
    const v = queue[qi];
    for (const w of [...g.dependents.get(v)!].sort(compareNatural)) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [v];
        for (let p = prev.get(v); p !== undefined; p = prev.get(p)) path.push(p);
        return path.reverse();
      }
      if (!prev.has(w) && w !== start) {
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
