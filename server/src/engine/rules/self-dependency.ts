import type { Finding, Rule } from '../rule';
import { taskGraph } from '../taskGraph';

export const selfDependency: Rule = {
  code: 'TS407',
  name: 'self-dependency',
  defaultSeverity: 'error',
  description: 'A task lists itself as a dependency.',
  check({ model }) {
    const { rows, rowId, depStart, depNum } = taskGraph(model);
    const out: Finding[] = [];
    for (let r = 0; r < rows.length; r++) {
      const own = rowId[r];
      if (own < 0) continue;
      for (let j = depStart[r]; j < depStart[r + 1]; j++) {
        if (depNum[j] !== own) continue;
        const t = rows[r];
        const d = t.deps[j - depStart[r]];
        out.push({
          range: d.span.range,
          message: `Task ${t.id} depends on itself. Remove "${d.id}" from its dependencies.`,
          fix: { kind: 'removeDependency' },
        });
      }
    }
    return out;
  },
};
