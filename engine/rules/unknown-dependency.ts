import type { Finding, FixData, Rule } from '../rule';
import type { DependencyRef } from '../model';
import { taskGraph, transitiveDependents } from '../taskGraph';
import { compareNatural, isAdjacentSwap, levenshtein } from '../text';
import { graphTaskEdges, taskIdRegExp } from './support/tasks';
import { dominantScheme, schemeOf } from './malformed-task-id';
import { DEFAULT_SETTINGS } from '../settings';

/**
 * The existing ID nearest to `id` in edit distance, if close enough to be a typo (one edit per
 * three characters, at least one; two swapped neighbours count as one). Ties go to an ID in
 * `preferred`, then to natural order.
 */
export function closestTaskId(id: string, candidates: Iterable<string>, preferred: ReadonlySet<string> = new Set()): string | undefined {
  const limit = Math.max(1, Math.floor(id.length / 3));
  const lower = id.toLowerCase();
  let best: { id: string; distance: number; preferred: boolean } | undefined;
  for (const c of candidates) {
    if (Math.abs(c.length - id.length) > limit) continue;
    // Only a candidate as close as the best so far can still win (ties are decided below).
    const distance = isAdjacentSwap(lower, c.toLowerCase()) ? 1 : levenshtein(lower, c.toLowerCase(), best ? best.distance : limit);
    if (distance > limit) continue;
    const cand = { id: c, distance, preferred: preferred.has(c) };
    if (
      !best ||
      cand.distance < best.distance ||
      (cand.distance === best.distance && (cand.preferred !== best.preferred ? cand.preferred : compareNatural(c, best.id) < 0))
    )
      best = cand;
  }
  return best?.id;
}

export const unknownDependency: Rule = {
  code: 'TS406',
  name: 'unknown-dependency',
  defaultSeverity: 'error',
  description: 'A dependency names no task in the table; the closest existing ID is suggested.',
  help: 'Name an existing task (the quick fix suggests the closest ID), add the missing task, or remove the dependency.',
  fixes: ['replaceDependency', 'addTaskRow'],
  check(ctx) {
    const { model, settings } = ctx;
    const g = taskGraph(model);
    const ids = g.index;
    const wellFormed = taskIdRegExp(settings, ctx.schema);
    // A token of punctuation only (`T1 & T2`, `T1 / T2`) is a separator, not a misspelt ID.
    const isUnknown = (d: DependencyRef) => !ids.has(d.id) && /[\p{L}\p{N}]/u.test(d.id);
    // A new row is offered for an ID written like the others: the pattern's, or the spec's own scheme.
    let own: string | undefined | null = null;
    const wellWritten = (id: string) => {
      if (own === null) own = settings.taskIdPattern === DEFAULT_SETTINGS.taskIdPattern ? dominantScheme(g.ids, wellFormed) : undefined;
      return own ? schemeOf(id) === own : wellFormed.test(id);
    };
    const out: Finding[] = [];
    for (const r of g.rowsWithUnknown) {
      const t = g.rows[r];
      if (!t.deps.some(isUnknown)) continue;
      const unknown = t.deps.filter(isUnknown);
      const listed = new Set(t.deps.map((d) => d.id));
      // Not the row itself, an ID the cell already lists, or a task that needs this one: each would make a new defect.
      const needsThis = t.id ? transitiveDependents(g, t.id) : new Set<string>();
      const candidates = g.ids.filter((id) => id !== t.id && !listed.has(id) && !needsThis.has(id));
      // The graph may draw the edge the table misspells (only candidates are looked up in this set).
      const inGraph = new Set((g.rowId[r] < 0 ? undefined : graphTaskEdges(ctx).into[g.rowId[r]])?.map((k) => g.ids[k]));
      for (const dep of unknown) {
        const suggestion = closestTaskId(dep.id, candidates, inGraph);
        let fix: FixData | undefined;
        let advice: string;
        if (suggestion) {
          fix = { kind: 'replaceDependency', suggestion };
          advice = `Did you mean ${suggestion}?`;
        } else if (wellWritten(dep.id)) {
          fix = { kind: 'addTaskRow', taskId: dep.id };
          advice = `Add a row for ${dep.id}, or remove the dependency.`;
        } else {
          advice = 'Use the ID of a task in the table.';
        }
        out.push({ range: dep.span.range, message: `Unknown dependency "${dep.id}": no task has this ID. ${advice}`, ...(fix ? { fix } : {}) });
      }
    }
    return out;
  },
};
