import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { diffArrays } from 'diff';
import type { DependencyRef, GraphEdge, SpecModel, Task } from './model';
import { dependencyWords, taskColumnOf } from './model';
import type { DiagnosticData, FixData } from './rule';
import { normalizeHeading, STATUS_VALUES, TEMPLATE_SECTIONS, templateSection } from './template';
import { taskGraph } from './taskGraph';
import { levenshtein } from './text';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.techspec`;

/** An edit in offsets, turned into a TextEdit once the edits of an action are final. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

function dataOf(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as DiagnosticData | undefined;
  return data && typeof data === 'object' && typeof data.rule === 'string' ? data : undefined;
}

function fixOf(d: Diagnostic): FixData | undefined {
  const data = dataOf(d);
  // status-missing carries no data: its fix is to add the field.
  return data?.fix ?? (data?.rule === 'status-missing' ? { kind: 'setStatus' } : undefined);
}

/** LSP kind matching: `source` asks for `source.fixAll.techspec`, `quickfix` for `quickfix`. */
function wants(only: string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((k) => k === '' || kind === k || kind.startsWith(k + '.'));
}

function toTextEdits(model: SpecModel, edits: Edit[]): TextEdit[] {
  return [...edits].sort((a, b) => a.start - b.start).map((e) => ({ range: model.lines.range(e.start, e.end), newText: e.text }));
}

function action(model: SpecModel, uri: string, title: string, edits: Edit[], diagnostics: Diagnostic[], isPreferred = false): CodeAction {
  const a: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics, edit: { changes: { [uri]: toTextEdits(model, edits) } } };
  if (isPreferred) a.isPreferred = true;
  return a;
}

/** Line breaks of inserted text follow the document's. */
function withEol(model: SpecModel, s: string): string {
  const eol = model.lines.eol;
  return eol === '\n' ? s : s.replace(/\n/g, eol);
}

export function getCodeActions(model: SpecModel, uri: string, _range: Range, context: Diagnostic[], all: Diagnostic[], only?: string[]): CodeAction[] {
  const out: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const seen = new Set<string>();
    for (const d of context) {
      const fix = fixOf(d);
      if (!fix) continue;
      for (const a of quickFixes(model, uri, d, fix, all)) {
        // Several diagnostics can lead to the same fix (the graph, insert all): offer it once.
        const key = a.title + JSON.stringify(a.edit);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(a);
      }
    }
  }
  if (only && wants(only, FIX_ALL_KIND)) {
    const fixAll = fixAllAction(model, uri, all);
    if (fixAll) out.push(fixAll);
  }
  return out;
}

function quickFixes(model: SpecModel, uri: string, d: Diagnostic, fix: FixData, all: Diagnostic[]): CodeAction[] {
  switch (fix.kind) {
    case 'insertSection': {
      const section = templateSection(fix.sectionKey);
      if (!section || model.sections.some((s) => s.key === section.key)) return [];
      const out = [action(model, uri, `Insert section "## ${section.title}"`, insertSections(model, [section.key]), [d], true)];
      const missing = all.filter((o) => fixOf(o)?.kind === 'insertSection');
      const keys = missingKeys(model, missing);
      if (keys.length > 1) out.push(action(model, uri, `Insert all ${keys.length} missing sections`, insertSections(model, keys), missing));
      return out;
    }
    case 'setStatus':
      return statusFixes(model, uri, d);
    case 'replaceDependency': {
      const found = findDependency(model, d, (t, r) => r.id !== t.id && !taskGraph(model).tasks.has(r.id));
      if (!found) return [];
      const { task, ref } = found;
      const out: CodeAction[] = [];
      if (task.deps.some((o) => o.id === fix.suggestion)) {
        out.push(action(model, uri, `Remove ${ref.id} (${fix.suggestion} is already a dependency)`, [removeDependency(task, ref)], [d], true));
      } else {
        out.push(action(model, uri, `Replace ${ref.id} with ${fix.suggestion}`, [{ start: ref.span.start, end: ref.span.end, text: fix.suggestion }], [d], true));
        out.push(action(model, uri, `Remove ${ref.id} from the dependencies of ${task.id}`, [removeDependency(task, ref)], [d]));
      }
      return out;
    }
    case 'removeDependency': {
      const found = findDependency(model, d, (t, r) => r.id === t.id);
      if (!found) return [];
      return [action(model, uri, `Remove ${found.ref.id} from the dependencies of ${found.task.id}`, [removeDependency(found.task, found.ref)], [d], true)];
    }
    case 'addTaskRow': {
      const edit = addTaskRow(model, fix.taskId);
      return edit ? [action(model, uri, `Add a row for task ${fix.taskId}`, [edit], [d], true)] : [];
    }
    case 'regenerateGraph': {
      const edits = regenerateGraph(model, new Map());
      if (!edits) return [];
      const related = all.filter((o) => fixOf(o)?.kind === 'regenerateGraph');
      return [action(model, uri, model.diagram ? 'Regenerate the Task Dependency Graph from the table' : 'Add a Task Dependency Graph generated from the table', edits, related.length ? related : [d], true)];
    }
  }
}

// ---- sections ----

/** Keys of the sections that the diagnostics say are missing and the model agrees are, in template order. */
function missingKeys(model: SpecModel, diagnostics: Diagnostic[]): string[] {
  const present = new Set(model.sections.map((s) => s.key));
  const wanted = new Set(diagnostics.map((d) => fixOf(d)).flatMap((f) => (f?.kind === 'insertSection' ? [f.sectionKey] : [])));
  return TEMPLATE_SECTIONS.filter((s) => wanted.has(s.key) && !present.has(s.key)).map((s) => s.key);
}

const RULE_LINE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** The text before `offset` ends with a thematic break (`---`), blank lines aside. */
function endsWithRule(text: string, offset: number): boolean {
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  const start = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1)) + 1;
  return RULE_LINE.test(text.slice(start, end));
}

/** What to add so that the text before `offset` ends with a blank line (nothing when only white space is before it). */
function blankLineBefore(text: string, offset: number, eol: string): string {
  let breaks = 0;
  let i = offset;
  for (; i > 0 && /\s/.test(text[i - 1]) && breaks < 2; i--) {
    const c = text[i - 1];
    if (c === '\n' || (c === '\r' && text[i] !== '\n')) breaks++;
  }
  if (breaks >= 2 || text.slice(0, i).trim() === '') return '';
  return breaks === 1 ? eol : eol + eol;
}

/**
 * Inserts the template skeletons of `keys` where the template puts them: after the last present
 * section that comes before in template order, else before the first present one that comes after.
 * Sections that land at the same place share one edit, in template order.
 */
function insertSections(model: SpecModel, keys: string[]): Edit[] {
  const { text } = model;
  const eol = model.lines.eol;
  const order = new Map(TEMPLATE_SECTIONS.map((s, i) => [s.key, i]));
  const present = model.sections.filter((s) => s.key !== undefined);
  const groups = new Map<number, string[]>();
  for (const key of [...keys].sort((a, b) => order.get(a)! - order.get(b)!)) {
    const i = order.get(key)!;
    const before = present.filter((s) => order.get(s.key!)! < i);
    const after = present.filter((s) => order.get(s.key!)! > i);
    let offset: number;
    if (before.length) offset = Math.max(...before.map((s) => s.span.end));
    else if (after.length) offset = Math.min(...after.map((s) => s.heading.start));
    else offset = text.length;
    if (!groups.has(offset)) groups.set(offset, []);
    groups.get(offset)!.push(key);
  }
  // Documents that separate sections with `---` get one between the new sections too.
  const usesRules = model.sections.some((s, i) => i > 0 && endsWithRule(text, s.heading.start));
  const edits: Edit[] = [];
  for (const [offset, group] of groups) {
    const bodies = group.map((k) => withEol(model, templateSection(k)!.skeleton.replace(/\s*(?:\n---\s*)?$/, '')));
    const atEnd = text.slice(offset).trim() === '';
    let insert: string;
    if (atEnd) {
      // Appended: a rule before each new section (unless one is there already), none after the last.
      const empty = text.slice(0, offset).trim() === '';
      const rule = (i: number) => (usesRules && !(i === 0 && (empty || endsWithRule(text, offset))) ? `---${eol}${eol}` : '');
      insert = (empty ? '' : blankLineBefore(text, offset, eol)) + bodies.map((b, i) => rule(i) + b).join(eol + eol) + eol;
    } else {
      const sep = usesRules ? `${eol}${eol}---${eol}${eol}` : eol + eol;
      insert = blankLineBefore(text, offset, eol) + bodies.map((b) => b + sep).join('');
    }
    edits.push({ start: offset, end: offset, text: insert });
  }
  return edits;
}

// ---- status ----

function statusFixes(model: SpecModel, uri: string, d: Diagnostic): CodeAction[] {
  const status = model.header.status;
  if (status) {
    const current = status.value.toLowerCase();
    const closest = STATUS_VALUES.map((v) => ({ v, dist: levenshtein(current, v.toLowerCase()) })).sort((a, b) => a.dist - b.dist)[0];
    // Approved too early (placeholders, open questions) goes back to In Review; a typo to its value.
    let preferred: string = status.value === 'Approved' ? 'In Review' : closest.dist <= Math.floor(closest.v.length / 2) ? closest.v : 'Draft';
    if (preferred === status.value) preferred = '';
    const { start, end } = status.valueSpan;
    const space = status.value === '' && model.text[start - 1] === ':' ? ' ' : '';
    return STATUS_VALUES.filter((v) => v !== status.value).map((v) =>
      action(model, uri, `Set Status to ${v}`, [{ start, end, text: space + v }], [d], v === preferred),
    );
  }
  const eol = model.lines.eol;
  const fields = Object.values(model.header);
  const quoted = fields.length === 0 || fields.some((f) => /^\s*>/.test(model.text.slice(f.lineSpan.start, f.lineSpan.end)));
  const line = (v: string) => `${quoted ? '> ' : ''}**Status**: ${v}`;
  let at: number;
  let make: (v: string) => string;
  if (model.headerAnchor && fields.length) {
    at = model.headerAnchor.start;
    make = (v) => eol + line(v);
  } else if (model.headerAnchor) {
    at = model.headerAnchor.start;
    make = (v) => eol + eol + line(v);
  } else {
    at = 0;
    make = (v) => line(v) + eol + eol;
  }
  return STATUS_VALUES.map((v) => action(model, uri, `Add Status: ${v}`, [{ start: at, end: at, text: make(v) }], [d], v === 'Draft'));
}

// ---- dependencies ----

/** The task row and dependency the diagnostic points at; `pick` chooses when the range is wider than one token. */
function findDependency(model: SpecModel, d: Diagnostic, pick: (t: Task, r: DependencyRef) => boolean): { task: Task; ref: DependencyRef } | undefined {
  const at = model.lines.offsetAt(d.range.start);
  const end = model.lines.offsetAt(d.range.end);
  for (const task of model.taskTable?.tasks ?? []) {
    if (at < task.row.span.start || at > task.row.span.end) continue;
    const exact = task.deps.find((r) => r.span.start === at && r.span.end === end);
    if (exact) return { task, ref: exact };
    const inside = task.deps.find((r) => r.span.start <= at && at < r.span.end);
    if (inside) return { task, ref: inside };
    const chosen = task.deps.find((r) => pick(task, r));
    if (chosen) return { task, ref: chosen };
  }
  return undefined;
}

/** Removes a dependency and one separator next to it; the last one left becomes `None`. */
function removeDependency(task: Task, ref: DependencyRef): Edit {
  const cell = task.depsCell!;
  const words = dependencyWords(cell.raw).map((w) => ({ start: cell.span.start + w.wordStart, end: cell.span.start + w.wordEnd }));
  const i = words.findIndex((w) => w.start <= ref.span.start && ref.span.end <= w.end);
  const w = words[i];
  if (words.length === 1) return { start: w.start, end: w.end, text: 'None' };
  if (i + 1 < words.length) return { start: w.start, end: words[i + 1].start, text: '' };
  return { start: words[i - 1].end, end: w.end, text: '' };
}

// ---- task rows ----

function addTaskRow(model: SpecModel, taskId: string): Edit | undefined {
  const tt = model.taskTable;
  if (!tt || tt.tasks.some((t) => t.id === taskId)) return undefined;
  const { table } = tt;
  const cells = table.header.cells.map((c, i) => {
    if (i === (tt.columns.id ?? 0)) return taskId;
    switch (taskColumnOf(c.text)) {
      case 'lines':
        return '~';
      case 'deps':
        return 'None';
      default:
        return '';
    }
  });
  const lastRow = table.rows.length ? table.rows[table.rows.length - 1].span : table.header.span;
  let line = model.lines.positionAt(lastRow.end).line;
  if (!table.rows.length) line++; // after the delimiter row
  const lastLine = model.lines.lineText(line);
  const piped = /^\s*\|/.test(lastLine);
  const indent = /^\s*/.exec(lastLine)![0];
  const row = piped ? `${indent}| ${cells.join(' | ')} |` : indent + cells.join(' | ');
  const end = model.lines.lineEnd(line);
  return { start: end, end, text: model.lines.eol + row };
}

// ---- graph ----

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
    if (mentioned.has(id) || !labelled) return mentioned.add(id), id;
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
 * Edits that make the graph say what the table says (with `added` dependencies): statements with an
 * edge the table does not state or a node that is no task go, missing edges are added after the last
 * statement; everything else (labels, order, styles, comments) stays. A new block when there is none.
 */
function regenerateGraph(model: SpecModel, added: Map<string, string[]>): Edit[] | undefined {
  const tt = model.taskTable;
  if (!tt) return undefined;
  const eol = model.lines.eol;
  const expected = tableEdges(model, added);
  const graph = model.diagram;
  if (!graph) {
    const block = ['```mermaid', 'graph LR', ...graphStatements(model, expected, new Set(), true).map((s) => '    ' + s), '```'].join(eol);
    const heading = model.headings.find((h) => h.depth > 2 && normalizeHeading(h.title) === 'task dependency graph' && h.heading.start > tt.table.span.start);
    if (heading) return [{ start: heading.heading.end, end: heading.heading.end, text: eol + eol + block }];
    const end = model.lines.lineEnd(model.lines.positionAt(tt.table.span.end).line);
    return [{ start: end, end, text: `${eol}${eol}### Task Dependency Graph${eol}${eol}${block}` }];
  }
  const tasks = taskGraph(model).tasks;
  const wanted = new Set(expected.map(([f, t]) => `${f}>${t}`));
  const groups = new Set(graph.subgraphs);
  const { block } = graph;
  const firstLine = model.lines.positionAt(block.contentStart).line;
  const lastLine = model.lines.positionAt(block.contentStart + block.value.length).line;
  const oldLines: string[] = [];
  for (let l = firstLine; l <= lastLine; l++) oldLines.push(model.lines.lineText(l));
  const headerIndex = Math.max(0, oldLines.findIndex((l) => /^\s*(graph|flowchart)\b/.test(l)));
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

// ---- fix all ----

function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/**
 * The safe fixes in one edit: unknown dependencies replaced by their suggestion, self-dependencies
 * removed, missing sections inserted, and the graph regenerated from the table as it will read.
 */
function fixAllAction(model: SpecModel, uri: string, all: Diagnostic[]): CodeAction | undefined {
  const edits: Edit[] = [];
  const fixed: Diagnostic[] = [];
  const add = (es: Edit[], d: Diagnostic[]) => {
    if (es.some((e) => edits.some((o) => overlaps(e, o)))) return false;
    edits.push(...es);
    fixed.push(...d);
    return true;
  };
  const added = new Map<string, string[]>();
  for (const d of all) {
    const fix = fixOf(d);
    if (fix?.kind === 'replaceDependency') {
      const found = findDependency(model, d, (t, r) => r.id !== t.id && !taskGraph(model).tasks.has(r.id));
      if (!found) continue;
      const { task, ref } = found;
      const already = task.deps.some((o) => o.id === fix.suggestion);
      const edit = already ? removeDependency(task, ref) : { start: ref.span.start, end: ref.span.end, text: fix.suggestion };
      if (add([edit], [d]) && !already) added.set(task.id, [...(added.get(task.id) ?? []), fix.suggestion]);
    } else if (fix?.kind === 'removeDependency') {
      const found = findDependency(model, d, (t, r) => r.id === t.id);
      if (found && found.ref.id === found.task.id) add([removeDependency(found.task, found.ref)], [d]);
    }
  }
  const keys = missingKeys(model, all);
  if (keys.length) add(insertSections(model, keys), all.filter((d) => fixOf(d)?.kind === 'insertSection'));
  const graphDiagnostics = all.filter((d) => fixOf(d)?.kind === 'regenerateGraph');
  if (graphDiagnostics.length || (model.diagram && added.size)) {
    const es = regenerateGraph(model, added);
    if (es && es.length) add(es, graphDiagnostics);
  }
  if (!edits.length) return undefined;
  return { title: 'Fix all safe techspec problems', kind: FIX_ALL_KIND, diagnostics: fixed, edit: { changes: { [uri]: toTextEdits(model, edits) } } };
}
