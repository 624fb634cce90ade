import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { buildModel } from '../../../engine/model';
import { RuleCache } from '../../../engine/rules/support/cache';
import { RULES } from '../../../engine/rules';
import { DEFAULT_SETTINGS } from '../../../engine/settings';
import { TEMPLATE_TEXT } from '../../../engine/templateText';
import { diagnose, lines } from '../helpers';
import { brief, R1, R2, related, TASK_CODE, tasksSpec } from './helpers';

const mine = (ds: Diagnostic[]) => ds.filter((d) => TASK_CODE.test(String(d.code)));

/** The repository's copy of ../shared/bench/gen-spec.mjs (the same file), so that these run wherever the checkout is. */
const GEN_SPEC = resolve(import.meta.dirname, '../../../bench/gen-spec.mjs');

const genSpec = (...args: string[]) => execFileSync(process.execPath, [GEN_SPEC, ...args], { encoding: 'utf8' });

test('the template yields none of the task and graph rules', () => {
  assert.deepEqual(brief(mine(diagnose(TEMPLATE_TEXT))), []);
});

test('severities and settings: techspec.rules turns a rule off or changes it', () => {
  const text = tasksSpec(R1, R2, '| T2 | Again | ~10 | T2 | |');
  assert.deepEqual(
    mine(diagnose(text)).map((d) => [d.code, d.severity]),
    [
      ['TS501', 2],
      ['TS403', 1],
      ['TS407', 1],
    ],
  );
  assert.deepEqual(
    mine(diagnose(text, { rules: { 'duplicate-task-id': 'off', TS407: 'warning' } })).map((d) => [d.code, d.severity]),
    [
      ['TS501', 2],
      ['TS407', 2],
    ],
  );
});

test('gen-spec --tasks 20 --defects: the planted defects and nothing else of ours', () => {
  const ds = mine(diagnose(genSpec('--tasks', '20', '--defects')));
  assert.deepEqual(brief(ds), [
    'TS409 [111,2,111,4] Dependency cycle: T1 → T2 → T1. None of these tasks can start; remove one of the dependencies.',
    'TS409 [112,2,112,4] Dependency cycle: T1 → T2 → T1. None of these tasks can start; remove one of the dependencies.',
    'TS407 [113,76,113,78] Task T3 depends on itself. Remove "T3" from its dependencies.',
    'TS403 [115,2,115,4] Duplicate task ID "T4": it is already used on line 115. Give this task an ID of its own.',
    'TS406 [131,80,131,83] Unknown dependency "T25": no task has this ID. Did you mean T2?',
  ]);
  assert.deepEqual(related(ds[0]), [
    [111, 2, 111, 4, 'T1 depends on T2'],
    [112, 2, 112, 4, 'T2 depends on T1'],
  ]);
});

test('gen-spec --tasks 20 without defects: nothing of ours', () => {
  assert.deepEqual(brief(mine(diagnose(genSpec('--tasks', '20')))), []);
});

test('2000 tasks: the task and graph rules run (time printed, not asserted)', (t) => {
  const rows = Array.from({ length: 2000 }, (_, k) => {
    const i = k + 1;
    const deps = i === 1 ? 'None' : [...new Set([i - 1, Math.max(1, i - 7)])].map((d) => `T${d}`).join(', ');
    return `| T${i} | Task ${i} | ~${60 + ((i * 37) % 340)} | ${i === 2000 ? `${deps}, T2005` : deps} | |`;
  });
  const edges = rows.flatMap((_, k) => (k === 0 ? [] : [...new Set([k, Math.max(1, k - 6)])].map((d) => `  T${d} --> T${k + 1}`)));
  const model = buildModel(lines(tasksSpec(...rows).trimEnd(), '', '```mermaid', 'graph LR', ...edges, '```'));
  const rules = RULES.filter((r) => TASK_CODE.test(r.code));
  const cache = new RuleCache();
  const run = () =>
    rules.flatMap((r) =>
      r
        .check({ model, settings: DEFAULT_SETTINGS, schema: model.schema, today: '2026-11-25', cache, uri: 'file:///w/x.spec.md', host: {} })
        .map((f) => `${r.code} ${f.range.start.line}`),
    );
  // The first run also builds the (cached) task graph; later ones show the rules' own cost.
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    assert.deepEqual(run(), ['TS406 2005']);
    times.push(performance.now() - started);
  }
  t.diagnostic(`task and graph rules over 2000 tasks: first ${times[0].toFixed(1)} ms, best of 5 ${Math.min(...times).toFixed(1)} ms`);
});
