// Rules benchmark, in process: builds the model of a gen-spec document once, then times each rule
// on its own, the whole diagnostics run (every rule, directives, sorting), the task graph and the
// preview's graph model.
//
// Cold: each timed run gets a copy of the model whose tasks, tables, rows, code blocks and endpoints
// are new objects, so no cache kept by model or by model part carries over from an earlier run:
// every rule pays for what it builds, as on opening the document (but for endpoint headings, which are
// parsed once per heading text for the life of the process).
// Keystroke: each timed run is the next version after a one-character edit in a task title, built
// as the language service builds it (incremental parser, model memo): parts built from unchanged
// text are the previous version's, and caches kept by them apply.
//
//   node --import tsx bench/rules.ts --tasks 2000            clean document
//   node --import tsx bench/rules.ts --tasks 20000 --defects  with gen-spec's defects
//   node --import tsx bench/rules.ts --tasks 2000 --runs 15   samples per measure (median printed)
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { IncrementalParser } from '../engine/incremental';
import { buildModel, type SpecModel, type Table, type TableRow } from '../engine/model';
import { ModelMemo } from '../engine/incremental';
import { RULES } from '../engine/rules';
import { computeDiagnostics } from '../engine/diagnostics';
import { RuleCache } from '../engine/rules/support/cache';
import { DEFAULT_SETTINGS } from '../engine/settings';
import { findCycles, taskGraph } from '../engine/taskGraph';
import { buildPlan } from '../engine/plan';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const TASKS = Number(opt('--tasks', '2000'));
const RUNS = Number(opt('--runs', '9'));
const DEFECTS = args.includes('--defects');
const TODAY = '2026-01-01';
const URI = 'file:///bench.md';

const ROOT = resolve(__dirname, '..');
const text = execFileSync(process.execPath, [join(ROOT, 'bench/gen-spec.mjs'), '--tasks', String(TASKS), ...(DEFECTS ? ['--defects'] : [])], {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
const parser = new IncrementalParser();
const memo = new ModelMemo();
const t0 = performance.now();
const model = buildModel(text, parser.parse(text), memo);
const buildMs = performance.now() - t0;

const median = (times: number[]) => times.slice().sort((a, b) => a - b)[Math.floor(times.length / 2)];

/** The model with new objects for every part a cache may be kept by (the cold path, as after opening the document). */
const fresh = (): SpecModel => {
  const rows = new Map<TableRow, TableRow>();
  const copyRow = (r: TableRow): TableRow => {
    const copy = { ...r };
    rows.set(r, copy);
    return copy;
  };
  const tables = model.tables.map((t): Table => ({ ...t, header: copyRow(t.header), rows: t.rows.map(copyRow) }));
  const blocks = new Map(model.codeBlocks.map((b) => [b, { ...b }]));
  const tt = model.taskTable;
  return {
    ...model,
    tables,
    codeBlocks: [...blocks.values()],
    endpoints: model.endpoints.map((e) => ({ ...e })),
    taskTable: tt && { ...tt, table: tables[model.tables.indexOf(tt.table)], tasks: tt.tasks.map((t) => ({ ...t, row: rows.get(t.row) ?? t.row })) },
    diagram: model.diagram && {
      ...model.diagram,
      block: blocks.get(model.diagram.block) ?? model.diagram.block,
      edges: model.diagram.edges.slice(),
      nodes: model.diagram.nodes.slice(),
    },
  };
};

// Keystrokes: type a character into the title of the middle task, then delete it, and so on.
const rowId = `| T${Math.max(1, Math.ceil(TASKS / 2))} |`;
const at = text.indexOf(rowId) + rowId.length + 3;
let edits = 0;
/** The next version after a keystroke, as the language service builds it. */
const keystroke = (): SpecModel => {
  const next = edits++ % 2 === 0 ? text.slice(0, at) + 'x' + text.slice(at) : text;
  const root = parser.parse(next);
  memo.hint(parser.takeDiff());
  return buildModel(next, root, memo);
};

/** Median time of `f` over RUNS models from `next`, after one warm-up (JIT, not caches). */
function measure(f: (m: SpecModel) => unknown, next: () => SpecModel): { ms: number; result: unknown } {
  const times: number[] = [];
  let result: unknown;
  f(next());
  for (let i = 0; i < RUNS; i++) {
    const m = next();
    const s = performance.now();
    result = f(m);
    times.push(performance.now() - s);
  }
  return { ms: median(times), result };
}

/** Each rule on each of RUNS models from `next`, in diagnostics order (later rules find what earlier ones cached per model). */
function perRule(next: () => SpecModel): { ms: number; findings: number }[] {
  const cache = new RuleCache();
  const times = RULES.map(() => [] as number[]);
  const findings = RULES.map(() => 0);
  for (let i = -1; i < RUNS; i++) {
    const m = next();
    RULES.forEach((rule, k) => {
      const s = performance.now();
      const found = rule.check({ model: m, settings: DEFAULT_SETTINGS, schema: m.schema, today: TODAY, cache, uri: 'file:///bench.spec.md', host: {} });
      if (i >= 0) times[k].push(performance.now() - s);
      findings[k] = found.length;
    });
  }
  return RULES.map((_, k) => ({ ms: median(times[k]), findings: findings[k] }));
}

const cold = perRule(fresh);
const typed = perRule(keystroke);
const all = measure((m) => computeDiagnostics(m, DEFAULT_SETTINGS, TODAY, URI), fresh);
const typing = measure((m) => computeDiagnostics(m, DEFAULT_SETTINGS, TODAY, URI), keystroke);
const graph = measure((m) => taskGraph(m), fresh);
const cycles = measure((m) => findCycles(taskGraph(m)), fresh);
const preview = measure((m) => buildPlan(m, URI, 1), fresh);

const fmt = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1);
const sum = (list: { ms: number }[]) => list.reduce((a, r) => a + r.ms, 0);
const out = [
  `rules on gen-spec --tasks ${TASKS}${DEFECTS ? ' --defects' : ''}: ${text.length} chars, ${model.taskTable?.tasks.length ?? 0} task rows, model built in ${buildMs.toFixed(0)} ms; median of ${RUNS} runs`,
  '',
  '| measure | cold ms | keystroke ms | findings |',
  '|---|---:|---:|---:|',
  ...RULES.map((rule, k) => `| ${rule.code} ${rule.name} | ${fmt(cold[k].ms)} | ${fmt(typed[k].ms)} | ${cold[k].findings} |`),
  `| sum of the rules | ${fmt(sum(cold))} | ${fmt(sum(typed))} | |`,
  `| computeDiagnostics (all rules, directives, sort) | ${fmt(all.ms)} | ${fmt(typing.ms)} | ${(all.result as unknown[]).length} |`,
  `| taskGraph | ${fmt(graph.ms)} | | |`,
  `| taskGraph + findCycles | ${fmt(cycles.ms)} | | ${(cycles.result as unknown[]).length} |`,
  `| buildPlan (preview) | ${fmt(preview.ms)} | | |`,
];
console.log(out.join('\n'));
