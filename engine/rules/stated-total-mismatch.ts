import type { Finding, Rule } from '../rule';
import { parseEstLines } from '../model';
import { taskGraph } from '../taskGraph';
import { proseLines } from './support/sectionLines';

/**
 * How far a stated number of lines may be from the table's sum: 10% when written as an
 * approximation (`~4,000`, `about 4k`), 1% (rounding) otherwise.
 */
export const APPROX_TOLERANCE = 0.1;
export const EXACT_TOLERANCE = 0.01;

const TOTAL = /\btotal\b/i;
const LINES = /(~|≈|\babout\s+|\bapprox(?:\.|imately)?\s+|\baround\s+)?(\d[\d,]*(?:\.\d+)?)\s*(k)?\s*(?:lines?|loc|sloc)\b/i;
const COUNT = /\b(\d+)\s*(?:prs?|pull requests?|tasks?)\b/i;

/** What a Total line states: a number of lines (and whether approximate), a number of tasks or PRs. */
export function statedTotal(text: string): { lines?: number; approx: boolean; count?: number } | undefined {
  if (!TOTAL.test(text)) return undefined;
  const l = LINES.exec(text);
  const c = COUNT.exec(text);
  if (!l && !c) return undefined;
  const lines = l ? Number(l[2].replace(/,/g, '')) * (l[3] ? 1000 : 1) : undefined;
  return { lines, approx: Boolean(l?.[1]), count: c ? Number(c[1]) : undefined };
}

const fmt = (n: number) => n.toLocaleString('en-US');

export const statedTotalMismatch: Rule = {
  code: 'TS1101',
  name: 'stated-total-mismatch',
  defaultSeverity: 'warning',
  description: `A stated total under Task Breakdown ("Total: ~4,000 lines across 25 PRs") disagrees with the task table: its task count, or its sum of Est. Lines beyond ${APPROX_TOLERANCE * 100}% (${EXACT_TOLERANCE * 100}% without "~").`,
  help: 'Update the total to what the table says, or fix the table.',
  check({ model }) {
    const section = model.sections.find((s) => s.key === 'task-breakdown');
    const tt = model.taskTable;
    if (!section || !tt || tt.tasks.length === 0) return [];
    // Every row with an ID is a PR, a repeated ID too (TS403 reports the repetition).
    const rows = taskGraph(model).rows.filter((t) => t.id !== '');
    const count = rows.length;
    let sum = 0;
    const unparsed: string[] = [];
    for (const t of rows) {
      const est = t.estCell ? parseEstLines(t.estCell.text) : undefined;
      if (est !== undefined) sum += est;
      else if (t.estCell && t.estCell.text.trim() !== '') unparsed.push(t.id);
    }
    const out: Finding[] = [];
    for (const line of proseLines(model, section.span.start, section.span.end)) {
      const stated = statedTotal(line.text);
      if (!stated) continue;
      const problems: string[] = [];
      if (stated.count !== undefined && stated.count !== count) problems.push(`${count} tasks, not ${stated.count}`);
      if (stated.lines !== undefined && tt.columns.lines !== undefined) {
        const tolerance = sum * (stated.approx ? APPROX_TOLERANCE : EXACT_TOLERANCE);
        // Estimates that are no number make the sum a lower bound: only a total below it is known wrong.
        const off = unparsed.length ? stated.lines < sum - tolerance : Math.abs(stated.lines - sum) > tolerance;
        if (off) problems.push(`Est. Lines add up to ${unparsed.length ? 'at least ' : ''}~${fmt(sum)}, not ${stated.approx ? '~' : ''}${fmt(stated.lines)}`);
      }
      if (!problems.length) continue;
      const lead = line.text.length - line.text.trimStart().length;
      out.push({
        range: model.lines.range(line.start + lead, line.start + line.text.trimEnd().length),
        message: `The stated total disagrees with the task table: ${problems.join('; ')}. Update the total, or the table.`,
      });
    }
    return out;
  },
};
