// Task IDs as identifiers: go to the task's row, find every place an ID is written, highlight them,
// and rename a task everywhere at once (its ID cell, the Dependencies cells, the mermaid graph's
// nodes and the labels that start with the ID).
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { SpecModel, Task } from './model';
import { isMermaidNodeId } from './model';
import type { EngineSettings } from './settings';
import { taskIdRegExp } from './rules/support/tasks';

/** Where a task ID is written. `exact`: the span is the ID alone (false for an ID cell that writes it with escapes). */
export interface TaskIdOccurrence {
  id: string;
  start: number;
  end: number;
  kind: 'definition' | 'dependency' | 'diagram';
  exact: boolean;
}

/** The ID of a task in its ID cell: the ID itself when the cell writes it as is (`T1`, `**T1**`), else the whole cell. */
function definitionOf(task: Task): TaskIdOccurrence {
  const { span, raw } = task.idCell;
  const at = task.id ? raw.indexOf(task.id) : -1;
  return at < 0
    ? { id: task.id, start: span.start, end: span.end, kind: 'definition', exact: false }
    : { id: task.id, start: span.start + at, end: span.start + at + task.id.length, kind: 'definition', exact: true };
}

/** The task ID under the cursor: an ID cell, a dependency, or a node of the dependency graph. */
export function taskRefAt(model: SpecModel, position: Position): TaskIdOccurrence | undefined {
  const offset = model.lines.offsetAt(position);
  const hit = (span: { start: number; end: number }) => span.start <= offset && offset <= span.end;
  for (const t of model.taskTable?.tasks ?? []) {
    if (offset < t.row.span.start || offset > t.row.span.end) continue;
    if (hit(t.idCell.span)) return t.id ? definitionOf(t) : undefined;
    const dep = t.deps.find((d) => hit(d.span));
    return dep && { id: dep.id, start: dep.span.start, end: dep.span.end, kind: 'dependency', exact: true };
  }
  const node = model.diagram?.nodes.find((n) => hit(n.span));
  return node && { id: node.id, start: node.span.start, end: node.span.end, kind: 'diagram', exact: true };
}

/** Every place `id` is written, in document order within each kind: ID cells, dependencies, graph nodes. */
export function occurrencesOf(model: SpecModel, id: string): TaskIdOccurrence[] {
  const found: TaskIdOccurrence[] = [];
  const tasks = model.taskTable?.tasks ?? [];
  for (const t of tasks) if (t.id === id) found.push(definitionOf(t));
  for (const t of tasks) {
    for (const d of t.deps) if (d.id === id) found.push({ id, start: d.span.start, end: d.span.end, kind: 'dependency', exact: true });
  }
  for (const n of model.diagram?.nodes ?? []) {
    if (n.id === id) found.push({ id, start: n.span.start, end: n.span.end, kind: 'diagram', exact: true });
  }
  return found;
}

function rangeOf(model: SpecModel, o: TaskIdOccurrence): Range {
  return model.lines.range(o.start, o.end);
}

/** The ID cell of the task named under the cursor (two for a duplicated ID); none for an ID no task has. */
export function getDefinition(model: SpecModel, uri: string, position: Position): Location[] {
  const ref = taskRefAt(model, position);
  if (!ref) return [];
  return occurrencesOf(model, ref.id)
    .filter((o) => o.kind === 'definition')
    .map((o) => ({ uri, range: rangeOf(model, o) }));
}

export function getReferences(model: SpecModel, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const ref = taskRefAt(model, position);
  if (!ref) return [];
  return occurrencesOf(model, ref.id)
    .filter((o) => includeDeclaration || o.kind !== 'definition')
    .map((o) => ({ uri, range: rangeOf(model, o) }));
}

/** The ID cell as the place the task is written (Write), its uses as reads. */
export function getDocumentHighlights(model: SpecModel, position: Position): DocumentHighlight[] {
  const ref = taskRefAt(model, position);
  if (!ref) return [];
  return occurrencesOf(model, ref.id).map((o) => ({
    range: rangeOf(model, o),
    kind: o.kind === 'definition' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

/** What a rename request gets: the result, or why the rename cannot be done (shown to the user). */
export type RenameOutcome<T> = { ok: T } | { refusal: string };

const NOT_AN_ID = 'Rename works on a task ID: in its ID cell, in a Dependencies cell or in the Task Dependency Graph.';

/** The ID under the cursor and its range, for the rename box; refused where no task ID is. */
export function prepareRename(model: SpecModel, position: Position): RenameOutcome<{ range: Range; placeholder: string }> {
  const ref = taskRefAt(model, position);
  if (!ref) return { refusal: NOT_AN_ID };
  const inexact = occurrencesOf(model, ref.id).find((o) => !o.exact);
  if (inexact) return { refusal: escapedCell(ref.id, model, inexact) };
  return { ok: { range: rangeOf(model, ref), placeholder: ref.id } };
}

function escapedCell(id: string, model: SpecModel, o: TaskIdOccurrence): string {
  return `${id} is written with markdown escapes or markup in its ID cell on line ${model.lines.positionAt(o.start).line + 1}: write it plainly there first.`;
}

/**
 * Renames the task ID under the cursor in every place it is written. Refused, with the reason, when
 * the new ID is not one word, does not match techspec.taskIdPattern, is already another task's, or
 * cannot be a mermaid node while the graph draws the task.
 */
export function rename(model: SpecModel, uri: string, position: Position, newName: string, settings: EngineSettings): RenameOutcome<WorkspaceEdit> {
  const ref = taskRefAt(model, position);
  if (!ref) return { refusal: NOT_AN_ID };
  const name = newName.trim();
  if (!name) return { refusal: 'A task ID cannot be empty.' };
  if (/[\s|,;`*\\]/.test(name))
    return { refusal: `"${name}" is not one word: a task ID has no spaces, commas, semicolons, pipes, backticks, asterisks or backslashes.` };
  const pattern = taskIdRegExp(settings, model.schema);
  const from = settings.taskIdPattern === undefined ? "the template's task ID pattern" : 'techspec.taskIdPattern';
  if (!pattern.test(name)) return { refusal: `${name} does not match ${from} (${pattern.source}).` };
  const occurrences = occurrencesOf(model, ref.id);
  if (name !== ref.id && (model.taskTable?.tasks ?? []).some((t) => t.id === name)) {
    return { refusal: `${name} is already a task: renaming ${ref.id} to it would merge the two.` };
  }
  if (occurrences.some((o) => o.kind === 'diagram') && !isMermaidNodeId(name)) {
    return { refusal: `${name} cannot be a node of the mermaid graph, which draws ${ref.id}: use letters, digits, _ and inner hyphens only.` };
  }
  const inexact = occurrences.find((o) => !o.exact);
  if (inexact) return { refusal: escapedCell(ref.id, model, inexact) };
  if (name === ref.id) return { ok: { changes: { [uri]: [] } } };
  const edits = [];
  for (const o of occurrences) {
    edits.push({ range: rangeOf(model, o), newText: name });
    const label = o.kind === 'diagram' ? labelIdAt(model.text, o.end, ref.id) : undefined;
    if (label !== undefined) edits.push({ range: model.lines.range(label, label + ref.id.length), newText: name });
  }
  return { ok: { changes: { [uri]: edits } } };
}

/** Where a graph node's label starts with the node's ID (`T4[T4: API]`, `T4(["T4 API"])`), as the regenerated graph writes it. */
function labelIdAt(text: string, nodeEnd: number, id: string): number | undefined {
  let at = nodeEnd;
  while (at < nodeEnd + 3 && '[({>"'.includes(text[at] ?? '')) at++;
  if (at === nodeEnd || !text.startsWith(id, at) || /\w/.test(text[at + id.length] ?? '')) return undefined;
  return at;
}
