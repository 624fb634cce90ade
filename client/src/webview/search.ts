// Finding a task in the preview by ID or title, and the tasks before and after it. Pure: no DOM.
import type { Plan } from '../../../protocol';

/**
 * The IDs of the tasks that match `query`, best first: the ID itself (any case), then IDs that
 * start with it, then titles or IDs that contain it; table order within each. Empty for a blank query.
 */
export function findTasks(model: Plan, query: string): string[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const exact: string[] = [];
  const prefix: string[] = [];
  const contains: string[] = [];
  for (const t of model.tasks) {
    const id = t.id.toLowerCase();
    if (id === q) exact.push(t.id);
    else if (id.startsWith(q)) prefix.push(t.id);
    else if (t.title.toLowerCase().includes(q) || id.includes(q) || `${id} ${t.title.toLowerCase()}`.includes(q)) contains.push(t.id);
  }
  return [...exact, ...prefix, ...contains];
}

export interface Lineage {
  /** Every task `id` depends on, directly or through others. */
  upstream: Set<string>;
  /** Every task that depends on `id`, directly or through others. */
  downstream: Set<string>;
}

/** The tasks before and after `id` in the dependency graph (a task in a cycle is in both). */
export function lineageOf(model: Plan, id: string): Lineage {
  const deps = new Map<string, string[]>();
  const dependents = new Map<string, string[]>();
  for (const e of model.edges) {
    deps.set(e.to, [...(deps.get(e.to) ?? []), e.from]);
    dependents.set(e.from, [...(dependents.get(e.from) ?? []), e.to]);
  }
  const walk = (next: Map<string, string[]>) => {
    const seen = new Set<string>();
    const stack = [id];
    while (stack.length) {
      for (const n of next.get(stack.pop()!) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        stack.push(n);
      }
    }
    return seen;
  };
  return { upstream: walk(deps), downstream: walk(dependents) };
}

/** Kinds of node and edge the legend can name. */
export type LegendKey = 'critical' | 'cycle' | 'unknown' | 'plain' | 'implied';

/** The kinds the drawing of `model` holds, in the legend's order. */
export function legendKeys(model: Plan): LegendKey[] {
  const present = new Set<LegendKey>();
  if (model.criticalPath.length) present.add('critical');
  if (model.cycles.length) present.add('cycle');
  if (model.unknown.length) present.add('unknown');
  for (const e of model.edges) present.add(e.inCycle ? 'cycle' : e.critical ? 'critical' : e.implied ? 'implied' : 'plain');
  return (['critical', 'cycle', 'unknown', 'plain', 'implied'] as const).filter((k) => present.has(k));
}
