import type { Finding, Rule } from '../rule';
import type { SpecModel } from '../model';
import { taskGraph, transitiveDependents, type TaskGraph } from '../taskGraph';
import { proseLines } from './support/sectionLines';

/** Words that name the steps of a plan; a wave is a set of tasks that run in parallel. */
const STEP_WORDS = 'sprint|phase|wave|milestone|week|iteration|stage|step';
/** `- **Wave 1**: T1, T2`, `Phase 2 — T5, T6`, `1. Sprint 3 (Nov): T4`: the step, then a separator, then the tasks. */
const STEP_LINE = new RegExp(
  `^\\s*(?:>\\s*)*(?:[-*+]\\s+|\\d+[.)]\\s+)?(?:\\*\\*|__)?(${STEP_WORDS})\\s+(\\d+)\\b(?:\\*\\*|__)?(?:\\s*\\([^)\\n]*\\))?(?:\\*\\*|__)?\\s*(?::|—|–|-|\\|)`,
  'i',
);
/** `### Phase 2: Billing`, `#### 3. Milestone 4 — Launch`: a heading that is a step, its tasks in the list under it. */
const STEP_HEADING = new RegExp(`^(?:\\d+(?:\\.\\d+)*[.)]?\\s+)?(${STEP_WORDS})\\s+(\\d+)\\b`, 'i');
/** A list item that starts with a task ID: `- T3: …`, `1. **T4** — …`. */
const LIST_ITEM_ID = /^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?[*_`]*([A-Za-z0-9][\w.-]*[A-Za-z0-9]|[A-Za-z0-9])/;
const STEP_HEADER = new RegExp(`^(${STEP_WORDS})s?$`, 'i');
const TASKS_HEADER = /^(tasks?|task ids?|ids?|prs?|scope|work|items?|deliverables?)$/i;
const WORD = /[A-Za-z0-9][\w.-]*[A-Za-z0-9]|[A-Za-z0-9]/g;

/** One task placed in a step of a plan, where the plan names it. */
interface Placement {
  step: number;
  label: string;
  task: number;
  start: number;
  end: number;
}

interface Plan {
  /** Steps of a wave plan run in parallel: a dependency in the same wave is too late. */
  parallel: boolean;
  placements: Placement[];
}

/** The known task IDs named in `text` (which starts at `offset`), with where. */
function tasksIn(g: TaskGraph, text: string, offset: number): { task: number; start: number; end: number }[] {
  const out: { task: number; start: number; end: number }[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const k = g.index.get(m[0]);
    if (k !== undefined) out.push({ task: k, start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return out;
}

/** The plans written in the spec: step lines (grouped by their word) and tables with a step column. */
function plansOf(model: SpecModel, g: TaskGraph): Plan[] {
  const plans: Plan[] = [];
  const byWord = new Map<string, Plan>();
  for (const section of model.sections) {
    for (const line of proseLines(model, section.span.start, section.span.end)) {
      const m = STEP_LINE.exec(line.text);
      if (!m) continue;
      const word = m[1].toLowerCase();
      let plan = byWord.get(word);
      if (!plan) byWord.set(word, (plan = { parallel: word === 'wave', placements: [] }));
      const label = `${m[1][0].toUpperCase()}${word.slice(1)} ${m[2]}`;
      for (const t of tasksIn(g, line.text.slice(m[0].length), line.start + m[0].length)) plan.placements.push({ step: Number(m[2]), label, ...t });
    }
  }
  // Headings that are steps: the task IDs that start the list items of their own text (up to the next heading).
  for (let h = 0; h < model.headings.length; h++) {
    const heading = model.headings[h];
    const m = STEP_HEADING.exec(heading.title);
    if (!m || heading.depth < 2) continue;
    const word = m[1].toLowerCase();
    let plan = byWord.get(word);
    if (!plan) byWord.set(word, (plan = { parallel: word === 'wave', placements: [] }));
    const label = `${m[1][0].toUpperCase()}${word.slice(1)} ${m[2]}`;
    const end = model.headings[h + 1]?.heading.start ?? model.text.length;
    for (const line of proseLines(model, heading.heading.end, end)) {
      const item = LIST_ITEM_ID.exec(line.text);
      const k = item && g.index.get(item[1]);
      if (k === undefined || k === null) continue;
      const start = line.start + item!.index + item![0].length - item![1].length;
      plan.placements.push({ step: Number(m[2]), label, task: k, start, end: start + item![1].length });
    }
  }
  plans.push(...byWord.values());
  for (const table of model.tables) {
    if (table === model.taskTable?.table) continue;
    const headers = table.header.cells.map((c) => c.text.trim());
    const stepCol = headers.findIndex((h) => STEP_HEADER.test(h));
    if (stepCol < 0) continue;
    const tasksCol = headers.findIndex((h) => TASKS_HEADER.test(h));
    const word = STEP_HEADER.exec(headers[stepCol])![1].toLowerCase();
    const plan: Plan = { parallel: word === 'wave', placements: [] };
    table.rows.forEach((row, i) => {
      const stepText = row.cells[stepCol]?.text.trim() ?? '';
      const number = /\d+/.exec(stepText);
      const step = number ? Number(number[0]) : i + 1;
      const name = stepText.split(/[:—–(]/)[0].trim();
      const label = new RegExp(`^(${STEP_WORDS})`, 'i').test(name) ? name : `${headers[stepCol]} ${name || step}`;
      row.cells.forEach((cell, c) => {
        if (c === stepCol || (tasksCol >= 0 && c !== tasksCol)) return;
        for (const t of tasksIn(g, cell.raw, cell.span.start)) plan.placements.push({ step, label, ...t });
      });
    });
    plans.push(plan);
  }
  return plans.filter((p) => p.placements.length > 0);
}

export const planOrder: Rule = {
  code: 'TS1102',
  name: 'plan-order',
  defaultSeverity: 'warning',
  description: 'A sprint, phase, wave or milestone plan schedules a task before one of its dependencies (or, for waves, in the same wave).',
  help: 'Move the task to a later step than its dependencies (a later wave than each of them), or fix its dependencies.',
  check({ model }) {
    if (!model.taskTable) return [];
    const g = taskGraph(model);
    const out: Finding[] = [];
    for (const plan of plansOf(model, g)) {
      // Where each task is first scheduled.
      const first = new Map<number, Placement>();
      for (const p of plan.placements) if (!first.has(p.task) || p.step < first.get(p.task)!.step) first.set(p.task, p);
      for (const p of plan.placements) {
        if (first.get(p.task) !== p) continue;
        for (const d of g.depsOf[p.task]) {
          const dep = first.get(d);
          if (!dep || dep.step < p.step || (dep.step === p.step && !plan.parallel)) continue;
          // Tasks in a cycle have no order to keep; TS409 reports the cycle.
          if (transitiveDependents(g, g.ids[p.task]).has(g.ids[d])) continue;
          const [task, needed] = [g.ids[p.task], g.ids[d]];
          out.push({
            range: model.lines.range(p.start, p.end),
            message:
              dep.step === p.step
                ? `${p.label} schedules ${task} with its dependency ${needed}, but the tasks of a wave run in parallel. Move ${task} to a later wave.`
                : `${p.label} schedules ${task} before its dependency ${needed} (${dep.label}). Move ${task} to ${dep.label} or later, or ${needed} earlier.`,
            related: [{ range: model.lines.range(dep.start, dep.end), message: `${needed} is scheduled here` }],
          });
        }
      }
    }
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  },
};
