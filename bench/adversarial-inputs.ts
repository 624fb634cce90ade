// Pathological specs for bench/adversarial.ts, generated in memory (nothing is committed).
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { TEMPLATE_TEXT } from '../engine/templateText';

export interface AdversarialInput {
  name: string;
  /** What the input is, for the table. */
  shape: string;
  text: () => string;
  /** techspec.analysisTimeout (seconds) for this input; the server's default (10 s) otherwise. */
  analysisTimeout?: number;
}

const TITLE = '# Technical Spec: adversarial input\n\n';

/** Mixed inline markdown repeated to `bytes` on one line. */
function longLine(bytes: number): string {
  const chunk = '*em* **strong** [link](https://x.example/a_b) `code | span` a | b [x] [[y]] <tag> _u_ ~~s~~ \\* (T1) ';
  return TITLE + chunk.repeat(Math.ceil(bytes / chunk.length)).slice(0, bytes) + '\n';
}

/** A list nested `depth` deep: each item's content is the next list (`- - - … item`). */
const nestedLists = (depth: number) => TITLE + '- '.repeat(depth) + 'item\n';

const nestedQuotes = (depth: number) => TITLE + '> '.repeat(depth) + 'quote\n';

/** The template with its Task Breakdown rows and dependency graph replaced. */
function templateWithTasks(rows: string[], mermaidEdges: string[]): string {
  const start = TEMPLATE_TEXT.indexOf('| T1 |');
  const graphStart = TEMPLATE_TEXT.indexOf('graph LR', start);
  const graphEnd = TEMPLATE_TEXT.indexOf('```', graphStart);
  if (start < 0 || graphStart < 0 || graphEnd < 0) throw new Error('the template has no task table or dependency graph');
  const between = TEMPLATE_TEXT.slice(TEMPLATE_TEXT.indexOf('\n\n', start), graphStart);
  return TEMPLATE_TEXT.slice(0, start) + rows.join('\n') + between + 'graph LR\n' + mermaidEdges.join('\n') + '\n' + TEMPLATE_TEXT.slice(graphEnd);
}

const taskRow = (id: number, deps: number[]) => `| T${id} | Task ${id} | ~100 | ${deps.length ? deps.map((d) => `T${d}`).join(', ') : 'None'} | [Link] |`;

/** T1 → T2 → … → Tn → T1: every task depends on the previous one, T1 on the last. */
export function dependencyCycle(tasks: number): string {
  const rows: string[] = [];
  const edges: string[] = [];
  for (let i = 1; i <= tasks; i++) {
    const dep = i === 1 ? tasks : i - 1;
    rows.push(taskRow(i, [dep]));
    edges.push(`    T${dep} --> T${i}`);
  }
  return templateWithTasks(rows, edges);
}

function wideTable(columns: number): string {
  const cells = (f: (c: number) => string) => '| ' + Array.from({ length: columns }, (_, c) => f(c)).join(' | ') + ' |';
  return TITLE + [cells((c) => `c${c}`), cells(() => '---'), cells((c) => `*${c}*`), cells((c) => `[${c}](#x)`)].join('\n') + '\n';
}

function blankLines(count: number): string {
  const split = TEMPLATE_TEXT.indexOf('## Task Breakdown');
  return TEMPLATE_TEXT.slice(0, split) + '\n'.repeat(count) + TEMPLATE_TEXT.slice(split);
}

/** `edges` edges, each task depending on up to 50 earlier ones, listed in the table and drawn in the graph alike. */
function denseGraph(edges: number): string {
  const rows: string[] = [];
  const lines: string[] = [];
  for (let task = 1; lines.length < edges; task++) {
    const deps: number[] = [];
    for (let d = task - 1; d >= 1 && deps.length < 50 && lines.length < edges; d--) {
      deps.push(d);
      lines.push(`    T${d} --> T${task}`);
    }
    rows.push(taskRow(task, deps));
  }
  return templateWithTasks(rows, lines);
}

/** A gen-spec spec of about `megabytes` MB (20,000 tasks make 4.5 MB). */
function bigSpec(megabytes: number): string {
  const tasks = Math.round((megabytes * 20000) / 4.5);
  const genSpec = join(resolve(__dirname, '..'), 'bench/gen-spec.mjs');
  return execFileSync(process.execPath, [genSpec, '--tasks', String(tasks)], { encoding: 'utf8', maxBuffer: 1 << 30 });
}

export function adversarialInputs(quick: boolean): AdversarialInput[] {
  const scale = (full: number, small: number) => (quick ? small : full);
  const listDepths = quick ? [500, 1000] : [1000, 2000, 10000];
  const quoteDepths = quick ? [1000] : [2000, 10000];
  const lineBytes = scale(1_000_000, 50_000);
  const specSizes = quick ? [2] : [15, 25];
  return [
    { name: 'long-line', shape: `one ${lineBytes.toLocaleString('en')}-byte line of inline markdown`, text: () => longLine(lineBytes) },
    ...listDepths.map((d) => ({ name: `lists-${d}`, shape: `lists nested ${d.toLocaleString('en')} deep`, text: () => nestedLists(d) })),
    ...quoteDepths.map((d) => ({ name: `quotes-${d}`, shape: `blockquotes nested ${d.toLocaleString('en')} deep`, text: () => nestedQuotes(d) })),
    { name: 'cycle', shape: `${scale(10000, 1000).toLocaleString('en')}-task dependency cycle`, text: () => dependencyCycle(scale(10000, 1000)) },
    {
      name: 'cycle-over-budget',
      shape: `the same cycle, techspec.analysisTimeout 0.5 s`,
      text: () => dependencyCycle(scale(10000, 1000)),
      analysisTimeout: 0.5,
    },
    { name: 'wide-table', shape: `${scale(5000, 500).toLocaleString('en')}-column table`, text: () => wideTable(scale(5000, 500)) },
    { name: 'blank-lines', shape: `${scale(100000, 10000).toLocaleString('en')} blank lines`, text: () => blankLines(scale(100000, 10000)) },
    { name: 'mermaid-edges', shape: `${scale(50000, 5000).toLocaleString('en')}-edge dependency graph`, text: () => denseGraph(scale(50000, 5000)) },
    ...specSizes.map((mb) => ({ name: `spec-${mb}mb`, shape: `gen-spec, ~${mb} MB`, text: () => bigSpec(mb) })),
  ];
}
