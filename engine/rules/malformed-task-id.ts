import type { Finding, Rule } from '../rule';
import { DEFAULT_TASK_ID_PATTERN } from '../template/derive';
import { taskGraph } from '../taskGraph';
import { taskIdRegExp } from './support/tasks';

/** An ID's scheme: its digits runs as `#` (`PAY-101` → `PAY-#`, `T001` → `T#`). */
export const schemeOf = (id: string) => id.replace(/\d+/g, '#');

/**
 * The spec's own numbered scheme when no pattern is configured: the scheme of most IDs, if it has a
 * number and covers more than half of them (ties go to the default pattern's). Undefined otherwise.
 */
export function dominantScheme(ids: readonly string[], fallback: RegExp): string | undefined {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(schemeOf(id), (counts.get(schemeOf(id)) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [scheme, n] of counts) {
    const better =
      n > bestCount || (n === bestCount && best !== undefined && !fallback.test(best.replace(/#/g, '1')) && fallback.test(scheme.replace(/#/g, '1')));
    if (better) [best, bestCount] = [scheme, n];
  }
  return best !== undefined && best.includes('#') && bestCount * 2 > ids.length ? best : undefined;
}

/** Per task number: 1 when its ID fails the test; undefined when none does. */
function badIds(ids: readonly string[], ok: (id: string) => boolean): Uint8Array | undefined {
  const bad = new Uint8Array(ids.length);
  let any = false;
  for (let i = 0; i < ids.length; i++) if (!ok(ids[i])) any = (bad[i] = 1) === 1;
  return any ? bad : undefined;
}

export const malformedTaskId: Rule = {
  code: 'TS404',
  name: 'malformed-task-id',
  defaultSeverity: 'warning',
  description:
    "A task ID does not match the template's example IDs (T1, T2, … in the bundled one) or techspec.taskIdPattern; with the bundled pattern, one that breaks the spec's own consistent scheme (PAY-101, FR-1, T001).",
  help: "Rename the task to match the task ID pattern (the template's example IDs, or the configured taskIdPattern), or the scheme the spec's other IDs use.",
  check({ model, settings, schema, cache }) {
    const re = taskIdRegExp(settings, schema);
    const from = settings.taskIdPattern === undefined ? "the template's IDs" : 'techspec.taskIdPattern';
    const like =
      settings.taskIdPattern === undefined && schema.taskId.examples.length ? ` Use an ID like ${schema.taskId.examples.slice(0, 2).join(', ')}, ….` : '';
    const { ids, index, rows, rowId } = taskGraph(model);
    // With the default pattern, a spec that consistently numbers its tasks its own way follows its scheme.
    const own =
      settings.taskIdPattern === undefined && schema.taskId.pattern === DEFAULT_TASK_ID_PATTERN
        ? cache.remember('task-id-scheme', index, [], () => dominantScheme(ids, re))
        : undefined;
    // Each ID is tested once, and again only when the numbering (kept across versions with the same IDs) or the pattern changes.
    const bad = cache.remember('malformed-task-id', index, [re.source, own], () => badIds(ids, own ? (id) => schemeOf(id) === own : (id) => re.test(id)));
    if (!bad) return [];
    const out: Finding[] = [];
    const example = own && ids.find((id) => schemeOf(id) === own);
    for (let r = 0; r < rows.length; r++) {
      if (rowId[r] < 0 || !bad[rowId[r]]) continue;
      const t = rows[r];
      out.push({
        range: t.idCell.span.range,
        message: example
          ? `Task ID "${t.id}" does not follow the scheme of the spec's other IDs (like ${example}). Rename it to match them.`
          : `Task ID "${t.id}" does not match the pattern ${re.source} (${from}).${like}`,
      });
    }
    return out;
  },
};
