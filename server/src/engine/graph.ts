import type { SpecModel } from './model';
import type { GraphEdgeInfo, GraphModel, GraphTask, UnknownDependency } from '../protocol';
import { compareNatural } from './text';
import { findCycles, taskGraph, transitiveDependents, type TaskGraph } from './taskGraph';

/**
 * The task dependency graph the preview draws. Tasks are the table's first row of each ID, in table
 * order. The critical path is the heaviest source-to-sink path, weighting each task by its Est. Lines
 * (no number counts 0); among equally heavy paths, the first in natural ID order read from its start.
 * Waves are longest-path layers from the tasks that depend on nothing; a task in a cycle, or one
 * waiting on a cycle, can never start and is in no wave. With a cycle the critical path is undefined
 * and left empty.
 */
export function buildGraphModel(model: SpecModel | undefined, uri: string, version: number): GraphModel {
  const empty = { uri, version, tasks: [], edges: [], cycles: [], unknown: [], criticalPath: [], criticalLines: 0, waves: [], totalLines: 0 };
  if (!model) {
    return {
      ...empty,
      status: 'not-spec',
      message:
        'This file is not a tech spec. A markdown file is one when its path matches the "techspec.files" setting (for example *.spec.md), its front matter says "techspec: true", or its first heading starts with "Technical Spec".',
    };
  }
  if (!model.taskTable) {
    const hasSection = model.sections.some((s) => s.key === 'task-breakdown');
    return {
      ...empty,
      status: 'no-task-breakdown',
      message: hasSection
        ? 'The Task Breakdown section has no table of tasks. Add one with the columns ID | Task | Est. Lines | Dependencies | Jira.'
        : 'This spec has no "## Task Breakdown" section, so there are no tasks to draw.',
    };
  }
  const g = taskGraph(model);
  if (g.tasks.size === 0) {
    return { ...empty, status: 'empty-table', message: 'The Task Breakdown table has no tasks yet. Add rows with an ID (T1, T2, …) to see the graph.' };
  }

  const weight = (id: string) => g.tasks.get(id)!.estLines ?? 0;
  const tasks: GraphTask[] = [...g.tasks.values()].map((t) => {
    const task: GraphTask = { id: t.id, title: t.title, estLines: t.estLines ?? null, range: t.row.span.range, idRange: t.idCell.span.range };
    if (t.jira?.text) task.jira = t.jira.text;
    return task;
  });

  const cycles = findCycles(g);
  const inCycle = new Map<string, number>();
  cycles.forEach((cycle, i) => {
    for (const id of componentOf(g, cycle[0])) inCycle.set(id, i);
  });

  const waves = layers(g);
  const criticalPath = cycles.length ? [] : heaviestPath(g, weight);
  const onPath = new Map(criticalPath.map((id, i) => [id, i]));

  const waveOf = new Map<string, number>();
  waves.forEach((wave, i) => wave.forEach((id) => waveOf.set(id, i)));
  const reaches = reachability(g, waveOf);
  const edges: GraphEdgeInfo[] = [];
  for (const [to, deps] of g.deps) {
    for (const from of deps) {
      const c = inCycle.get(from);
      const p = onPath.get(from);
      const implied = waveOf.has(to) && deps.some((other) => other !== from && reaches(from, other));
      edges.push({ from, to, inCycle: c !== undefined && c === inCycle.get(to), critical: p !== undefined && onPath.get(to) === p + 1, implied });
    }
  }

  const unknown: UnknownDependency[] = [];
  const seen = new Set<string>();
  for (const t of model.taskTable.tasks) {
    if (!t.id) continue;
    for (const d of t.deps) {
      const key = `${t.id}\n${d.id}`;
      if (d.id === t.id || g.tasks.has(d.id) || seen.has(key)) continue;
      seen.add(key);
      unknown.push({ id: d.id, from: t.id });
    }
  }

  return {
    ...empty,
    status: 'ok',
    tasks,
    edges,
    cycles,
    unknown,
    criticalPath,
    criticalLines: criticalPath.reduce((sum, id) => sum + weight(id), 0),
    waves,
    totalLines: tasks.reduce((sum, t) => sum + (t.estLines ?? 0), 0),
  };
}

/** The strongly connected component of `id`: the tasks it depends on that also depend on it, and itself. */
function componentOf(g: TaskGraph, id: string): Set<string> {
  const after = transitiveDependents(g, id);
  const out = new Set([id]);
  const queue = [id];
  for (let qi = 0; qi < queue.length; qi++) {
    for (const d of g.deps.get(queue[qi])!) {
      if (out.has(d) || !after.has(d)) continue;
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
function reachability(g: TaskGraph, waveOf: Map<string, number>): (from: string, to: string) => boolean {
  const seen = new Map<string, number>();
  let stamp = 0;
  return (from, to) => {
    const floor = waveOf.get(from)!;
    if (waveOf.get(to)! <= floor) return false;
    stamp++;
    const stack = [to];
    while (stack.length) {
      for (const d of g.deps.get(stack.pop()!)!) {
        if (d === from) return true;
        if (seen.get(d) === stamp || waveOf.get(d)! <= floor) continue;
        seen.set(d, stamp);
        stack.push(d);
      }
    }
    return false;
  };
}

/** Kahn's algorithm by layers; each layer in natural order. Tasks in or after a cycle never free up. */
function layers(g: TaskGraph): string[][] {
  const waiting = new Map<string, number>();
  let current: string[] = [];
  for (const [id, deps] of g.deps) {
    waiting.set(id, deps.length);
    if (deps.length === 0) current.push(id);
  }
  const out: string[][] = [];
  while (current.length) {
    current.sort(compareNatural);
    out.push(current);
    const next: string[] = [];
    for (const id of current) {
      for (const w of g.dependents.get(id)!) {
        const left = waiting.get(w)! - 1;
        waiting.set(w, left);
        if (left === 0) next.push(w);
      }
    }
    current = next;
  }
  return out;
}

/** The heaviest source-to-sink path of an acyclic graph, ties to the natural-order first at each step. */
function heaviestPath(g: TaskGraph, weight: (id: string) => number): string[] {
  // Reverse topological order: each task after everything that depends on it.
  const order = layers(g).flat().reverse();
  const down = new Map<string, number>();
  const best = (ids: string[]): string | undefined => {
    let pick: string | undefined;
    for (const id of ids) {
      const d = down.get(id)!;
      const p = pick === undefined ? -1 : down.get(pick)!;
      if (d > p || (d === p && compareNatural(id, pick!) < 0)) pick = id;
    }
    return pick;
  };
  for (const id of order) {
    const next = best(g.dependents.get(id)!);
    down.set(id, weight(id) + (next === undefined ? 0 : down.get(next)!));
  }
  const path: string[] = [];
  for (let id = best([...g.deps].filter(([, deps]) => deps.length === 0).map(([id]) => id)); id !== undefined; id = best(g.dependents.get(id)!)) {
    path.push(id);
  }
  return path;
}
