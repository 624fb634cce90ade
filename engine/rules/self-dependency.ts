import type { Finding, Rule } from '../rule';
import { taskGraph, type TaskGraph } from '../taskGraph';

/** (row, dependency) positions of self-dependencies. */
function selfDependencies({ rowId, depStart, depNum }: TaskGraph): number[] {
  const found: number[] = [];
  for (let r = 0; r < rowId.length; r++) {
    const own = rowId[r];
    if (own < 0) continue;
    for (let j = depStart[r]; j < depStart[r + 1]; j++) if (depNum[j] === own) found.push(r, j);
  }
  return found;
}

export const selfDependency: Rule = {
  code: 'TS407',
  name: 'self-dependency',
  defaultSeverity: 'error',
  description: 'A task lists itself as a dependency.',
  help: 'Remove the task from its own Dependencies cell.',
  fixes: ['removeDependency'],
  check({ model, cache }) {
    const g = taskGraph(model);
    // The dependency numbering is kept across versions with the same links.
    const at = cache.remember('self-dependency', g.depNum, [], () => selfDependencies(g));
    const out: Finding[] = [];
    for (let i = 0; i < at.length; i += 2) {
      const t = g.rows[at[i]];
      const d = t.deps[at[i + 1] - g.depStart[at[i]]];
      out.push({
        range: d.span.range,
        message: `Task ${t.id} depends on itself. Remove "${d.id}" from its dependencies.`,
        fix: { kind: 'removeDependency' },
      });
    }
    return out;
  },
};
