import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { SpecModel } from '../model';
import type { FixKind } from '../rule';
import { toTextEdits, type Edit } from './edit';
import { fixOf } from './fixData';
import { insertSections, missingKeys } from './insertSection';
import { findSelfDependency, removeDependency } from './removeDependency';
import { findUnknownDependency } from './replaceDependency';
import { regenerateDiagram } from './regenerateDiagram';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.techspec`;

/** The fix kinds fix-all applies: the safe ones, that need no choice. */
export const FIX_ALL_KINDS: ReadonlySet<FixKind> = new Set(['replaceDependency', 'removeDependency', 'insertSection', 'regenerateGraph']);

function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** Edits collected for one action, each batch kept only when it overlaps none taken before. */
class EditBatch {
  readonly edits: Edit[] = [];
  readonly fixed: Diagnostic[] = [];

  add(edits: Edit[], diagnostics: Diagnostic[]): boolean {
    if (edits.some((e) => this.edits.some((o) => overlaps(e, o)))) return false;
    this.edits.push(...edits);
    this.fixed.push(...diagnostics);
    return true;
  }
}

/** Dependencies fixed in the table: task ID → the suggestions it now depends on. */
function fixDependencies(model: SpecModel, all: Diagnostic[], batch: EditBatch): Map<string, string[]> {
  const added = new Map<string, string[]>();
  for (const d of all) {
    const fix = fixOf(d);
    if (fix?.kind === 'replaceDependency') {
      const found = findUnknownDependency(model, d);
      if (!found) continue;
      const { task, ref } = found;
      const already = task.deps.some((o) => o.id === fix.suggestion);
      const edit = already ? removeDependency(task, ref) : { start: ref.span.start, end: ref.span.end, text: fix.suggestion };
      if (batch.add([edit], [d]) && !already) added.set(task.id, [...(added.get(task.id) ?? []), fix.suggestion]);
    } else if (fix?.kind === 'removeDependency') {
      const found = findSelfDependency(model, d);
      if (found && found.ref.id === found.task.id) batch.add([removeDependency(found.task, found.ref)], [d]);
    }
  }
  return added;
}

/**
 * The safe fixes in one edit: unknown dependencies replaced by their suggestion, self-dependencies
 * removed, missing sections inserted, and the dependency diagram regenerated from the table as it will read.
 */
export function fixAllAction(model: SpecModel, uri: string, all: Diagnostic[]): CodeAction | undefined {
  const batch = new EditBatch();
  const added = fixDependencies(model, all, batch);
  const keys = missingKeys(model, all);
  if (keys.length)
    batch.add(
      insertSections(model, keys),
      all.filter((d) => fixOf(d)?.kind === 'insertSection'),
    );
  const diagramDiagnostics = all.filter((d) => fixOf(d)?.kind === 'regenerateGraph');
  if (diagramDiagnostics.length || (model.diagram && added.size)) {
    const edits = regenerateDiagram(model, added);
    if (edits && edits.length) batch.add(edits, diagramDiagnostics);
  }
  if (!batch.edits.length) return undefined;
  return {
    title: 'Fix all safe techspec problems',
    kind: FIX_ALL_KIND,
    diagnostics: batch.fixed,
    edit: { changes: { [uri]: toTextEdits(model, batch.edits) } },
  };
}
