// `techspec tasks FILE`: the tasks with their dependencies, estimates, waves and critical-path flag,
// as JSON, CSV, a CSV for Jira's importer, or a markdown task list by wave.
import { parseArgs } from 'node:util';
import type { Plan } from '../../engine';
import { CliError, formatOption } from './errors';
import type { RunContext } from './lintCommand';
import { readPlan, writeOutput } from './planFile';

export const TASKS_HELP = `Usage: techspec tasks FILE [options]

Exports the tasks of the spec FILE with dependencies, estimates, waves and critical path.

Options:
  --format NAME    json (default), csv, jira-csv or markdown (a task list by wave)
  --epic NAME      with jira-csv, add an epic row that every task belongs to
  --output FILE    write to FILE instead of stdout
  --config FILE    use this config file (default: the nearest .techspec.jsonc)
  -h, --help       show this help`;

const FORMATS = ['json', 'csv', 'jira-csv', 'markdown'] as const;

export interface TaskRow {
  id: string;
  title: string;
  estLines: number | null;
  /** IDs this task needs, in table order; unknown ones included. */
  dependencies: string[];
  /** 1-based; null for a task in or after a dependency cycle. */
  wave: number | null;
  critical: boolean;
  jira: string | null;
}

export function tasksCommand(argv: string[], context: RunContext): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'json' },
      epic: { type: 'string' },
      output: { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    context.stdout(TASKS_HELP + '\n');
    return 0;
  }
  const format = formatOption(values.format, FORMATS);
  if (values.epic !== undefined && format !== 'jira-csv') throw new CliError('--epic goes with --format jira-csv');
  if (positionals.length > 1) throw new CliError('tasks takes one spec file');
  const plan = readPlan(positionals[0], context.cwd, values.config);
  const rows = taskRows(plan);
  const text =
    format === 'json' ? tasksJson(plan, rows) : format === 'csv' ? plainCsv(rows) : format === 'jira-csv' ? jiraCsv(rows, values.epic) : markdown(plan, rows);
  writeOutput(text, values.output, context.cwd, context.stdout);
  return 0;
}

export function taskRows(plan: Plan): TaskRow[] {
  const waveOf = new Map<string, number>();
  plan.waves.forEach((wave, i) => wave.forEach((id) => waveOf.set(id, i + 1)));
  const critical = new Set(plan.criticalPath);
  const needs = new Map<string, string[]>(plan.tasks.map((t) => [t.id, []]));
  for (const e of plan.edges) needs.get(e.to)!.push(e.from);
  for (const u of plan.unknown) needs.get(u.from)!.push(u.id);
  return plan.tasks.map((t) => ({
    id: t.id,
    title: t.title,
    estLines: t.estLines,
    dependencies: needs.get(t.id)!,
    wave: waveOf.get(t.id) ?? null,
    critical: critical.has(t.id),
    jira: t.jira ?? null,
  }));
}

function tasksJson(plan: Plan, rows: TaskRow[]): string {
  return (
    JSON.stringify(
      { tasks: rows, waves: plan.waves, criticalPath: plan.criticalPath, criticalLines: plan.criticalLines, totalLines: plan.totalLines },
      null,
      2,
    ) + '\n'
  );
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; lines end in CRLF. */
function csv(table: (string | number | null)[][]): string {
  const field = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return table.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function plainCsv(rows: TaskRow[]): string {
  return csv([
    ['ID', 'Task', 'Est. Lines', 'Dependencies', 'Wave', 'Critical', 'Jira'],
    ...rows.map((r) => [r.id, r.title, r.estLines, r.dependencies.join(' '), r.wave, r.critical ? 'yes' : 'no', r.jira]),
  ]);
}

/**
 * Jira's CSV import: an `Issue ID` per row (synthetic, only for links inside the file), `Summary`,
 * an optional epic row first that the tasks name as `Parent`, and one `Link "is blocked by"` column
 * per dependency (a multi-valued field repeats its header). Unknown dependencies have no row to link to.
 */
function jiraCsv(rows: TaskRow[], epic: string | undefined): string {
  const first = epic === undefined ? 1 : 2;
  const issueId = new Map(rows.map((r, i) => [r.id, String(first + i)]));
  const links = rows.map((r) => r.dependencies.filter((d) => issueId.has(d)).map((d) => issueId.get(d)!));
  const linkColumns = Math.max(0, ...links.map((l) => l.length));
  const header = ['Issue ID', 'Issue Type', 'Summary', 'Parent', 'Description', 'Labels', 'Labels', ...Array<string>(linkColumns).fill('Link "is blocked by"')];
  const table: (string | null)[][] = [header];
  if (epic !== undefined) table.push(['1', 'Epic', epic, null, null, null, null, ...Array<null>(linkColumns).fill(null)]);
  rows.forEach((r, i) => {
    const description = `${r.id}: ${r.title}\nEst. Lines: ${r.estLines ?? 'unknown'}${r.jira ? `\nJira: ${r.jira}` : ''}`;
    const labels = [r.wave === null ? 'blocked' : `wave-${r.wave}`, r.critical ? 'critical-path' : null];
    const linkCells = Array.from({ length: linkColumns }, (_, k) => links[i][k] ?? null);
    table.push([issueId.get(r.id)!, 'Task', `${r.id} ${r.title}`.trim(), epic === undefined ? null : '1', description, ...labels, ...linkCells]);
  });
  return csv(table);
}

/** A GitHub task list, wave by wave; tasks in no wave (cycles) last. */
function markdown(plan: Plan, rows: TaskRow[]): string {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const item = (r: TaskRow) => {
    const facts = [
      r.estLines === null ? null : `~${r.estLines} lines`,
      r.dependencies.length ? `needs ${r.dependencies.join(', ')}` : null,
      r.critical ? '**critical path**' : null,
    ];
    return `- [ ] **${r.id}** ${r.title}${facts.some(Boolean) ? ` (${facts.filter(Boolean).join('; ')})` : ''}`;
  };
  const out: string[] = [];
  plan.waves.forEach((wave, i) => out.push(`### Wave ${i + 1}`, '', ...wave.map((id) => item(byId.get(id)!)), ''));
  const blocked = rows.filter((r) => r.wave === null);
  if (blocked.length) out.push('### Blocked by a dependency cycle', '', ...blocked.map(item), '');
  return out.join('\n');
}
