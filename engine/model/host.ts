// What the builder is handed: the line index and spans of the text, and the parts of the last build
// it may reuse. The incremental parser's ModelMemo keeps parts between versions; the one-shot host
// builds everything.
import type { Heading, Nodes, RootContent, Table as MdTable, TableRow as MdTableRow } from 'mdast';
import { LineIndex, type Checkbox, type CodeBlock, type DisableDirective, type Placeholder, type Span, type Table, type TableRow, type Task } from './types';
import { fixedSpans } from './span';

/** How a run of sibling nodes is built into what it adds to the model, and what a kept run added is added again. */
export interface Runs<N, V> {
  build(run: N[]): V;
  reuse(value: V): void;
}

/** What a run of top-level nodes added to the model. */
export interface BlockAdds {
  tables?: Table[];
  codeBlocks?: CodeBlock[];
  placeholders?: Placeholder[];
  checkboxes?: Checkbox[];
  directives?: DisableDirective[];
}

/** A table row, its task when the table is a task table, and what its cells added. */
export interface RowPart {
  row: TableRow;
  task?: Task;
  placeholders?: Placeholder[];
  directives?: DisableDirective[];
}

/** What a run of a big table's rows added: rows and tasks as lists, so that a kept run is read without touching a row. */
export interface RowAdds {
  rows: TableRow[];
  tasks: Task[];
  placeholders?: Placeholder[];
  directives?: DisableDirective[];
}

/** The host of one build; what it hands out is valid for the model of that build. */
export interface ModelHost {
  /** The line index of `text`: the first call of a build. */
  lines(text: string): LineIndex;
  /** A span of the text given to lines(). */
  span(start: number, end: number): Span;
  /** Brings positions inside a node up to date before the builder reads them. */
  settle(node: Nodes): void;
  /** Whether these are the top-level headings of the last build: what a kept part holds is in the same sections still. */
  sameHeadings(headings: readonly Heading[]): boolean;
  /** The part `kind` of `key`, anchored at `offset` and 0-based `line`: built now, or reused and moved. */
  part<T>(key: object, kind: string, offset: number, line: number, build: () => T): T;
  /** Whether the last part() call built its part (true) or reused it (false). */
  readonly fresh: boolean;
  /** Visits the top-level nodes: one by one with `visit`, or in runs through `runs`. */
  topLevel(children: RootContent[], runs: Runs<RootContent, BlockAdds>, visit: (node: RootContent) => void): void;
  /** Reads the body rows of a big table in runs through `runs` and says so; false: the builder reads them one by one. */
  readBigTable(table: MdTable, key: string, runs: Runs<MdTableRow, RowAdds>): boolean;
  /** Notes an object whose `line` (0-based) moves with the part being built. */
  line<T extends { line: number }>(o: T): T;
  /** Notes a field holding an offset that moves with the part being built. */
  offset<T extends object>(obj: T, field: keyof T & string): T;
  /** The build is over. */
  done(): void;
}

/** A host that reuses nothing: for a model built once from a text. */
export class OneShotHost implements ModelHost {
  private spanOf: (start: number, end: number) => Span = () => {
    throw new Error('OneShotHost: span() before lines()');
  };
  readonly fresh = true;

  lines(text: string): LineIndex {
    const lines = new LineIndex(text);
    this.spanOf = fixedSpans(lines);
    return lines;
  }

  span(start: number, end: number): Span {
    return this.spanOf(start, end);
  }

  settle(): void {}

  sameHeadings(): boolean {
    return false;
  }

  part<T>(_key: object, _kind: string, _offset: number, _line: number, build: () => T): T {
    return build();
  }

  topLevel(children: RootContent[], _runs: Runs<RootContent, BlockAdds>, visit: (node: RootContent) => void): void {
    for (const child of children) visit(child);
  }

  readBigTable(): boolean {
    return false;
  }

  line<T extends { line: number }>(o: T): T {
    return o;
  }

  offset<T extends object>(obj: T): T {
    return obj;
  }

  done(): void {}
}
