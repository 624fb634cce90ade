import type { Finding, Rule } from '../rule';
import { taskGraph } from '../taskGraph';
import { taskIdRegExp } from './support/tasks';

export const malformedTaskId: Rule = {
  code: 'TS404',
  name: 'malformed-task-id',
  defaultSeverity: 'warning',
  description: 'A task ID does not match techspec.taskIdPattern (by default T1, T2, …).',
  check({ model, settings }) {
    const re = taskIdRegExp(settings);
    const { ids, rows, rowId } = taskGraph(model);
    // Each ID is tested once; rows repeating it share the answer.
    const bad = new Uint8Array(ids.length);
    let any = false;
    for (let i = 0; i < ids.length; i++) if (!re.test(ids[i])) any = (bad[i] = 1) === 1;
    if (!any) return [];
    const out: Finding[] = [];
    for (let r = 0; r < rows.length; r++) {
      if (rowId[r] < 0 || !bad[rowId[r]]) continue;
      const t = rows[r];
      out.push({
        range: t.idCell.span.range,
        message: `Task ID "${t.id}" does not match the pattern ${re.source} (techspec.taskIdPattern). Use an ID like T1, T2, ….`,
      });
    }
    return out;
  },
};
