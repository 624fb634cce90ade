import type { Finding, Rule } from '../rule';
import { findCycles, taskGraph } from '../taskGraph';

/** Members a cycle's message and related information name: every member repeats them, so a huge cycle is cut short. */
const SHOWN = 50;

/** The message of one cycle, its members in "is needed by" order. */
export function cycleMessage(cycle: readonly string[]): string {
  const path =
    cycle.length <= SHOWN ? [...cycle, cycle[0]].join(' → ') : `${cycle.slice(0, SHOWN).join(' → ')} → … (${cycle.length - SHOWN} more tasks) → ${cycle[0]}`;
  return `Dependency cycle: ${path}. None of these tasks can start; remove one of the dependencies.`;
}

export const dependencyCycle: Rule = {
  code: 'TS409',
  name: 'dependency-cycle',
  defaultSeverity: 'error',
  description: 'Tasks depend on each other in a cycle; each cycle is reported once, on every member.',
  help: 'Remove one dependency of the cycle so the tasks can be ordered.',
  fixes: ['breakCycle'],
  check({ model }) {
    const g = taskGraph(model);
    const out: Finding[] = [];
    for (const cycle of findCycles(g)) {
      // The path follows "is needed by": each member depends on the one before it.
      const related = cycle.slice(0, SHOWN).map((id, i) => ({
        range: g.tasks.get(id)!.idCell.span.range,
        message: `${id} depends on ${cycle[(i + cycle.length - 1) % cycle.length]}`,
      }));
      const message = cycleMessage(cycle);
      for (const id of cycle) out.push({ range: g.tasks.get(id)!.idCell.span.range, message, related });
    }
    return out;
  },
};
