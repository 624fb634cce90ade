// `techspec graph FILE`: the task dependency graph as Mermaid, Graphviz dot, JSON or SVG.
import { parseArgs } from 'node:util';
import type { Plan } from '../../engine';
import { CliError, formatOption } from './errors';
import type { RunContext } from './lintCommand';
import { readPlan, writeOutput } from './planFile';
import { renderSvg } from './svg';

export const GRAPH_HELP = `Usage: techspec graph FILE [options]

Writes the task dependency graph of the spec FILE.

Options:
  --format NAME    mermaid (default), dot, json or svg (the preview's picture)
  --output FILE    write to FILE instead of stdout
  --config FILE    use this config file (default: the nearest .techspec.jsonc)
  -h, --help       show this help`;

const FORMATS = ['mermaid', 'dot', 'json', 'svg'] as const;

export function graphCommand(argv: string[], context: RunContext): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'mermaid' },
      output: { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    context.stdout(GRAPH_HELP + '\n');
    return 0;
  }
  const format = formatOption(values.format, FORMATS);
  if (positionals.length > 1) throw new CliError('graph takes one spec file');
  const plan = readPlan(positionals[0], context.cwd, values.config);
  const render = { mermaid, dot, json: planJson, svg: renderSvg }[format];
  writeOutput(render(plan), values.output, context.cwd, context.stdout);
  return 0;
}

function planJson(plan: Plan): string {
  const { tasks, edges, cycles, unknown, criticalPath, criticalLines, waves, totalLines } = plan;
  const nodes = tasks.map(({ id, title, estLines, jira }) => ({ id, title, estLines, ...(jira ? { jira } : {}) }));
  return JSON.stringify({ tasks: nodes, edges, cycles, unknown, criticalPath, criticalLines, waves, totalLines }, null, 2) + '\n';
}

/** Node names of our own (n0, u0): task IDs are user text. */
function nodeNames(plan: Plan): { task: Map<string, string>; unknown: Map<string, string> } {
  return {
    task: new Map(plan.tasks.map((t, i) => [t.id, `n${i}`])),
    unknown: new Map([...new Set(plan.unknown.map((u) => u.id))].map((id, i) => [id, `u${i}`])),
  };
}

function mermaid(plan: Plan): string {
  const names = nodeNames(plan);
  const label = (s: string) => `"${s.replace(/"/g, '#quot;')}"`;
  const critical = new Set(plan.criticalPath);
  const lines = ['flowchart LR'];
  for (const t of plan.tasks) lines.push(`  ${names.task.get(t.id)}[${label(`${t.id}: ${t.title}`)}]${critical.has(t.id) ? ':::critical' : ''}`);
  for (const [id, name] of names.unknown) lines.push(`  ${name}[${label(`${id} (unknown)`)}]:::unknown`);
  for (const e of plan.edges) lines.push(`  ${names.task.get(e.from)} ${e.implied ? '-.->' : '-->'} ${names.task.get(e.to)}`);
  for (const u of plan.unknown) lines.push(`  ${names.unknown.get(u.id)} -.-> ${names.task.get(u.from)}`);
  lines.push('  classDef critical stroke:#d18616,stroke-width:2px', '  classDef unknown stroke:#9a6700,stroke-dasharray:5 3');
  return lines.join('\n') + '\n';
}

function dot(plan: Plan): string {
  const names = nodeNames(plan);
  const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const critical = new Set(plan.criticalPath);
  const lines = ['digraph tasks {', '  rankdir=LR;', '  node [shape=box, style=rounded];'];
  for (const t of plan.tasks)
    lines.push(`  ${names.task.get(t.id)} [label=${quote(`${t.id}: ${t.title}`)}${critical.has(t.id) ? ', color="#d18616", penwidth=2' : ''}];`);
  for (const [id, name] of names.unknown) lines.push(`  ${name} [label=${quote(`${id} (unknown)`)}, style=dashed];`);
  for (const e of plan.edges) {
    const style = [e.critical ? 'color="#d18616", penwidth=2' : '', e.inCycle ? 'color="#cf222e"' : '', e.implied ? 'style=dashed' : '']
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${names.task.get(e.from)} -> ${names.task.get(e.to)}${style ? ` [${style}]` : ''};`);
  }
  for (const u of plan.unknown) lines.push(`  ${names.unknown.get(u.id)} -> ${names.task.get(u.from)} [style=dashed];`);
  lines.push('}');
  return lines.join('\n') + '\n';
}
