import type { Finding, Rule } from '../rule';
import { taskGraph } from '../taskGraph';
import { taskIdRegExp } from './support/tasks';

/** By the task graph's numbering (kept across versions with the same IDs): which IDs fail which pattern. */
const testedIds = new WeakMap<object, { pattern: string; bad?: Uint8Array }>();

export const malformedTaskId: Rule = {
  code: 'TS404',
  name: 'malformed-task-id',
  defaultSeverity: 'warning',
  description: 'A task ID does not match techspec.taskIdPattern (by default T1, T2, …).',
  check({ model, settings }) {
    const re = taskIdRegExp(settings);
    const { ids, index, rows, rowId } = taskGraph(model);
    // Each ID is tested once, and again only when the numbering or the pattern changes.
    let tested = testedIds.get(index);
    if (!tested || tested.pattern !== re.source) {
      const bad = new Uint8Array(ids.length);
      let any = false;
      for (let i = 0; i < ids.length; i++) if (!re.test(ids[i])) any = (bad[i] = 1) === 1;
      testedIds.set(index, (tested = { pattern: re.source, bad: any ? bad : undefined }));
    }
    const { bad } = tested;
    if (!bad) return [];
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
