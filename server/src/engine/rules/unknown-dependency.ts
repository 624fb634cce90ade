import type { Finding, FixData, Rule } from '../rule';
import { compareNatural, levenshtein } from '../text';
import { taskIdRegExp, taskIds } from './support/tasks';

/** The existing ID nearest to `id` in edit distance (ties: natural order), if it is close enough to be a typo. */
export function closestTaskId(id: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(id.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = levenshtein(id.toLowerCase(), c.toLowerCase());
    if (d > limit) continue;
    if (d < bestDistance || (d === bestDistance && compareNatural(c, best!) < 0)) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

export const unknownDependency: Rule = {
  code: 'TS406',
  name: 'unknown-dependency',
  defaultSeverity: 'error',
  description: 'A dependency names no task in the table.',
  check({ model, settings }) {
    const ids = taskIds(model);
    const wellFormed = taskIdRegExp(settings);
    const out: Finding[] = [];
    for (const t of model.taskTable?.tasks ?? []) {
      const listed = new Set(t.deps.map((d) => d.id));
      for (const dep of t.deps) {
        if (ids.has(dep.id)) continue;
        // Not the row itself, nor an ID the cell already lists: either would make a new defect.
        const candidates = [...ids].filter((id) => id !== t.id && !listed.has(id));
        const suggestion = closestTaskId(dep.id, candidates);
        let fix: FixData | undefined;
        let advice: string;
        if (suggestion) {
          fix = { kind: 'replaceDependency', suggestion };
          advice = `Did you mean ${suggestion}?`;
        } else if (wellFormed.test(dep.id)) {
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
