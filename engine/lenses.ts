// Code lenses: the plan at a glance above the Task Breakdown heading, each task row and the Risks
// table. Listing them is cheap; the titles that need the plan are resolved lazily, one by one.
import type { CodeLens, Command, Location, Range } from 'vscode-languageserver-types';
import type { SpecModel } from './model';
import { buildPlan, type Plan } from './plan';
import { isBlankRow, isNoMitigation, riskTables } from './rules/support/risks';

/** Client commands the lenses run (the client converts their protocol arguments). */
export const SHOW_GRAPH_COMMAND = 'techspec.codeLens.showGraph';
export const SHOW_LOCATIONS_COMMAND = 'techspec.codeLens.showLocations';

/** What a lens left to resolve carries, to find its facts again. */
export type LensData = { uri: string; kind: 'summary' } | { uri: string; kind: 'task'; id: string };

/** What resolving needs, computed once per analysis: the plan, each task's wave and dependents. */
export interface LensFacts {
  plan: Plan;
  waveOf: Map<string, number>;
  dependentsOf: Map<string, string[]>;
  idRangeOf: Map<string, Range>;
}

export function lensFacts(model: SpecModel, uri: string, version: number): LensFacts {
  const plan = buildPlan(model, uri, version);
  const waveOf = new Map<string, number>();
  plan.waves.forEach((wave, i) => wave.forEach((id) => waveOf.set(id, i)));
  const dependentsOf = new Map<string, string[]>();
  for (const e of plan.edges) {
    const list = dependentsOf.get(e.from);
    if (!list) dependentsOf.set(e.from, [e.to]);
    else if (!list.includes(e.to)) list.push(e.to);
  }
  const idRangeOf = new Map(plan.tasks.map((t) => [t.id, t.idRange]));
  return { plan, waveOf, dependentsOf, idRangeOf };
}

/** The lenses of a spec: the summary and each task's left to resolve; Show graph and the risks count complete. */
export function codeLenses(model: SpecModel, uri: string): CodeLens[] {
  const lenses: CodeLens[] = [];
  const table = model.taskTable;
  const breakdown = model.sections.find((s) => s.key === 'task-breakdown');
  if (breakdown && table?.tasks.length) {
    const range = breakdown.heading.range;
    lenses.push({ range, data: { uri, kind: 'summary' } satisfies LensData });
    lenses.push({ range, command: { title: 'Show graph', command: SHOW_GRAPH_COMMAND, arguments: [uri] } });
  }
  for (const task of table?.tasks ?? []) {
    if (task.id) lenses.push({ range: task.idCell.span.range, data: { uri, kind: 'task', id: task.id } satisfies LensData });
  }
  lenses.push(...riskLenses(model, uri));
  return lenses;
}

/** Above each Risks table with High-impact risks that have no mitigation: how many, and a click lists them. */
function riskLenses(model: SpecModel, uri: string): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const t of riskTables(model.tables)) {
    if (t.impact === undefined || t.mitigation === undefined) continue;
    const bare = t.table.rows.filter(
      (row) => !isBlankRow(row) && /^high$/i.test(row.cells[t.impact!]?.text.trim() ?? '') && isNoMitigation(row.cells[t.mitigation!]?.text ?? ''),
    );
    if (!bare.length) continue;
    const range = t.table.header.span.range;
    const locations: Location[] = bare.map((row) => ({ uri, range: (row.cells[t.risk] ?? row).span.range }));
    const title = `${bare.length} High-impact risk${bare.length === 1 ? '' : 's'} without mitigation`;
    lenses.push({ range, command: { title, command: SHOW_LOCATIONS_COMMAND, arguments: [uri, range.start, locations] } });
  }
  return lenses;
}

const number = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${number(n)} ${word}${n === 1 ? '' : 's'}`;

/** A path of IDs joined by arrows; a long one keeps its first two and last IDs around an ellipsis. */
export function elidePath(ids: readonly string[], max = 5): string {
  const shown = ids.length <= max ? ids : [ids[0], ids[1], '…', ids[ids.length - 1]];
  return shown.join(' → ');
}

/** `25 tasks · ~4,230 lines · critical path ~1,480 lines (T1 → T2 → … → T25) · 9 waves`. */
export function summaryTitle(plan: Plan): string {
  const parts = [plural(plan.tasks.length, 'task')];
  if (plan.totalLines > 0) parts.push(`~${number(plan.totalLines)} lines`);
  if (plan.cycles.length) parts.push('no critical path (dependency cycle)');
  else if (plan.criticalPath.length) {
    const lines = plan.criticalLines > 0 ? ` ~${number(plan.criticalLines)} lines` : '';
    parts.push(`critical path${lines} (${elidePath(plan.criticalPath)})`);
  }
  parts.push(plural(plan.waves.length, 'wave'));
  return parts.join(' · ');
}

/** The command of a lens from codeLenses: its title from the facts; an empty title when its task is gone. */
export function resolveLensCommand(data: LensData, facts: LensFacts, at: Range): Command {
  if (data.kind === 'summary') return { title: summaryTitle(facts.plan), command: '' };
  const wave = facts.waveOf.get(data.id);
  if (!facts.idRangeOf.has(data.id)) return { title: '', command: '' };
  const where = wave === undefined ? 'in no wave (dependency cycle)' : `wave ${wave + 1}`;
  const dependents = facts.dependentsOf.get(data.id) ?? [];
  if (!dependents.length) return { title: `${where} · needed by none`, command: '' };
  const locations: Location[] = dependents.map((id) => ({ uri: data.uri, range: facts.idRangeOf.get(id)! }));
  return { title: `${where} · needed by ${dependents.length}`, command: SHOW_LOCATIONS_COMMAND, arguments: [data.uri, at.start, locations] };
}

/** Whether `data`, from a client, is a lens's data as codeLenses made it. */
export function isLensData(data: unknown): data is LensData {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return typeof d.uri === 'string' && (d.kind === 'summary' || (d.kind === 'task' && typeof d.id === 'string'));
}
