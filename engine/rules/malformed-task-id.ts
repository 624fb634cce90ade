import type { Finding, Rule } from '../rule';
import { taskGraph } from '../taskGraph';
import { taskIdRegExp } from './support/tasks';

/** Per task number: 1 when its ID fails the pattern; undefined when none does. */
function badIds(ids: readonly string[], re: RegExp): Uint8Array | undefined {
  const bad = new Uint8Array(ids.length);
  let any = false;
  for (let i = 0; i < ids.length; i++) if (!re.test(ids[i])) any = (bad[i] = 1) === 1;
  return any ? bad : undefined;
}

export const malformedTaskId: Rule = {
  code: 'TS404',
  name: 'malformed-task-id',
  defaultSeverity: 'warning',
  description: "A task ID does not match the template's example IDs (T1, T2, … in the bundled one) or techspec.taskIdPattern.",
  help: "Rename the task to match the task ID pattern (the template's example IDs, or the configured taskIdPattern).",
  check({ model, settings, schema, cache }) {
    const re = taskIdRegExp(settings, schema);
    const from = settings.taskIdPattern === undefined ? "the template's IDs" : 'techspec.taskIdPattern';
    const like =
      settings.taskIdPattern === undefined && schema.taskId.examples.length ? ` Use an ID like ${schema.taskId.examples.slice(0, 2).join(', ')}, ….` : '';
    const { ids, index, rows, rowId } = taskGraph(model);
    // Each ID is tested once, and again only when the numbering (kept across versions with the same IDs) or the pattern changes.
    const bad = cache.remember('malformed-task-id', index, [re.source], () => badIds(ids, re));
    if (!bad) return [];
    const out: Finding[] = [];
    for (let r = 0; r < rows.length; r++) {
      if (rowId[r] < 0 || !bad[rowId[r]]) continue;
      const t = rows[r];
      out.push({
        range: t.idCell.span.range,
        message: `Task ID "${t.id}" does not match the pattern ${re.source} (${from}).${like}`,
      });
    }
    return out;
  },
};
