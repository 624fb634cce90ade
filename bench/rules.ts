// Rules benchmark, in process: builds the model of a gen-spec document once, then times each rule
// on its own, the whole diagnostics run (every rule, directives, sorting), the task graph and the
// preview's graph model. Each timed run gets a fresh copy of the model, so no per-model cache
// (task graph, edge sets) carries over from an earlier run: every rule pays for what it builds.
// One more line times the whole run after a keystroke in a task title, where the task graph of
// the previous version is patched instead of rebuilt.
//
//   node --import tsx bench/rules.ts --tasks 2000            clean document
//   node --import tsx bench/rules.ts --tasks 20000 --defects  with gen-spec's defects
//   node --import tsx bench/rules.ts --tasks 2000 --runs 15   samples per measure (median printed)
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { IncrementalParser } from '../server/src/engine/incremental';
import { buildModel, type SpecModel } from '../server/src/engine/model';
import { ModelMemo } from '../server/src/engine/modelMemo';
import { RULES } from '../server/src/engine/rules';
import { computeDiagnostics } from '../server/src/engine/diagnostics';
import { DEFAULT_SETTINGS } from '../server/src/engine/settings';
import { findCycles, taskGraph } from '../server/src/engine/taskGraph';
import { buildGraphModel } from '../server/src/engine/graph';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const TASKS = Number(opt('--tasks', '2000'));
const RUNS = Number(opt('--runs', '9'));
const DEFECTS = args.includes('--defects');
const TODAY = '2026-01-01';

const ROOT = resolve(__dirname, '..');
const text = execFileSync(process.execPath, [join(ROOT, 'bench/gen-spec.mjs'), '--tasks', String(TASKS), ...(DEFECTS ? ['--defects'] : [])], {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
const t0 = performance.now();
const model = buildModel(text, new IncrementalParser().parse(text), new ModelMemo());
const buildMs = performance.now() - t0;

/**
 * A new identity for the same model, with new Task objects: per-model caches start empty and the
 * task graph kept from recent models does not apply (the cold path, as after opening the document).
 */
const fresh = (): SpecModel => (model.taskTable ? { ...model, taskTable: { ...model.taskTable, tasks: model.taskTable.tasks.map((t) => ({ ...t })) } } : { ...model });
/** The next version after a keystroke in one task's title: the same Task objects but that row's. */
let edits = 0;
const keystroke = (): SpecModel => {
  if (!model.taskTable) return { ...model };
  const tasks = model.taskTable.tasks.slice();
  const r = (edits++ * 7919) % tasks.length;
  tasks[r] = { ...tasks[r] };
  return { ...model, taskTable: { ...model.taskTable, tasks } };
};

function median(f: (m: SpecModel) => unknown, next = fresh): { ms: number; result: unknown } {
  const times: number[] = [];
  let result: unknown;
  f(next()); // warm-up: JIT, not caches
  for (let i = 0; i < RUNS; i++) {
    const m = next();
    const s = performance.now();
    result = f(m);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

const rows: [string, number, string][] = [];
for (const rule of RULES) {
  const { ms, result } = median((m) => rule.check({ model: m, settings: DEFAULT_SETTINGS, today: TODAY }));
  rows.push([`${rule.code} ${rule.name}`, ms, String((result as unknown[]).length)]);
}
const sum = rows.reduce((a, r) => a + r[1], 0);
const all = median((m) => computeDiagnostics(m, DEFAULT_SETTINGS, TODAY, 'file:///bench.md'));
const typing = median((m) => computeDiagnostics(m, DEFAULT_SETTINGS, TODAY, 'file:///bench.md'), keystroke);
const graph = median((m) => taskGraph(m));
const cycles = median((m) => findCycles(taskGraph(m)));
const preview = median((m) => buildGraphModel(m, 'file:///bench.md', 1));

const fmt = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1);
const out = [
  `rules on gen-spec --tasks ${TASKS}${DEFECTS ? ' --defects' : ''}: ${text.length} chars, ${model.taskTable?.tasks.length ?? 0} task rows, model built in ${buildMs.toFixed(0)} ms; median of ${RUNS} runs`,
  '',
  '| measure | ms | findings |',
  '|---|---:|---:|',
  ...rows.map(([name, ms, n]) => `| ${name} | ${fmt(ms)} | ${n} |`),
  `| sum of the rules | ${fmt(sum)} | |`,
  `| computeDiagnostics (all rules, directives, sort) | ${fmt(all.ms)} | ${(all.result as unknown[]).length} |`,
  `| computeDiagnostics after a keystroke in a task title (task graph patched) | ${fmt(typing.ms)} | ${(typing.result as unknown[]).length} |`,
  `| taskGraph | ${fmt(graph.ms)} | |`,
  `| taskGraph + findCycles | ${fmt(cycles.ms)} | ${(cycles.result as unknown[]).length} |`,
  `| buildGraphModel (preview) | ${fmt(preview.ms)} | |`,
];
console.log(out.join('\n'));
