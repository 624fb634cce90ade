// What the "Tech Specs" view and workspace symbols know of a spec without opening it.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { SpecModel } from './model';
import type { Plan } from './plan';

export interface TaskSummary {
  id: string;
  title: string;
  /** The task's wave (0-based), or null when a cycle keeps it from ever starting. */
  wave: number | null;
  /** The task's row. */
  range: Range;
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

/** One spec of the workspace, as the index keeps it. */
export interface SpecSummary {
  uri: string;
  /** The first heading's text, or the file name when there is none. */
  title: string;
  /** The header's Status value as written, if any. */
  status?: string;
  taskCount: number;
  /** The sum of the tasks' Est. Lines. */
  totalLines: number;
  problems: ProblemCounts;
  /** The tasks of each wave, in wave order; a task in or after a dependency cycle is in `unscheduled`. */
  waves: TaskSummary[][];
  unscheduled: TaskSummary[];
}

/** The last segment of a URI's path, decoded: the title of a spec without a heading. */
function fileName(uri: string): string {
  const last =
    uri
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Diagnostics by severity (an unset severity counts as an error, as LSP says the client decides and VS Code shows it so). */
export function countProblems(diagnostics: readonly Diagnostic[]): ProblemCounts {
  const counts: ProblemCounts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const d of diagnostics) {
    if (d.severity === 2) counts.warnings++;
    else if (d.severity === 3) counts.infos++;
    else if (d.severity === 4) counts.hints++;
    else counts.errors++;
  }
  return counts;
}

/** The summary of a spec from its model, its diagnostics and its plan (all of the same version). */
export function summarizeSpec(uri: string, model: SpecModel, diagnostics: readonly Diagnostic[], plan: Plan): SpecSummary {
  const waveOf = new Map<string, number>();
  plan.waves.forEach((wave, i) => wave.forEach((id) => waveOf.set(id, i)));
  const waves: TaskSummary[][] = plan.waves.map(() => []);
  const unscheduled: TaskSummary[] = [];
  for (const t of plan.tasks) {
    const wave = waveOf.get(t.id);
    const task: TaskSummary = { id: t.id, title: t.title, wave: wave ?? null, range: t.range };
    if (wave === undefined) unscheduled.push(task);
    else waves[wave].push(task);
  }
  // The plan lists each wave in natural ID order; the view shows them in table order.
  const order = new Map(plan.tasks.map((t, i) => [t.id, i]));
  for (const wave of waves) wave.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const summary: SpecSummary = {
    uri,
    title: model.title?.text.trim() || fileName(uri),
    taskCount: plan.tasks.length,
    totalLines: plan.totalLines,
    problems: countProblems(diagnostics),
    waves,
    unscheduled,
  };
  const status = model.header.status?.value.trim();
  if (status) summary.status = status;
  return summary;
}

/** Whether every character of `query` occurs in `name` in order, ignoring case (so any substring matches). */
export function matchesQuery(query: string, name: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const n = name.toLowerCase();
  let at = 0;
  for (const c of q) {
    at = n.indexOf(c, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** A task as Go to Symbol in Workspace lists it. */
export interface TaskSymbol {
  /** `T12 Chatbot integration`. */
  name: string;
  /** The spec's title. */
  containerName: string;
  uri: string;
  range: Range;
}

/**
 * The tasks of the specs whose `ID title` matches `query` (matchesQuery), at most `limit`: those
 * whose name contains the query as it is written come first, then the looser matches, each in spec and table order.
 */
export function taskSymbols(specs: Iterable<SpecSummary>, query: string, limit = Infinity): TaskSymbol[] {
  const exact: TaskSymbol[] = [];
  const loose: TaskSymbol[] = [];
  const needle = query.trim().toLowerCase();
  for (const spec of specs) {
    const tasks = [...spec.waves.flat(), ...spec.unscheduled].sort((a, b) => a.range.start.line - b.range.start.line);
    for (const t of tasks) {
      const name = t.title ? `${t.id} ${t.title}` : t.id;
      if (!matchesQuery(needle, name)) continue;
      const symbol = { name, containerName: spec.title, uri: spec.uri, range: t.range };
      (name.toLowerCase().includes(needle) ? exact : loose).push(symbol);
      if (exact.length >= limit) return exact;
    }
  }
  return [...exact, ...loose].slice(0, limit);
}
