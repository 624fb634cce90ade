import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { diffArrays } from 'diff';
import type { DependencyDiagram, GraphEdge, SpecModel, Task, TaskTable } from '../model';
import { isMermaidNodeId } from '../model';
import { normalizeHeading } from '../template';
import { graphHeading } from '../template/lookup';
import { taskGraph } from '../taskGraph';
import { action, type Edit } from './edit';
import { fixOf } from './fixData';

/** Regenerate the dependency diagram from the table, for every diagnostic this fix answers. */
export function regenerateDiagramFixes(model: SpecModel, uri: string, d: Diagnostic, all: Diagnostic[]): CodeAction[] {
  const edits = regenerateDiagram(model, new Map());
  if (!edits) return [];
  const related = all.filter((o) => fixOf(o)?.kind === 'regenerateGraph');
  const title = model.diagram ? 'Regenerate the Task Dependency Graph from the table' : 'Add a Task Dependency Graph generated from the table';
  return [action(model, uri, title, edits, related.length ? related : [d], true)];
}

function nodeLabel(task: Task): string {
  let title = task.title.replace(/\s+/g, ' ').trim();
  if (title.length > 32) {
    const cut = title.slice(0, 32);
    title = (cut.includes(' ') ? cut.slice(0, cut.lastIndexOf(' ')) : cut) + '…';
  }
  if (!title) return task.id;
  const label = `${task.id}: ${title}`;
  return /["[\](){}<>|;#&`]/.test(label) ? `${task.id}["${label.replace(/"/g, '#quot;')}"]` : `${task.id}[${label}]`;
}

/** The edges the table states (plus `added` dependencies, ID → IDs), as [from, to] in table order. */
function tableEdges(model: SpecModel, added: Map<string, string[]>): [string, string][] {
  const g = taskGraph(model);
  const out: [string, string][] = [];
  for (const id of g.tasks.keys()) {
    const deps = [...g.deps.get(id)!];
    for (const d of added.get(id) ?? []) if (d !== id && g.tasks.has(d) && !deps.includes(d)) deps.push(d);
    for (const d of deps) out.push([d, id]);
  }
  return out;
}

/**
 * Statements for `edges` (one `A --> B` each) and for tasks with no edge at all (a bare node),
 * skipping what `mentioned` already has; with `labelled`, a node gets `T1[T1: title]` where first mentioned.
 */
function graphStatements(model: SpecModel, edges: [string, string][], mentioned: Set<string>, labelled: boolean): string[] {
  const g = taskGraph(model);
  const ref = (id: string) => {
    if (mentioned.has(id) || !labelled) return (mentioned.add(id), id);
    mentioned.add(id);
    return nodeLabel(g.tasks.get(id)!);
  };
  const byTarget = new Map<string, string[]>();
  for (const [from, to] of edges) {
    if (!byTarget.has(to)) byTarget.set(to, []);
    byTarget.get(to)!.push(from);
  }
  const sources = new Set(edges.map(([f]) => f));
  const out: string[] = [];
  for (const id of g.tasks.keys()) {
    const from = byTarget.get(id) ?? [];
    if (!from.length && !mentioned.has(id) && !sources.has(id)) out.push(ref(id));
    for (const f of from) {
      const left = ref(f);
      out.push(`${left} --> ${ref(id)}`);
    }
  }
  return out;
}

/**
 * Edits that make the dependency diagram say what the table says (with `added` dependencies, ID → IDs):
 * statements with an edge the table does not state or a node that is no task go, missing edges are
 * added after the last statement; everything else (labels, order, styles, comments) stays. A new
 * block when there is none.
 */
export function regenerateDiagram(model: SpecModel, added: Map<string, string[]>): Edit[] | undefined {
  const tt = model.taskTable;
  if (!tt) return undefined;
  // A task ID that is no node ID (`T.1`) cannot be drawn so that it reads back as that task: no fix.
  if ([...taskGraph(model).tasks.keys()].some((id) => !isMermaidNodeId(id))) return undefined;
  const expected = tableEdges(model, added);
  return model.diagram ? updateDiagram(model, model.diagram, expected) : [newDiagram(model, tt, expected)];
}

/** A mermaid block of `expected`, under the "Task Dependency Graph" heading after the table, or with one. */
function newDiagram(model: SpecModel, tt: TaskTable, expected: [string, string][]): Edit {
  const eol = model.lines.eol;
  const block = ['```mermaid', 'graph LR', ...graphStatements(model, expected, new Set(), true).map((s) => '    ' + s), '```'].join(eol);
  const title = graphHeading(model.schema);
  const heading = model.headings.find((h) => h.depth > 2 && normalizeHeading(h.title) === normalizeHeading(title) && h.heading.start > tt.table.span.start);
  if (heading) return { start: heading.heading.end, end: heading.heading.end, text: eol + eol + block };
  const end = model.lines.lineEnd(model.lines.positionAt(tt.table.span.end).line);
  return { start: end, end, text: `${eol}${eol}### ${title}${eol}${eol}${block}` };
}

/** Line edits that drop stale statements of the diagram and add the missing edges. */
function updateDiagram(model: SpecModel, graph: DependencyDiagram, expected: [string, string][]): Edit[] {
  const tasks = taskGraph(model).tasks;
  const wanted = new Set(expected.map(([f, t]) => `${f}>${t}`));
  const groups = new Set(graph.subgraphs);
  const { block } = graph;
  const firstLine = model.lines.positionAt(block.contentStart).line;
  const lastLine = model.lines.positionAt(block.contentStart + block.value.length).line;
  const oldLines: string[] = [];
  for (let l = firstLine; l <= lastLine; l++) oldLines.push(model.lines.lineText(l));
  const headerIndex = Math.max(
    0,
    oldLines.findIndex((l) => /^\s*(graph|flowchart)\b/.test(l)),
  );
  const labelled = graph.nodes.some((n) => /[[({>]/.test(model.text[n.span.end] ?? ''));
  const kept: string[] = oldLines.slice(0, headerIndex + 1);
  const keptIndex = new Set<number>();
  const mentioned = new Set<string>();
  let insertAt = kept.length;
  let indent = '';
  // Nodes and edges by the block line they start on.
  const byLine = <T extends { span: { range: Range } }>(xs: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of xs) {
      const i = x.span.range.start.line - firstLine;
      if (!m.has(i)) m.set(i, []);
      m.get(i)!.push(x);
    }
    return m;
  };
  const nodesByLine = byLine(graph.nodes);
  const edgesByLine = byLine(graph.edges);
  for (let i = headerIndex + 1; i < oldLines.length; i++) {
    const nodes = nodesByLine.get(i) ?? [];
    const edges = edgesByLine.get(i) ?? [];
    const isTaskEdge = (e: GraphEdge) => tasks.has(e.from.id) && tasks.has(e.to.id);
    const stale = nodes.some((n) => !tasks.has(n.id) && !groups.has(n.id)) || edges.some((e) => isTaskEdge(e) && !wanted.has(`${e.from.id}>${e.to.id}`));
    if (stale) continue;
    kept.push(oldLines[i]);
    keptIndex.add(i);
    if (nodes.length) {
      insertAt = kept.length;
      indent ||= /^\s*/.exec(oldLines[i])![0];
      for (const n of nodes) mentioned.add(n.id);
    }
  }
  const drawn = new Set<string>();
  for (const e of graph.edges) if (keptIndex.has(e.span.range.start.line - firstLine)) drawn.add(`${e.from.id}>${e.to.id}`);
  const missing = expected.filter(([f, t]) => !drawn.has(`${f}>${t}`));
  const statements = graphStatements(model, missing, mentioned, labelled).map((s) => (indent || '    ') + s);
  const newLines = [...kept.slice(0, insertAt), ...statements, ...kept.slice(insertAt)];
  return lineEdits(model, firstLine, oldLines, newLines);
}

/** The smallest line edits from `oldLines` (starting at document line `firstLine`) to `newLines`. */
function lineEdits(model: SpecModel, firstLine: number, oldLines: string[], newLines: string[]): Edit[] {
  const eol = model.lines.eol;
  const start = (i: number) => model.lines.lineStarts[firstLine + i];
  const end = (i: number) => model.lines.lineEnd(firstLine + i);
  const edits: Edit[] = [];
  let i = 0;
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    if (removed.length && added.length) edits.push({ start: start(i - removed.length), end: end(i - 1), text: added.join(eol) });
    else if (removed.length) {
      const first = i - removed.length;
      // Take a line break with the deleted lines: the one after them, or before them at the end.
      if (i < oldLines.length) edits.push({ start: start(first), end: start(i), text: '' });
      else edits.push({ start: end(first - 1), end: end(i - 1), text: '' });
    } else if (added.length) {
      if (i < oldLines.length) edits.push({ start: start(i), end: start(i), text: added.map((l) => l + eol).join('') });
      else edits.push({ start: end(i - 1), end: end(i - 1), text: added.map((l) => eol + l).join('') });
    }
    removed = [];
    added = [];
  };
  for (const change of diffArrays(oldLines, newLines)) {
    if (change.removed) {
      removed.push(...change.value);
      i += change.value.length;
    } else if (change.added) added.push(...change.value);
    else {
      flush();
      i += change.value.length;
    }
  }
  flush();
  return edits;
}
