import type { SpecModel } from './model';
import type { Range } from 'vscode-languageserver-types';
import { findCycles, taskGraph, type TaskGraph } from './taskGraph';
import { compareNatural } from './text';

export interface PlanTask {
  id: string;
  title: string;
  /** Est. Lines as a number, or null when the cell is empty or not a number. */
  estLines: number | null;
  jira?: string;
  /** The task's row in the document. */
  range: Range;
  /** The ID cell, for selecting the task in the editor. */
  idRange: Range;
}

export interface PlanEdge {
  /** The task that must be done first. */
  from: string;
  /** The task that depends on `from`. */
  to: string;
  inCycle: boolean;
  critical: boolean;
  /** A longer chain of dependencies already orders the two tasks: the edge adds no constraint (only set between tasks in waves). */
  implied: boolean;
}

export interface UnknownDependency {
  /** The ID that names no task. */
  id: string;
  /** The task whose Dependencies cell names it. */
  from: string;
}

/** A `subgraph` of the author's dependency diagram: a labelled group of tasks. */
export interface PlanGroup {
  id: string;
  label: string;
  /** The enclosing group's ID, if nested. */
  parent?: string;
  /** The tasks named first inside this group (not inside a nested one). */
  tasks: string[];
}

export type PlanStatus = 'ok' | 'not-spec' | 'no-task-breakdown' | 'empty-table';

/** The task dependency graph of one spec: everything the preview draws, computed on the server. */
export interface Plan {
  uri: string;
  version: number;
  status: PlanStatus;
  /** Says what is wrong when status is not ok, for the panel to show. */
  message?: string;
  tasks: PlanTask[];
  edges: PlanEdge[];
  /** Each dependency cycle once, as the path of its members (first not repeated). */
  cycles: string[][];
  unknown: UnknownDependency[];
  /** The longest path weighted by Est. Lines, in order; empty when cycles make it undefined. */
  criticalPath: string[];
  criticalLines: number;
  /** Groups of tasks that can run in parallel once the waves before them are done. */
  waves: string[][];
  totalLines: number;
  /** The diagram's subgraphs that hold tasks (themselves or through nested ones), parents first. */
  groups: PlanGroup[];
}

/**
 * The task dependency graph the preview draws. Tasks are the table's first row of each ID, in table
 * order. The critical path is the heaviest source-to-sink path, weighting each task by its Est. Lines
 * (no number counts 0); among equally heavy paths, the first in natural ID order read from its start.
 * Waves are longest-path layers from the tasks that depend on nothing; a task in a cycle, or one
 * waiting on a cycle, can never start and is in no wave. With a cycle the critical path is undefined
 * and left empty.
 */
export function buildPlan(model: SpecModel | undefined, uri: string, version: number): Plan {
  const empty = { uri, version, tasks: [], edges: [], cycles: [], unknown: [], criticalPath: [], criticalLines: 0, waves: [], totalLines: 0, groups: [] };
  const why = nothingToDraw(model);
  if (why) return { ...empty, ...why };
  const g = taskGraph(model!);

  const { ids, first } = g;
  const n = ids.length;
  const weight = (k: number) => first[k].estLines ?? 0;
  const tasks: PlanTask[] = first.map((t) => {
    const task: PlanTask = { id: t.id, title: t.title, estLines: t.estLines ?? null, range: t.row.span.range, idRange: t.idCell.span.range };
    if (t.jira?.text) task.jira = t.jira.text;
    return task;
  });

  const cycles = findCycles(g);
  const inCycle = new Int32Array(n).fill(-1);
  cycles.forEach((cycle, i) => {
    for (const k of componentOf(g, g.index.get(cycle[0])!)) inCycle[k] = i;
  });

  const waves = layers(g);
  const criticalPath = cycles.length ? [] : heaviestPath(g, waves, weight);
  const onPath = new Int32Array(n).fill(-1);
  criticalPath.forEach((k, i) => (onPath[k] = i));

  const waveOf = new Int32Array(n).fill(-1);
  waves.forEach((wave, i) => wave.forEach((k) => (waveOf[k] = i)));

  return {
    ...empty,
    status: 'ok',
    tasks,
    edges: planEdges(g, inCycle, onPath, waveOf),
    cycles,
    unknown: unknownDependencies(g),
    criticalPath: criticalPath.map((k) => ids[k]),
    criticalLines: criticalPath.reduce((sum, k) => sum + weight(k), 0),
    waves: waves.map((wave) => wave.map((k) => ids[k])),
    totalLines: tasks.reduce((sum, t) => sum + (t.estLines ?? 0), 0),
    groups: planGroups(model!, g),
  };
}

/** The diagram's subgraphs with the tasks in them; those that hold no task, even nested, are left out. */
function planGroups(model: SpecModel, g: TaskGraph): PlanGroup[] {
  const groups = (model.diagram?.groups ?? []).map((d) => {
    const group: PlanGroup = { id: d.id, label: d.label, tasks: d.nodes.filter((id) => g.index.has(id)) };
    if (d.parent !== undefined) group.parent = d.parent;
    return group;
  });
  const holdsTasks = new Set<string>();
  // Children come after their parents: walking back marks each parent after its children.
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i];
    if (!group.tasks.length && !holdsTasks.has(group.id)) continue;
    holdsTasks.add(group.id);
    if (group.parent !== undefined) holdsTasks.add(group.parent);
  }
  return groups.filter((group) => holdsTasks.has(group.id));
}

/** Why there is no graph to draw (not a spec, no task table, no tasks), or undefined when there is one. */
function nothingToDraw(model: SpecModel | undefined): { status: PlanStatus; message: string } | undefined {
  if (!model) {
    return {
      status: 'not-spec',
      message:
        'This file is not a tech spec. A markdown file is one when its path matches the "techspec.files" setting (for example *.spec.md), its front matter says "techspec: true", or its first heading starts with "Technical Spec".',
    };
  }
  if (!model.taskTable) {
    const hasSection = model.sections.some((s) => s.key === 'task-breakdown');
    const title = model.schema.sections.find((s) => s.key === 'task-breakdown')?.title ?? 'Task Breakdown';
    const columns = model.schema.taskTable?.columns.join(' | ') ?? 'ID | Task | Est. Lines | Dependencies';
    return {
      status: 'no-task-breakdown',
      message: hasSection
        ? `The ${title} section has no table of tasks. Add one with the columns ${columns}.`
        : `This spec has no "## ${title}" section, so there are no tasks to draw.`,
    };
  }
  if (taskGraph(model).tasks.size === 0) {
    return { status: 'empty-table', message: 'The Task Breakdown table has no tasks yet. Add rows with an ID (T1, T2, …) to see the graph.' };
  }
  return undefined;
}

/** Every dependency edge, marked when it is in a cycle, on the critical path, or implied by a longer chain. */
function planEdges(g: TaskGraph, inCycle: Int32Array, onPath: Int32Array, waveOf: Int32Array): PlanEdge[] {
  const { ids, depsOf } = g;
  const reaches = reachability(g, waveOf);
  const edges: PlanEdge[] = [];
  for (let to = 0; to < ids.length; to++) {
    const deps = depsOf[to];
    for (const from of deps) {
      const c = inCycle[from];
      const p = onPath[from];
      const implied = waveOf[to] >= 0 && deps.some((other) => other !== from && reaches(from, other));
      edges.push({ from: ids[from], to: ids[to], inCycle: c >= 0 && c === inCycle[to], critical: p >= 0 && onPath[to] === p + 1, implied });
    }
  }
  return edges;
}

/** Dependencies on IDs no task has, once per task and ID. */
function unknownDependencies(g: TaskGraph): UnknownDependency[] {
  const unknown: UnknownDependency[] = [];
  const seen = new Set<string>();
  for (const r of g.rowsWithUnknown) {
    const t = g.rows[r];
    if (g.rowId[r] < 0) continue;
    for (let j = g.depStart[r]; j < g.depStart[r + 1]; j++) {
      if (g.depNum[j] >= 0) continue;
      const d = t.deps[j - g.depStart[r]];
      const key = `${t.id}\n${d.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      unknown.push({ id: d.id, from: t.id });
    }
  }
  return unknown;
}

/** The strongly connected component of task `k`: the tasks it depends on that also depend on it, and itself. */
function componentOf(g: TaskGraph, k: number): Set<number> {
  const after = new Uint8Array(g.ids.length);
  const back = [k];
  for (let qi = 0; qi < back.length; qi++) {
    for (const w of g.dependentsOf[back[qi]]) {
      if (after[w]) continue;
      after[w] = 1;
      back.push(w);
    }
  }
  const out = new Set([k]);
  const queue = [k];
  for (let qi = 0; qi < queue.length; qi++) {
    for (const d of g.depsOf[queue[qi]]) {
      if (out.has(d) || !after[d]) continue;
      out.add(d);
      queue.push(d);
    }
  }
  return out;
}

/**
 * Whether `to` depends on `from` through some chain, for tasks in waves: a walk back from `to` that
 * stops at waves before `from`'s, so it stays between the two (cheap when dependencies are local).
 */
function reachability(g: TaskGraph, waveOf: Int32Array): (from: number, to: number) => boolean {
  const seen = new Int32Array(g.ids.length);
  let stamp = 0;
  return (from, to) => {
    const floor = waveOf[from];
    if (waveOf[to] <= floor) return false;
    stamp++;
    const stack = [to];
    while (stack.length) {
      for (const d of g.depsOf[stack.pop()!]) {
        if (d === from) return true;
        if (seen[d] === stamp || waveOf[d] <= floor) continue;
        seen[d] = stamp;
        stack.push(d);
      }
    }
    return false;
  };
}

/** Kahn's algorithm by layers; each layer in natural order. Tasks in or after a cycle never free up. */
function layers(g: TaskGraph): number[][] {
  const { ids } = g;
  const waiting = new Int32Array(ids.length);
  let current: number[] = [];
  for (let k = 0; k < ids.length; k++) {
    waiting[k] = g.depsOf[k].length;
    if (waiting[k] === 0) current.push(k);
  }
  const out: number[][] = [];
  while (current.length) {
    if (current.length > 1) current.sort((a, b) => compareNatural(ids[a], ids[b]));
    out.push(current);
    const next: number[] = [];
    for (const k of current) {
      for (const w of g.dependentsOf[k]) if (--waiting[w] === 0) next.push(w);
    }
    current = next;
  }
  return out;
}

/** The heaviest source-to-sink path of an acyclic graph (given its layers), ties to the natural-order first at each step. */
function heaviestPath(g: TaskGraph, waves: number[][], weight: (k: number) => number): number[] {
  const { ids } = g;
  const down = new Float64Array(ids.length);
  const best = (candidates: readonly number[]): number | undefined => {
    let pick: number | undefined;
    for (const k of candidates) {
      const d = down[k];
      const p = pick === undefined ? -1 : down[pick];
      if (d > p || (d === p && compareNatural(ids[k], ids[pick!]) < 0)) pick = k;
    }
    return pick;
  };
  // Reverse topological order: each task after everything that depends on it.
  for (let w = waves.length - 1; w >= 0; w--) {
    for (let i = waves[w].length - 1; i >= 0; i--) {
      const k = waves[w][i];
      const next = best(g.dependentsOf[k]);
      down[k] = weight(k) + (next === undefined ? 0 : down[next]);
    }
  }
  const path: number[] = [];
  const sources: number[] = [];
  for (let k = 0; k < ids.length; k++) if (g.depsOf[k].length === 0) sources.push(k);
  for (let k = best(sources); k !== undefined; k = best(g.dependentsOf[k])) path.push(k);
  return path;
}
