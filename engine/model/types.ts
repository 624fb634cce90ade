// The model of a spec: what the rules, fixes and navigation read, with spans into its text.
import type { Position, Range } from 'vscode-languageserver-types';
import type { HeaderKey, TemplateSchema } from '../template/schema';

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
  key: HeaderKey;
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

export type { TaskColumn } from '../template/schema';
import type { TaskColumn } from '../template/schema';

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
  /** The `subgraph` blocks with their titles and the nodes first named inside each (not inside a nested one), in order. */
  groups: DiagramGroup[];
}

export interface DiagramGroup {
  id: string;
  /** The title in brackets or quotes, else the ID. */
  label: string;
  /** The ID of the enclosing subgraph, if nested. */
  parent?: string;
  nodes: string[];
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
  /** The template the spec was read against. */
  schema: TemplateSchema;
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

/** Offsets (UTF-16 code units, as LSP counts them) to line/character positions and back. */
export class LineIndex {
  readonly lineStarts: number[];

  /** `lineStarts`, when given, must be exactly what scanning `text` finds (ModelMemo keeps them up to date). */
  constructor(
    readonly text: string,
    lineStarts?: number[],
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  /** The document's line break, for text that fixes insert. */
  get eol(): string {
    const i = this.text.indexOf('\n');
    return i > 0 && this.text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
  }
}
