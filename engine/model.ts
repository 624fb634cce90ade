import type { Range } from 'vscode-languageserver-types';
import type { Code, Heading, Html, ListItem, Nodes, Root, RootContent, Table as MdTable, TableRow as MdTableRow, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { detach, LineIndex } from './text';
import { parseMarkdown } from './parse';
import { fixedSpans, type ModelMemo, type MovablePart } from './modelMemo';
import { templateSectionFor, TEMPLATE_PLACEHOLDERS } from './template';

/** A span of the document: offsets for slicing, a range for the protocol. */
export interface Span {
  readonly start: number;
  readonly end: number;
  /** A new object on every read: callers may keep or change it. */
  readonly range: Range;
  /** The text in the span, in the text last modelled. */
  readonly source: string;
}

export interface HeaderField {
  key: 'status' | 'author' | 'prdLink' | 'lastUpdated';
  label: string;
  /** The value as written, trimmed. */
  value: string;
  valueSpan: Span;
  lineSpan: Span;
  /** Whether the value holds a link (inline, reference or autolink with a destination). */
  linked: boolean;
}

export interface Section {
  title: string;
  depth: number;
  /** The template section this heading counts as, if any. */
  key?: string;
  heading: Span;
  /** From the heading to the start of the next heading of the same or a higher level. */
  span: Span;
}

export interface Cell {
  /** Source text of the cell, trimmed, escapes kept. */
  readonly raw: string;
  /** The cell's text content, markup and escapes resolved. */
  readonly text: string;
  readonly span: Span;
}

/** A table has thousands of cells: each reads its source from the text, and keeps its content only when that differs. */
class TableCell implements Cell {
  constructor(
    readonly span: Span,
    private readonly content: string | undefined,
  ) {}

  get raw(): string {
    return this.span.source;
  }

  get text(): string {
    return this.content ?? this.span.source;
  }

  toJSON(): { raw: string; text: string; span: Span } {
    return { raw: this.raw, text: this.text, span: this.span };
  }
}

export interface TableRow {
  cells: Cell[];
  span: Span;
}

export interface Table {
  header: TableRow;
  rows: TableRow[];
  span: Span;
  /** Key of the level-2 template section the table is in. */
  sectionKey?: string;
  /** Title of the nearest heading above the table. */
  headingTitle?: string;
}

export interface DependencyRef {
  id: string;
  span: Span;
}

export interface Task {
  id: string;
  idCell: Cell;
  title: string;
  titleCell?: Cell;
  estLines?: number;
  estCell?: Cell;
  /** Task IDs listed in the Dependencies cell (not `None`). */
  deps: DependencyRef[];
  /** Words in the Dependencies cell that mean "none" (`None`, `-`, `n/a`). */
  noneMarkers: DependencyRef[];
  depsCell?: Cell;
  jira?: Cell;
  row: TableRow;
}

export type TaskColumn = 'id' | 'task' | 'lines' | 'deps' | 'jira';

export interface TaskTable {
  table: Table;
  /** Column index of each recognized column. */
  columns: Partial<Record<TaskColumn, number>>;
  tasks: Task[];
}

export interface GraphNodeRef {
  id: string;
  span: Span;
}

export interface GraphEdge {
  from: GraphNodeRef;
  to: GraphNodeRef;
  span: Span;
}

export interface DependencyDiagram {
  block: CodeBlock;
  nodes: GraphNodeRef[];
  edges: GraphEdge[];
  /** IDs of `subgraph` blocks: edges may name them, but they are groups, not nodes. */
  subgraphs: string[];
}

export interface CodeBlock {
  lang?: string;
  value: string;
  span: Span;
  /** Offset of the first character of the code (after the opening fence line). */
  contentStart: number;
  sectionKey?: string;
}

export interface Endpoint {
  heading: Span;
  /** The heading's text, inline code marks removed. */
  text: string;
  method?: string;
  path?: string;
  /** Heading to the next heading of the same or a higher level. */
  span: Span;
}

export interface Placeholder {
  text: string;
  span: Span;
}

export interface Checkbox {
  checked: boolean;
  text: string;
  span: Span;
  sectionKey?: string;
}

export interface DisableDirective {
  /** Line (0-based) the directive silences. */
  line: number;
  /** Codes or names; empty means every rule. */
  rules: string[];
}

export interface SpecModel {
  text: string;
  lines: LineIndex;
  frontMatter: Record<string, string>;
  title?: { text: string; span: Span };
  header: Partial<Record<HeaderField['key'], HeaderField>>;
  /** Where header fields are, or would go: the end of the title's block. */
  headerAnchor?: Span;
  /** Level-2 sections in document order. */
  sections: Section[];
  /** Every heading, in order. */
  headings: Section[];
  tables: Table[];
  taskTable?: TaskTable;
  /** The mermaid flowchart under Task Breakdown that draws the task dependencies. */
  diagram?: DependencyDiagram;
  codeBlocks: CodeBlock[];
  endpoints: Endpoint[];
  placeholders: Placeholder[];
  checkboxes: Checkbox[];
  directives: DisableDirective[];
}

const HEADER_LABELS: Record<string, HeaderField['key']> = {
  status: 'status',
  author: 'author',
  authors: 'author',
  owner: 'author',
  'prd link': 'prdLink',
  prd: 'prdLink',
  'last updated': 'lastUpdated',
  updated: 'lastUpdated',
};

/**
 * The model of a spec. With a memo (one per document), parts built from mdast nodes the incremental
 * parser reused are reused too, moved to where their node now is.
 */
export function buildModel(text: string, root: Root = parseMarkdown(text), memo?: ModelMemo): SpecModel {
  const lines = memo ? memo.lines(text) : new LineIndex(text);
  const span = memo ? (start: number, end: number): Span => memo.span(start, end) : fixedSpans(lines);
  const nodeSpan = (n: Nodes): Span => span(n.position!.start.offset!, n.position!.end.offset!);

  const model: SpecModel = {
    text,
    lines,
    frontMatter: {},
    header: {},
    sections: [],
    headings: [],
    tables: [],
    codeBlocks: [],
    endpoints: [],
    placeholders: [],
    checkboxes: [],
    directives: [],
  };

  // Headings first: every other element is placed in the section that contains it.
  const topHeadings = root.children.filter((n): n is Heading => n.type === 'heading');
  if (memo) for (const h of topHeadings) memo.settle(h);
  // The same heading nodes as the last build: what a kept block holds is in the same sections still.
  const sameHeadings = !!memo && sameItems(memo.headings as Heading[] | undefined, topHeadings);
  if (memo) memo.headings = topHeadings;
  // The next heading of the same or a higher level, for each heading (a stack, not a scan per heading).
  const nextOf: (Heading | undefined)[] = new Array(topHeadings.length);
  for (let i = topHeadings.length - 1, stack: Heading[] = []; i >= 0; i--) {
    while (stack.length && stack[stack.length - 1].depth > topHeadings[i].depth) stack.pop();
    nextOf[i] = stack[stack.length - 1];
    stack.push(topHeadings[i]);
  }
  for (let i = 0; i < topHeadings.length; i++) {
    const h = topHeadings[i];
    const next = nextOf[i];
    const start = h.position!.start.offset!;
    const end = next ? next.position!.start.offset! : text.length;
    const title = headingTitle(h);
    const section: Section = { title, depth: h.depth, heading: nodeSpan(h), span: span(start, end) };
    if (h.depth === 2) section.key = templateSectionFor(title)?.key;
    model.headings.push(section);
    if (h.depth === 2) model.sections.push(section);
    if (h.depth === 1 && !model.title) model.title = { text: title, span: nodeSpan(h) };
  }
  // The last of `list` (in document order) starting at or before `offset`: a binary search.
  const lastAtOrBefore = (list: Section[], start: (s: Section) => number, offset: number): Section | undefined => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (start(list[mid]) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo ? list[lo - 1] : undefined;
  };
  const sectionAt = (offset: number): Section | undefined => {
    const found = lastAtOrBefore(model.sections, (s) => s.span.start, offset);
    return found && offset < found.span.end ? found : undefined;
  };
  const headingAbove = (offset: number): Section | undefined => lastAtOrBefore(model.headings, (h) => h.heading.start, offset);


  readHeader(model, root, span, memo);

  const visit = (node: Nodes) => {
    switch (node.type) {
      case 'yaml':
        model.frontMatter = readFrontMatter((node as Yaml).value);
        return;
      case 'table': {
        memo?.settle(node);
        const t = node as MdTable;
        const start = t.position!.start.offset!;
        const sectionKey = sectionAt(start)?.key;
        const header = visitRow(t.children[0]).row;
        // Rows of a table in Task Breakdown are read as tasks too, in the same pass and part.
        const columns = sectionKey === 'task-breakdown' ? taskColumns(header) : undefined;
        const { rows, tasks } = memo && !memo.building && !memo.kept(t) ? bigTableRows(memo, t, columns) : rowsAndTasks(t.children.slice(1).map((row) => visitRow(row, columns)));
        const table: Table = { header, rows, span: nodeSpan(t), sectionKey, headingTitle: headingAbove(start)?.title };
        if (columns) tasksOf.set(table, { columns, tasks });
        model.tables.push(table);
        return;
      }
      case 'code': {
        const c = node as Code;
        const s = nodeSpan(c);
        const firstBreak = text.indexOf('\n', s.start);
        const contentStart = firstBreak < 0 || firstBreak >= s.end ? s.end : firstBreak + 1;
        const block: CodeBlock = { lang: c.lang ?? undefined, value: c.value, span: s, contentStart, sectionKey: sectionAt(s.start)?.key };
        memo?.offset(block, 'contentStart');
        model.codeBlocks.push(block);
        findPlaceholders(model, text.slice(contentStart, s.end), contentStart, span, true);
        return;
      }
      case 'text':
        // remark-gfm's autolink literals can leave text nodes without a position: nothing to place.
        if (node.position) findPlaceholders(model, text.slice(node.position.start.offset!, node.position.end.offset!), node.position.start.offset!, span, false);
        return;
      case 'html':
        readDirective(model, node as Html, memo);
        return;
      case 'listItem': {
        const li = node as ListItem;
        if (typeof li.checked === 'boolean') {
          model.checkboxes.push({ checked: li.checked, text: toString(li).trim(), span: nodeSpan(li), sectionKey: sectionAt(li.position!.start.offset!)?.key });
        }
        break;
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  // Tasks read with their rows, per table of the Task Breakdown section visited in this build.
  const tasksOf = new Map<Table, { columns: TaskColumns; tasks: Task[] }>();
  // A table row, its task when `columns` are given, and what its cells add (placeholders,
  // directives): one part, reused from the memo when it can be.
  const visitRow = (row: MdTableRow, columns?: TaskColumns): RowPart => {
    const build = (): RowPart => {
      memo?.settle(row);
      const placeholdersBefore = model.placeholders.length;
      const directivesBefore = model.directives.length;
      const r = readRow(row, text, span, nodeSpan);
      for (const cell of row.children) cell.children.forEach(visit);
      const task = columns && readTask(r, columns.at, span);
      return { row: r, task, placeholders: addedSince(model.placeholders, placeholdersBefore), directives: addedSince(model.directives, directivesBefore) };
    };
    if (!memo) return build();
    const value = memo.part(row, columns ? columns.key : 'row', row.position!.start.offset!, row.position!.start.line - 1, build);
    if (!memo.fresh) {
      if (value.placeholders) for (const p of value.placeholders) model.placeholders.push(p);
      if (value.directives) for (const d of value.directives) model.directives.push(d);
    }
    return value;
  };
  // The rows of a table the parser builds anew in every tree (a big one), in blocks of rows.
  let bigTablesSeen = 0;
  const bigTableRows = (m: ModelMemo, t: MdTable, columns?: TaskColumns): RowsAndTasks => {
    const ordinal = bigTablesSeen++;
    const key = columns?.key ?? 'row';
    const state = m.bigTables[ordinal] as BigTable | undefined;
    const rows: TableRow[] = [];
    const tasks: Task[] = [];
    const reuse = (v: RowAdds) => {
      for (const r of v.rows) rows.push(r);
      for (const task of v.tasks) tasks.push(task);
      if (v.placeholders) for (const p of v.placeholders) model.placeholders.push(p);
      if (v.directives) for (const d of v.directives) model.directives.push(d);
    };
    const build = (run: MdTableRow[]): RowAdds => {
      const placeholdersBefore = model.placeholders.length;
      const directivesBefore = model.directives.length;
      const own = rowsAndTasks(run.map((row) => visitRow(row, columns)));
      for (const r of own.rows) rows.push(r);
      for (const task of own.tasks) tasks.push(task);
      return { ...own, placeholders: addedSince(model.placeholders, placeholdersBefore), directives: addedSince(model.directives, directivesBefore) };
    };
    const old = state?.key === key ? state.blocks : undefined;
    const blocks = keepBlocks(m, old, t.children, 1, t.children.length, () => false, build, reuse);
    m.bigTables[ordinal] = { key, blocks } satisfies BigTable;
    return { rows, tasks };
  };
  // What a run of top-level nodes adds to the model, built now: only what it added is kept.
  const buildAdds = (nodes: RootContent[]): BlockAdds => {
    const from = [model.tables.length, model.codeBlocks.length, model.placeholders.length, model.checkboxes.length, model.directives.length];
    for (const node of nodes) {
      memo?.settle(node);
      visit(node);
    }
    return {
      tables: addedSince(model.tables, from[0]),
      codeBlocks: addedSince(model.codeBlocks, from[1]),
      placeholders: addedSince(model.placeholders, from[2]),
      checkboxes: addedSince(model.checkboxes, from[3]),
      directives: addedSince(model.directives, from[4]),
    };
  };
  // A kept run's additions, their section keys looked up again: headings elsewhere may have changed.
  const reuseAdds = (value: BlockAdds): void => {
    if (value.tables)
      for (const t of value.tables) {
        if (!sameHeadings) {
          t.sectionKey = sectionAt(t.span.start)?.key;
          t.headingTitle = headingAbove(t.span.start)?.title;
        }
        model.tables.push(t);
      }
    if (value.codeBlocks)
      for (const b of value.codeBlocks) {
        if (!sameHeadings) b.sectionKey = sectionAt(b.span.start)?.key;
        model.codeBlocks.push(b);
      }
    if (value.placeholders) for (const p of value.placeholders) model.placeholders.push(p);
    if (value.checkboxes)
      for (const c of value.checkboxes) {
        if (!sameHeadings) c.sectionKey = sectionAt(c.span.start)?.key;
        model.checkboxes.push(c);
      }
    if (value.directives) for (const d of value.directives) model.directives.push(d);
  };
  // Front matter, and a big table (its node is new in every tree; its rows are kept in blocks), are
  // read on every build; the other top-level nodes in blocks, like a big table's rows.
  const everyTime = (node: RootContent) => node.type === 'yaml' || (node.type === 'table' && !memo?.kept(node));
  if (!memo) for (const child of root.children) visit(child);
  else memo.topBlocks = keepBlocks(memo, memo.topBlocks as NodeBlock<BlockAdds>[] | undefined, root.children, 0, root.children.length, everyTime, buildAdds, reuseAdds, visit);
  if (memo) memo.bigTables.length = bigTablesSeen;

  model.taskTable = readTaskTable(model, tasksOf, span);
  model.diagram = readDiagram(model, span, memo);
  model.endpoints = readEndpoints(model);
  return model;
}

function sameItems<T>(a: readonly T[] | undefined, b: readonly T[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What a build added to `list` after its first `length` items; undefined (no array kept) when nothing. */
function addedSince<T>(list: T[], length: number): T[] | undefined {
  return list.length > length ? list.slice(length) : undefined;
}

/** Heading texts by node: a node the incremental parser keeps keeps its text. */
const headingTitles = new WeakMap<Heading, string>();

function headingTitle(h: Heading): string {
  let title = headingTitles.get(h);
  if (title === undefined) headingTitles.set(h, (title = toString(h).trim()));
  return title;
}

function readFrontMatter(yaml: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of yaml.split(/\r?\n/)) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (m) out[m[1].toLowerCase()] = m[2].replace(/^["']|["']$/g, '');
  }
  return out;
}

/** Header fields: `**Key**: value` lines (in a blockquote or not) between the title and the first level-2 heading. */
function readHeader(model: SpecModel, root: Root, span: (s: number, e: number) => Span, memo?: ModelMemo): void {
  const firstSection = model.sections[0]?.heading.start ?? model.text.length;
  const from = model.title ? model.title.span.end : 0;
  const { lines } = model;
  const firstLine = lines.positionAt(from).line + (model.title ? 1 : 0);
  const lastLine = lines.positionAt(firstSection).line;
  let lastFieldEnd: number | undefined;
  for (let line = firstLine; line < lastLine && line < lines.lineCount; line++) {
    const lineText = lines.lineText(line);
    const m = /^(\s*(?:>\s*)?)\*\*([^*]+?)(:?)\*\*(:?)[ \t]*(.*?)\s*$/.exec(lineText);
    if (!m) continue;
    const key = HEADER_LABELS[m[2].trim().toLowerCase()];
    if (!key || model.header[key]) continue;
    const lineStart = lines.lineStarts[line];
    const valueOffset = lineStart + lineText.trimEnd().length - m[5].length;
    const valueEnd = valueOffset + m[5].length;
    model.header[key] = {
      key,
      label: m[2].trim(),
      value: m[5],
      valueSpan: span(valueOffset, valueEnd),
      lineSpan: span(lineStart, lineStart + lineText.length),
      linked: hasLink(root, valueOffset, valueEnd, memo),
    };
    lastFieldEnd = lineStart + lineText.length;
  }
  const anchor = lastFieldEnd ?? model.title?.span.end;
  if (anchor !== undefined) model.headerAnchor = span(anchor, anchor);
}

/** True when a link (inline, reference or autolink, with a destination) lies inside [start, end). */
function hasLink(node: Nodes, start: number, end: number, memo?: ModelMemo): boolean {
  memo?.settle(node);
  const p = node.position;
  if (p?.start.offset !== undefined && p.end.offset !== undefined) {
    if (p.end.offset <= start || p.start.offset >= end) return false;
    const inside = p.start.offset >= start && p.end.offset <= end;
    if (inside && node.type === 'link' && node.url.trim() !== '') return true;
    if (inside && node.type === 'linkReference') return true;
  }
  if (!('children' in node)) return false;
  for (const child of node.children as Nodes[]) {
    // Children come in document order: none after one that starts past the end.
    memo?.settle(child);
    if ((child.position?.start.offset ?? 0) >= end) return false;
    if (hasLink(child, start, end, memo)) return true;
  }
  return false;
}

function cellSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /[\s|]/.test(text[s]) && !(text[s] === '|' && s > start)) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s && text[e - 1] === '|' && text[e - 2] !== '\\') e--;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}

/** A row's cells; a cell keeps its content only when markup or escapes make it differ from its source. */
function readRow(row: MdTableRow, text: string, span: (s: number, e: number) => Span, nodeSpan: (n: Nodes) => Span): TableRow {
  return {
    span: nodeSpan(row),
    cells: row.children.map((cell) => {
      const [s, e] = cellSpan(text, cell.position!.start.offset!, cell.position!.end.offset!);
      const content = toString(cell).trim();
      // The content is a copy: the strings in the tree are slices of the text remark was given.
      return new TableCell(span(s, e), content === text.slice(s, e) ? undefined : detach(content));
    }),
  };
}

function findPlaceholders(model: SpecModel, source: string, base: number, span: (s: number, e: number) => Span, inCode: boolean): void {
  const re = /\[([^\[\]\n]+)\](?![(\[:])/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const inner = m[1];
    if (source[m.index - 1] === '\\' || source[m.index + m[0].length - 2] === '\\') continue;
    if (/^[ xX]$/.test(inner) || inner.startsWith('^')) continue;
    if (inCode && !TEMPLATE_PLACEHOLDERS.has(inner)) continue;
    model.placeholders.push({ text: m[0], span: span(base + m.index, base + m.index + m[0].length) });
  }
}

function readDirective(model: SpecModel, node: Html, memo?: ModelMemo): void {
  const re = /<!--\s*techspec-disable-next-line\b([^>]*?)-->/g;
  for (let m = re.exec(node.value); m; m = re.exec(node.value)) {
    const rules = m[1].split(/[\s,]+/).filter(Boolean);
    const directive = { line: node.position!.end.line, rules };
    model.directives.push(memo ? memo.line(directive) : directive);
  }
}

const COLUMN_PATTERNS: [TaskColumn, RegExp][] = [
  ['id', /^(id|task id|#|key)$/],
  ['task', /^(task|tasks|title|name|description|summary)$/],
  ['lines', /(line|loc|size|estimate|est)/],
  ['deps', /(depend|deps|blocked by|requires|after)/],
  ['jira', /(jira|ticket|issue|link)/],
];

export function taskColumnOf(header: string): TaskColumn | undefined {
  const n = header.toLowerCase().replace(/[^a-z0-9#]+/g, ' ').trim();
  return COLUMN_PATTERNS.find(([, re]) => re.test(n))?.[0];
}

const NONE_WORDS = new Set(['none', '-', '—', '–', 'n/a', 'na', 'nil']);

/** A word of a Dependencies cell: a task ID or a word meaning "none", with markup (`**`, `_`, `` ` ``) around it left out. */
export interface DependencyWord {
  /** The word without its markup. */
  id: string;
  /** Where `id` starts in the cell's source. */
  start: number;
  /** Where the written word, markup included, starts and ends in the cell's source. */
  wordStart: number;
  wordEnd: number;
  none: boolean;
}

/** The words of a Dependencies cell's source, split at commas, semicolons and spaces; `and` is no word. */
export function dependencyWords(raw: string): DependencyWord[] {
  const out: DependencyWord[] = [];
  const re = /[^,;\s]+/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const id = m[0].replace(/^[*_`]+|[*_`]+$/g, '');
    if (!id || id.toLowerCase() === 'and') continue;
    out.push({ id, start: m.index + m[0].indexOf(id), wordStart: m.index, wordEnd: m.index + m[0].length, none: NONE_WORDS.has(id.toLowerCase()) });
  }
  return out;
}

/** A run of sibling nodes whose model parts were built together: their spans move as one. */
interface NodeBlock<V> {
  nodes: Nodes[];
  part: MovablePart<V>;
  /** Where the first node starts and the last one ends. */
  startOff: number;
  endOff: number;
}

/** What a run of top-level nodes added to the model. */
interface BlockAdds {
  tables?: Table[];
  codeBlocks?: CodeBlock[];
  placeholders?: Placeholder[];
  checkboxes?: Checkbox[];
  directives?: DisableDirective[];
}

/** What a run of a big table's rows added to the model. */
interface RowsAndTasks {
  rows: TableRow[];
  tasks: Task[];
}

function rowsAndTasks(parts: RowPart[]): RowsAndTasks {
  const rows: TableRow[] = new Array(parts.length);
  const tasks: Task[] = [];
  for (let i = 0; i < parts.length; i++) {
    rows[i] = parts[i].row;
    if (parts[i].task) tasks.push(parts[i].task!);
  }
  return { rows, tasks };
}

/** A block of a big table's rows: their rows and tasks kept as lists, so that a kept block is read without touching a row. */
interface RowAdds extends RowsAndTasks {
  placeholders?: Placeholder[];
  directives?: DisableDirective[];
}

/** What the model keeps of a big table between versions. */
interface BigTable {
  /** Which task columns the rows were read with ('row': none). */
  key: string;
  blocks: NodeBlock<RowAdds>[];
}

/** A node this long gets a block of its own: a change next to it does not build it again. */
const ALONE_CHARS = 8192;

/**
 * What nodes[from, to) add to the model, built in blocks of up to memo.blockRows nodes. A block of
 * the last version (`old`) that lies wholly before or after the change, and whose nodes come back
 * in the same run, is reused (`reuse`) and moved as one; the other nodes are built in new blocks
 * (`build`, which adds to the model itself). Nodes for which `alone` holds go to `visitAlone` every time.
 */
function keepBlocks<N extends Nodes, V>(
  m: ModelMemo,
  old: NodeBlock<V>[] | undefined,
  nodes: readonly N[],
  from: number,
  to: number,
  alone: (node: N) => boolean,
  build: (run: N[]) => V,
  reuse: (value: V) => void,
  visitAlone?: (node: N) => void,
): NodeBlock<V>[] {
  const change = m.change;
  const kept = new Map<Nodes, NodeBlock<V>>();
  if (old && change)
    for (const b of old) {
      if (b.endOff < change.from) kept.set(b.nodes[0], b);
      else if (b.startOff > change.oldEnd) {
        b.part.moveBy(change.dOff, change.dLine);
        b.startOff += change.dOff;
        b.endOff += change.dOff;
        kept.set(b.nodes[0], b);
      }
    }
  const out: NodeBlock<V>[] = [];
  let run: N[] = [];
  const flush = () => {
    if (!run.length) return;
    const nodesOfRun = run;
    run = [];
    const part = m.build(() => build(nodesOfRun));
    out.push({ nodes: nodesOfRun, part, startOff: nodesOfRun[0].position!.start.offset!, endOff: nodesOfRun[nodesOfRun.length - 1].position!.end.offset! });
  };
  for (let i = from; i < to; ) {
    const node = nodes[i];
    const b = kept.get(node);
    if (b && i + b.nodes.length <= to && b.nodes.every((n, k) => nodes[i + k] === n)) {
      flush();
      reuse(b.part.value);
      out.push(b);
      i += b.nodes.length;
      continue;
    }
    if (alone(node)) {
      flush();
      visitAlone!(node);
      i++;
      continue;
    }
    const long = node.position!.end.offset! - node.position!.start.offset! > ALONE_CHARS;
    if (long) flush();
    run.push(node);
    if (long || run.length >= m.blockRows) flush();
    i++;
  }
  flush();
  return out;
}

interface RowPart {
  row: TableRow;
  task?: Task;
  placeholders?: Placeholder[];
  directives?: DisableDirective[];
}

/** Where each task column is, and a key that changes when that does. */
interface TaskColumns {
  at: TaskTable['columns'];
  key: string;
}

function taskColumns(header: TableRow): TaskColumns {
  const at: TaskTable['columns'] = {};
  header.cells.forEach((c, i) => {
    const col = taskColumnOf(c.text);
    if (col && at[col] === undefined) at[col] = i;
  });
  return { at, key: 'task ' + JSON.stringify(at) };
}

function readTaskTable(model: SpecModel, tasksOf: Map<Table, { columns: TaskColumns; tasks: Task[] }>, span: (s: number, e: number) => Span): TaskTable | undefined {
  const table = model.tables.find((t) => t.sectionKey === 'task-breakdown' && t.header.cells.some((c) => taskColumnOf(c.text) === 'id'))
    ?? model.tables.find((t) => t.sectionKey === 'task-breakdown');
  if (!table) return undefined;
  const read = tasksOf.get(table);
  if (read) return { table, columns: read.columns.at, tasks: read.tasks };
  // A table nested in a block the memo reused (in a list or a quote): its rows were read before.
  const { at } = taskColumns(table.header);
  const tasks: Task[] = [];
  for (const row of table.rows) {
    const task = readTask(row, at, span);
    if (task) tasks.push(task);
  }
  return { table, columns: at, tasks };
}

function readTask(row: TableRow, columns: TaskTable['columns'], span: (s: number, e: number) => Span): Task | undefined {
  const idCell = row.cells[columns.id ?? 0];
  if (!idCell) return undefined;
  const cell = (col: TaskColumn) => (columns[col] === undefined ? undefined : row.cells[columns[col]!]);
  const depsCell = cell('deps');
  const deps: DependencyRef[] = [];
  const noneMarkers: DependencyRef[] = [];
  if (depsCell) {
    for (const w of dependencyWords(depsCell.raw)) {
      const start = depsCell.span.start + w.start;
      const ref = { id: w.id, span: span(start, start + w.id.length) };
      (w.none ? noneMarkers : deps).push(ref);
    }
  }
  const titleCell = cell('task');
  const estCell = cell('lines');
  return {
    id: idCell.text,
    idCell,
    title: titleCell?.text ?? '',
    titleCell,
    estCell,
    estLines: estCell ? parseEstLines(estCell.text) : undefined,
    deps,
    noneMarkers,
    depsCell,
    jira: cell('jira'),
    row,
  };
}

/** `~150`, `150`, `150 lines`, `1,200`, `100-200` (the upper bound). */
export function parseEstLines(text: string): number | undefined {
  const m = /^~?\s*(\d[\d,]*)(?:\s*[-–]\s*~?(\d[\d,]*))?\s*(?:lines?|loc)?$/i.exec(text.trim());
  if (!m) return undefined;
  return Number((m[2] ?? m[1]).replace(/,/g, ''));
}

/** A mermaid block whose diagram is a flowchart (`graph LR`, `flowchart TD`). */
export function isFlowchart(b: CodeBlock): boolean {
  return b.lang === 'mermaid' && /^\s*(graph|flowchart)\b/.test(firstStatement(b.value) ?? '');
}

/** What mermaidLines(value).find(non-blank, not a %% comment) gives, without splitting a big block. */
function firstStatement(value: string): string | undefined {
  const lines = (function* () {
    for (let at = 0; at <= value.length; ) {
      const nl = value.indexOf('\n', at);
      const end = nl < 0 ? value.length : nl;
      yield value.slice(at, end > at && value[end - 1] === '\r' ? end - 1 : end);
      if (nl < 0) return;
      at = nl + 1;
    }
  })();
  let inFrontMatter: boolean | undefined;
  for (const l of lines) {
    const t = l.trim();
    if (inFrontMatter === undefined && t === '') continue;
    if (inFrontMatter === undefined) {
      inFrontMatter = t === '---';
      if (inFrontMatter) continue;
    } else if (inFrontMatter) {
      if (t === '---') inFrontMatter = false;
      continue;
    }
    if (t && !t.startsWith('%%')) return l;
  }
  return undefined;
}

function readDiagram(model: SpecModel, span: (s: number, e: number) => Span, memo?: ModelMemo): DependencyDiagram | undefined {
  const inTasks = model.codeBlocks.filter((b) => b.sectionKey === 'task-breakdown' && isFlowchart(b));
  const block = inTasks[0];
  if (!block) return undefined;
  const build = () => {
    const graph: DependencyDiagram = { block, nodes: [], edges: [], subgraphs: [] };
    parseFlowchart(model.text, block.contentStart, block.contentStart + block.value.length, span, graph);
    return graph;
  };
  if (!memo) return build();
  const { nodes, edges, subgraphs } = memo.part(block, 'diagram', block.span.start, block.span.range.start.line, build);
  return { block, nodes, edges, subgraphs };
}

const SKIP_STATEMENT = /^(graph|flowchart|subgraph|end|classDef|class|style|linkStyle|click|direction|accTitle|accDescr|%%)\b/;
const ARROW = /^(?:<)?(?:--\s*[^->|][^>]*?\s*--[->]|==\s*[^=>|][^>]*?\s*==[=>]|-\.\s*[^.>|-][^>]*?\s*\.->|-{2,}[>ox]?|={2,}[>ox]?|-\.+-[>ox]?|~~~)(?:\s*\|[^|]*\|)?/;
const SHAPE_OPEN: Record<string, string> = { '[': ']', '(': ')', '{': '}', '>': ']' };

/** Mermaid flowchart statements: node declarations, chained edges (`A --> B --> C`), `&` groups, labels. */
function parseFlowchart(text: string, start: number, end: number, span: (s: number, e: number) => Span, graph: DependencyDiagram): void {
  for (const [offset, stmt] of flowchartStatements(text.slice(start, end))) {
    const trimmed = stmt.trim();
    const sub = /^subgraph\s+([A-Za-z0-9_]+)\s*(?:\[|$)/.exec(trimmed);
    if (sub) graph.subgraphs.push(sub[1]);
    if (!trimmed || SKIP_STATEMENT.test(trimmed)) continue;
    let i = 0;
    const base = start + offset;
    const skipWs = () => {
      while (i < stmt.length && /\s/.test(stmt[i])) i++;
    };
    const readNode = (): GraphNodeRef | undefined => {
      skipWs();
      const id = /^[A-Za-z0-9_]+/.exec(stmt.slice(i));
      if (!id) return undefined;
      const ref = { id: id[0], span: span(base + i, base + i + id[0].length) };
      i += id[0].length;
      const open = stmt[i];
      if (open && SHAPE_OPEN[open]) {
        const close = SHAPE_OPEN[open];
        let depth = 0;
        let quoted = false;
        for (; i < stmt.length; i++) {
          const c = stmt[i];
          if (c === '"') quoted = !quoted;
          if (quoted) continue;
          if (c === open && open !== '>') depth++;
          else if (c === close || (open === '(' && c === ')') || (open === '{' && c === '}')) {
            depth--;
            if (depth <= 0) {
              i++;
              break;
            }
          } else if (open === '>' && c === ']') {
            i++;
            break;
          }
        }
        // Shapes like [[..]], ((..)) and {{..}} close with the same run of brackets.
        while (i < stmt.length && stmt[i] === close) i++;
      }
      const cls = /^:::[\w-]+/.exec(stmt.slice(i));
      if (cls) i += cls[0].length;
      graph.nodes.push(ref);
      return ref;
    };
    const readGroup = (): GraphNodeRef[] => {
      const group: GraphNodeRef[] = [];
      for (;;) {
        const n = readNode();
        if (!n) break;
        group.push(n);
        skipWs();
        if (stmt[i] === '&') i++;
        else break;
      }
      return group;
    };
    let left = readGroup();
    for (;;) {
      skipWs();
      const arrow = ARROW.exec(stmt.slice(i));
      if (!arrow || left.length === 0) break;
      i += arrow[0].length;
      const right = readGroup();
      for (const a of left) for (const b of right) graph.edges.push({ from: a, to: b, span: span(a.span.start, b.span.end) });
      left = right;
    }
  }
}

/**
 * A flowchart's statements with their offsets: one per line, or per `;` outside labels;
 * front matter and `%%` comments left out.
 */
function flowchartStatements(body: string): [number, string][] {
  const out: [number, string][] = [];
  let from = 0;
  const lines = body.split('\n');
  if (lines.find((l) => l.trim() !== '')?.trim() === '---') {
    const open = body.indexOf('---');
    const close = body.indexOf('\n---', open + 3);
    if (close < 0) return out;
    const after = body.indexOf('\n', close + 4);
    from = after < 0 ? body.length : after + 1;
  }
  let stmtStart = from;
  let depth = 0;
  let quoted = false;
  let piped = false;
  const flush = (endAt: number) => {
    if (endAt > stmtStart) out.push([stmtStart, body.slice(stmtStart, endAt)]);
  };
  for (let i = from; i < body.length; i++) {
    const c = body[i];
    if (c === '\n') {
      flush(i);
      stmtStart = i + 1;
      depth = 0;
      quoted = piped = false;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '[' || c === '(' || c === '{') depth++;
    else if (c === ']' || c === ')' || c === '}') depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (c === '|') piped = !piped;
    else if (piped) continue;
    else if (c === ';') {
      flush(i);
      stmtStart = i + 1;
    } else if (c === '%' && body[i + 1] === '%') {
      // A comment runs to the end of the line.
      flush(i);
      const nl = body.indexOf('\n', i);
      i = (nl < 0 ? body.length : nl) - 1;
      stmtStart = nl < 0 ? body.length : nl;
    }
  }
  flush(body.length);
  return out;
}

function readEndpoints(model: SpecModel): Endpoint[] {
  const out: Endpoint[] = [];
  const api = model.sections.filter((s) => s.key === 'api-design').map((s) => [s.span.start, s.span.end]);
  for (const h of model.headings) {
    if (h.depth < 3) continue;
    const start = h.span.start;
    if (!api.some(([from, to]) => start >= from && start < to)) continue;
    const text = h.title;
    const looksLikeEndpoint =
      h.depth >= 4 || /^[A-Za-z]+\s+\//.test(text) || /^(?:#+\s*)?`/.test(model.text.slice(h.heading.start, h.heading.end));
    if (!looksLikeEndpoint) continue;
    const m = /^([A-Za-z]+)\s+(\/\S*)$/.exec(text.trim());
    out.push({ heading: h.heading, text, method: m?.[1], path: m?.[2], span: h.span });
  }
  return out;
}
