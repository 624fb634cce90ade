import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { SpecModel } from '../model';
import type { FixKind } from '../rule';
import { toTextEdits, type Edit } from './edit';
import { fixOf } from './fixData';
import { insertSections, missingKeys } from './insertSection';
import { findSelfDependency, removeDependency } from './removeDependency';
import { findUnknownDependency } from './replaceDependency';
import { regenerateDiagram } from './regenerateDiagram';
import { verifyEdits, type Reanalyze, type Verified } from './verify';
import { diffLines } from 'diff';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.techspec`;

/** The fix kinds fix-all applies: the safe ones, that need no choice. */
export const FIX_ALL_KINDS: ReadonlySet<FixKind> = new Set(['replaceDependency', 'removeDependency', 'insertSection', 'regenerateGraph']);

function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** One fix of fix-all: its edits, the findings it removes, and the dependency it adds (for the diagram). */
interface Unit {
  edits: Edit[];
  fixed: Diagnostic[];
  adds?: { task: string; dep: string };
}

/** Units in order, each kept only when it overlaps none taken before. */
function disjoint(units: Unit[]): Unit[] {
  const taken: Unit[] = [];
  for (const u of units) if (!u.edits.some((e) => taken.some((t) => t.edits.some((o) => overlaps(e, o))))) taken.push(u);
  return taken;
}

/** The table fixes: unknown dependencies replaced by their suggestion, self-dependencies removed. */
function dependencyUnits(model: SpecModel, all: Diagnostic[]): Unit[] {
  const out: Unit[] = [];
  for (const d of all) {
    const fix = fixOf(d);
    if (fix?.kind === 'replaceDependency') {
      const found = findUnknownDependency(model, d);
      if (!found) continue;
      const { task, ref } = found;
      const already = task.deps.some((o) => o.id === fix.suggestion);
      if (already) out.push({ edits: [removeDependency(task, ref)], fixed: [d] });
      else out.push({ edits: [{ start: ref.span.start, end: ref.span.end, text: fix.suggestion }], fixed: [d], adds: { task: task.id, dep: fix.suggestion } });
    } else if (fix?.kind === 'removeDependency') {
      const found = findSelfDependency(model, d);
      if (found && found.ref.id === found.task.id) out.push({ edits: [removeDependency(found.task, found.ref)], fixed: [d] });
    }
  }
  return out;
}

/** The diagram regenerated from the table as it reads once `units` are applied. */
function diagramUnit(model: SpecModel, all: Diagnostic[], units: Unit[]): Unit | undefined {
  const added = new Map<string, string[]>();
  for (const u of units) if (u.adds) added.set(u.adds.task, [...(added.get(u.adds.task) ?? []), u.adds.dep]);
  const fixed = all.filter((d) => fixOf(d)?.kind === 'regenerateGraph');
  if (!fixed.length && !(model.diagram && added.size)) return undefined;
  const edits = regenerateDiagram(model, added);
  return edits?.length ? { edits, fixed } : undefined;
}

/** Candidates whose combination `verifyEdits` accepts tried one by one: more than this and the rest wait. */
const MAX_TRIED = 12;

/**
 * One round of fix-all on `model`: the safe fixes that, applied together, remove what they target and
 * add no error (no cycle among them). When all of them together fail, each is kept only if it passes
 * together with those kept before it.
 */
function fixRound(model: SpecModel, all: Diagnostic[], reanalyze: Reanalyze): { edits: Edit[]; fixed: Diagnostic[]; after: Verified } | undefined {
  const base = disjoint([...dependencyUnits(model, all), ...sectionUnits(model, all)]);
  const tryUnits = (units: Unit[]) => {
    const diagram = diagramUnit(model, all, units);
    const full = diagram ? disjoint([...units, diagram]) : units;
    const edits = full.flatMap((u) => u.edits);
    const after = verifyEdits(
      model,
      all,
      edits,
      full.flatMap((u) => u.fixed),
      reanalyze,
    );
    return after && { edits, fixed: full.flatMap((u) => u.fixed), after };
  };
  const together = tryUnits(base);
  if (together || !base.length) return together;
  let kept: Unit[] = [];
  let best = tryUnits([]);
  for (const u of base.slice(0, MAX_TRIED)) {
    const result = tryUnits([...kept, u]);
    if (result) {
      kept = [...kept, u];
      best = result;
    }
  }
  return best;
}

function sectionUnits(model: SpecModel, all: Diagnostic[]): Unit[] {
  const keys = missingKeys(model, all);
  return keys.length ? [{ edits: insertSections(model, keys), fixed: all.filter((d) => fixOf(d)?.kind === 'insertSection') }] : [];
}

/** Rounds of fix-all before giving up on reaching a text it leaves alone. */
const MAX_ROUNDS = 4;

/** The edits that turn `from` into `to`, line by line. */
function diffEdits(from: string, to: string): Edit[] {
  const edits: Edit[] = [];
  let at = 0;
  for (const part of diffLines(from, to)) {
    if (part.added) {
      const last = edits[edits.length - 1];
      if (last && last.end === at) last.text += part.value;
      else edits.push({ start: at, end: at, text: part.value });
    } else if (part.removed) {
      edits.push({ start: at, end: at + part.value.length, text: '' });
      at += part.value.length;
    } else at += part.value.length;
  }
  return edits;
}

/**
 * The safe fixes in one edit: unknown dependencies replaced by their suggestion, self-dependencies
 * removed, missing sections inserted, and the dependency diagram regenerated from the table as it will
 * read. Each round is verified; rounds repeat until one finds nothing, so a second fix-all edits nothing.
 */
export function fixAllAction(model: SpecModel, uri: string, all: Diagnostic[], reanalyze: Reanalyze): CodeAction | undefined {
  const first = fixRound(model, all, reanalyze);
  if (!first) return undefined;
  let edits = first.edits;
  let now = first.after;
  for (let round = 1; ; round++) {
    const next = fixRound(now.model, now.diagnostics, reanalyze);
    if (!next) break;
    // Still fixing after MAX_ROUNDS: a fix-all that would edit again is not offered.
    if (round === MAX_ROUNDS) return undefined;
    now = next.after;
    edits = [];
  }
  if (!edits.length) edits = diffEdits(model.text, now.text);
  return {
    title: 'Fix all safe techspec problems',
    kind: FIX_ALL_KIND,
    diagnostics: first.fixed,
    edit: { changes: { [uri]: toTextEdits(model, edits) } },
  };
}
