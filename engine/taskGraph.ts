import type { SpecModel, Task } from './model';
import { compareNatural } from './text';

/**
 * The tasks' dependency graph as the table states it: ID → the IDs it depends on (known tasks only).
 * Tasks are also numbered (their position in `ids`), with the table's rows and dependencies read
 * into flat arrays once, so rules walk numbers instead of looking strings up again.
 */
export class TaskGraph {
  /** Each ID once, in table order of its first row; a task's number is its position here. */
  readonly ids: string[] = [];
  /** ID → task number. */
  readonly index = new Map<string, number>();
  /** Task number → its first row. */
  readonly first: Task[] = [];
  /** Every row of the task table, in order. */
  readonly rows: readonly Task[];
  /** Row → the number of its ID, -1 when the ID is empty. */
  readonly rowId: Int32Array;
  /** Row r's dependencies are depNum[depStart[r]] up to depNum[depStart[r + 1]], in cell order. */
  readonly depStart: Int32Array;
  /** Each dependency's task number, -1 when no task has its ID. */
  readonly depNum: Int32Array;
  /** Rows with at least one dependency that is no task. */
  readonly rowsWithUnknown: number[] = [];
  /** Task number → numbers it depends on: de-duplicated, known tasks only, self-dependencies left out. */
  readonly depsOf: number[][] = [];
  /** Task number → numbers of the tasks that depend on it. */
  readonly dependentsOf: number[][] = [];
  private maps?: { tasks: Map<string, Task>; deps: Map<string, string[]>; dependents: Map<string, string[]> };

  constructor(rows: readonly Task[]) {
    this.rows = rows;
    const { ids, index, first } = this;
    this.rowId = new Int32Array(rows.length);
    this.depStart = new Int32Array(rows.length + 1);
    let depCount = 0;
    for (let r = 0; r < rows.length; r++) {
      const t = rows[r];
      depCount += t.deps.length;
      if (!t.id) {
        this.rowId[r] = -1;
        continue;
      }
      let i = index.get(t.id);
      if (i === undefined) {
        index.set(t.id, (i = ids.length));
        ids.push(t.id);
        first.push(t);
        this.depsOf.push([]);
        this.dependentsOf.push([]);
      }
      this.rowId[r] = i;
    }
    this.depNum = new Int32Array(depCount);
    let j = 0;
    for (let r = 0; r < rows.length; r++) {
      this.depStart[r] = j;
      const own = this.rowId[r];
      let unknown = false;
      for (const d of rows[r].deps) {
        const k = index.get(d.id) ?? -1;
        this.depNum[j++] = k;
        if (k < 0) unknown = true;
        // Rows that repeat an ID add their dependencies to the first row's.
        else if (own >= 0 && k !== own && !this.depsOf[own].includes(k)) {
          this.depsOf[own].push(k);
          this.dependentsOf[k].push(own);
        }
      }
      if (unknown) this.rowsWithUnknown.push(r);
    }
    this.depStart[rows.length] = j;
  }

  /** First row of each ID, in table order. */
  get tasks(): Map<string, Task> {
    return this.stringMaps().tasks;
  }

  /** ID → IDs it depends on, de-duplicated, known tasks only, self-dependencies left out. */
  get deps(): Map<string, string[]> {
    return this.stringMaps().deps;
  }

  /** ID → IDs that depend on it. */
  get dependents(): Map<string, string[]> {
    return this.stringMaps().dependents;
  }

  private stringMaps() {
    if (!this.maps) {
      const { ids } = this;
      const name = (k: number) => ids[k];
      this.maps = {
        tasks: new Map(ids.map((id, i) => [id, this.first[i]])),
        deps: new Map(ids.map((id, i) => [id, this.depsOf[i].map(name)])),
        dependents: new Map(ids.map((id, i) => [id, this.dependentsOf[i].map(name)])),
      };
    }
    return this.maps;
  }
}

const graphs = new WeakMap<SpecModel, TaskGraph>();

/** Graphs of recent models, newest first: the next version of a document mostly keeps its Task objects. */
const recent: TaskGraph[] = [];
const RECENT = 4;
/**
 * Changed rows up to which a recent graph is patched instead of rebuilt: a keystroke in a big table
 * brings new Task objects for the block of rows around it (ModelMemo.blockRows, 128), or two.
 */
const PATCH_ROWS = 512;

export function taskGraph(model: SpecModel): TaskGraph {
  let g = graphs.get(model);
  if (g) return g;
  const rows = model.taskTable?.tasks ?? [];
  g = reuse(rows) ?? new TaskGraph(rows);
  graphs.set(model, g);
  const at = recent.indexOf(g);
  if (at >= 0) recent.splice(at, 1);
  recent.unshift(g);
  recent.length = Math.min(recent.length, RECENT);
  return g;
}

/**
 * A recent graph for these rows, when they are the same Task objects (the model memo keeps a row's
 * task while its text is unchanged, moving its spans in place) except a few rows whose ID and
 * dependency IDs are unchanged: the graph depends on nothing else, so only row objects are swapped.
 */
function reuse(rows: readonly Task[]): TaskGraph | undefined {
  for (const old of recent) {
    if (old.rows.length !== rows.length) continue;
    if (old.rows === rows) return old;
    const changed: number[] = [];
    for (let r = 0; r < rows.length && changed.length <= PATCH_ROWS; r++) if (old.rows[r] !== rows[r]) changed.push(r);
    if (changed.length > PATCH_ROWS || !changed.every((r) => sameLinks(old.rows[r], rows[r]))) continue;
    return withRows(old, rows, changed);
  }
  return undefined;
}

function sameLinks(a: Task, b: Task): boolean {
  return a.id === b.id && a.deps.length === b.deps.length && a.deps.every((d, i) => d.id === b.deps[i].id);
}

/** The same graph over new row objects: the numbering and edges are shared (no one changes them). */
function withRows(old: TaskGraph, rows: readonly Task[], changed: readonly number[]): TaskGraph {
  const first = old.first.slice();
  for (const r of changed) if (old.rowId[r] >= 0 && old.first[old.rowId[r]] === old.rows[r]) first[old.rowId[r]] = rows[r];
  const g: TaskGraph = Object.assign(Object.create(TaskGraph.prototype) as TaskGraph, {
    ids: old.ids,
    index: old.index,
    first,
    rows,
    rowId: old.rowId,
    depStart: old.depStart,
    depNum: old.depNum,
    rowsWithUnknown: old.rowsWithUnknown,
    depsOf: old.depsOf,
    dependentsOf: old.dependentsOf,
  });
  const cycles = cycleCache.get(old);
  if (cycles) cycleCache.set(g, cycles);
  return g;
}

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
  const { ids, depsOf: adj } = g;
  const n = ids.length;
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
  const member = new Uint8Array(n);
  return components
    .map((comp) => {
      for (const k of comp) member[k] = 1;
      const path = cyclePath(
        g,
        member,
        comp.reduce((a, b) => (a < b ? a : b)),
      );
      for (const k of comp) member[k] = 0;
      return path;
    })
    .sort((a, b) => a[0] - b[0])
    .map((path) => path.map((k) => ids[k]));
}

/** A shortest path inside the component from `start` back to `start`, following "is needed by" edges. */
function cyclePath(g: TaskGraph, member: Uint8Array, start: number): number[] {
  const { ids } = g;
  const prev = new Map<number, number>();
  const queue = [start];
  for (let qi = 0; qi < queue.length; qi++) {
    const v = queue[qi];
    const next = g.dependentsOf[v].filter((w) => member[w]);
    if (next.length > 1) next.sort((a, b) => compareNatural(ids[a], ids[b]));
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
  const own = g.index.get(id);
  if (own === undefined) return seen;
  const reached = new Uint8Array(g.ids.length);
  reached[own] = 1;
  const queue = [own];
  for (let qi = 0; qi < queue.length; qi++) {
    for (const w of g.dependentsOf[queue[qi]]) {
      if (reached[w]) continue;
      reached[w] = 1;
      seen.add(g.ids[w]);
      queue.push(w);
    }
  }
  return seen;
}
