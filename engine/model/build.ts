// The builder: one walk over the mdast, in which every node adds what it holds to the model. What
// may be reused between versions is handed to the host as parts and runs; the builder keeps nothing.
import type { Code, Heading, Html, ListItem, Nodes, Root, RootContent, Table as MdTable, TableRow as MdTableRow, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { CodeBlock, Span, SpecModel, Table, TableRow, Task } from './types';
import { OneShotHost, type BlockAdds, type ModelHost, type RowAdds, type RowPart, type Runs } from './host';
import { readFrontMatter, readHeader } from './header';
import { headingAbove, readSections, sectionAt } from './sections';
import { readRow } from './table';
import { readTask, readTaskTable, taskColumns, type TaskColumns } from './tasks';
import { readDiagram } from './flowchart';
import { readEndpoints } from './endpoints';
import { findPlaceholders } from './placeholders';
import { readDirective } from './directives';
import { parseMarkdown } from '../parse';
import type { TemplateSchema } from '../template/schema';
import { defaultSchema } from '../template/default';

/**
 * The model of a spec. With a host that keeps parts between versions of a document (ModelMemo),
 * parts built from mdast nodes the incremental parser reused are reused too, moved to where their node now is.
 */
export function buildModel(
  text: string,
  root: Root = parseMarkdown(text),
  host: ModelHost = new OneShotHost(),
  schema: TemplateSchema = defaultSchema(),
): SpecModel {
  return new ModelBuilder(text, host, schema).build(root);
}

class ModelBuilder {
  private readonly model: SpecModel;
  private readonly span = (start: number, end: number): Span => this.host.span(start, end);
  /** Whether the top-level headings are those of the host's last build: kept parts are in the same sections still. */
  private sameHeadings = false;
  /** Tasks read with their rows, per table of the Task Breakdown section visited in this build. */
  private readonly tasksOf = new Map<Table, { columns: TaskColumns; tasks: Task[] }>();

  constructor(
    private readonly text: string,
    private readonly host: ModelHost,
    schema: TemplateSchema,
  ) {
    const lines = host.lines(text);
    this.model = {
      text,
      schema,
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
  }

  build(root: Root): SpecModel {
    const { model, host } = this;
    // Headings first: every other element is placed in the section that contains it.
    const headings = root.children.filter((n): n is Heading => n.type === 'heading');
    for (const h of headings) host.settle(h);
    this.sameHeadings = host.sameHeadings(headings);
    readSections(model, headings, this.span);
    readHeader(model, root, host);
    const runs: Runs<RootContent, BlockAdds> = { build: (run) => this.buildRun(run), reuse: (adds) => this.reuseRun(adds) };
    host.topLevel(root.children, runs, (node) => this.visit(node));
    host.done();
    model.taskTable = readTaskTable(model, this.tasksOf, this.span);
    model.diagram = readDiagram(model, host);
    model.endpoints = readEndpoints(model);
    return model;
  }

  private visit(node: Nodes): void {
    const { model, text } = this;
    switch (node.type) {
      case 'yaml':
        model.frontMatter = readFrontMatter((node as Yaml).value);
        return;
      case 'table':
        return this.visitTable(node as MdTable);
      case 'code':
        return this.visitCode(node as Code);
      case 'text':
        // remark-gfm's autolink literals can leave text nodes without a position: nothing to place.
        if (node.position)
          findPlaceholders(model, text.slice(node.position.start.offset!, node.position.end.offset!), node.position.start.offset!, this.span, false);
        return;
      case 'html':
        readDirective(model, node as Html, this.host);
        return;
      case 'listItem': {
        const li = node as ListItem;
        if (typeof li.checked === 'boolean') {
          model.checkboxes.push({
            checked: li.checked,
            text: toString(li).trim(),
            span: this.nodeSpan(li),
            sectionKey: sectionAt(model, li.position!.start.offset!)?.key,
          });
        }
        break;
      }
    }
    if ('children' in node) for (const child of node.children) this.visit(child as Nodes);
  }

  private nodeSpan(n: Nodes): Span {
    return this.span(n.position!.start.offset!, n.position!.end.offset!);
  }

  private visitTable(t: MdTable): void {
    const { model } = this;
    this.host.settle(t);
    const start = t.position!.start.offset!;
    const sectionKey = sectionAt(model, start)?.key;
    const header = this.visitRow(t.children[0]).row;
    // Rows of a table in Task Breakdown are read as tasks too, in the same pass and part.
    const columns = sectionKey === 'task-breakdown' ? taskColumns(header, model.schema) : undefined;
    const { rows, tasks } = this.bodyRows(t, columns);
    const table: Table = { header, rows, span: this.nodeSpan(t), sectionKey, headingTitle: headingAbove(model, start)?.title };
    if (columns) this.tasksOf.set(table, { columns, tasks });
    model.tables.push(table);
  }

  /** The table's body rows and their tasks: in runs when the host reads it as a big table, else row by row. */
  private bodyRows(t: MdTable, columns: TaskColumns | undefined): { rows: TableRow[]; tasks: Task[] } {
    const { model } = this;
    const rows: TableRow[] = [];
    const tasks: Task[] = [];
    const runs: Runs<MdTableRow, RowAdds> = {
      build: (run) => {
        const placeholdersBefore = model.placeholders.length;
        const directivesBefore = model.directives.length;
        const own = rowsAndTasks(run.map((row) => this.visitRow(row, columns)));
        for (const r of own.rows) rows.push(r);
        for (const task of own.tasks) tasks.push(task);
        return { ...own, placeholders: addedSince(model.placeholders, placeholdersBefore), directives: addedSince(model.directives, directivesBefore) };
      },
      reuse: (v) => {
        for (const r of v.rows) rows.push(r);
        for (const task of v.tasks) tasks.push(task);
        if (v.placeholders) for (const p of v.placeholders) model.placeholders.push(p);
        if (v.directives) for (const d of v.directives) model.directives.push(d);
      },
    };
    if (this.host.readBigTable(t, columns?.key ?? 'row', runs)) return { rows, tasks };
    return rowsAndTasks(t.children.slice(1).map((row) => this.visitRow(row, columns)));
  }

  /** A table row, its task when `columns` are given, and what its cells add (placeholders, directives): one part. */
  private visitRow(row: MdTableRow, columns?: TaskColumns): RowPart {
    const { model, host } = this;
    const build = (): RowPart => {
      host.settle(row);
      const placeholdersBefore = model.placeholders.length;
      const directivesBefore = model.directives.length;
      const r = readRow(row, this.text, this.span, (n) => this.nodeSpan(n));
      for (const cell of row.children) for (const child of cell.children) this.visit(child);
      const task = columns && readTask(r, columns.at, this.span);
      return { row: r, task, placeholders: addedSince(model.placeholders, placeholdersBefore), directives: addedSince(model.directives, directivesBefore) };
    };
    const value = host.part(row, columns ? columns.key : 'row', row.position!.start.offset!, row.position!.start.line - 1, build);
    if (!host.fresh) {
      if (value.placeholders) for (const p of value.placeholders) model.placeholders.push(p);
      if (value.directives) for (const d of value.directives) model.directives.push(d);
    }
    return value;
  }

  private visitCode(c: Code): void {
    const { model, text } = this;
    const s = this.nodeSpan(c);
    const firstBreak = text.indexOf('\n', s.start);
    const contentStart = firstBreak < 0 || firstBreak >= s.end ? s.end : firstBreak + 1;
    const block: CodeBlock = { lang: c.lang ?? undefined, value: c.value, span: s, contentStart, sectionKey: sectionAt(model, s.start)?.key };
    this.host.offset(block, 'contentStart');
    model.codeBlocks.push(block);
    findPlaceholders(model, text.slice(contentStart, s.end), contentStart, this.span, true);
  }

  /** What a run of top-level nodes adds to the model, built now: only what it added is kept. */
  private buildRun(nodes: RootContent[]): BlockAdds {
    const { model } = this;
    const from = [model.tables.length, model.codeBlocks.length, model.placeholders.length, model.checkboxes.length, model.directives.length];
    for (const node of nodes) {
      this.host.settle(node);
      this.visit(node);
    }
    return {
      tables: addedSince(model.tables, from[0]),
      codeBlocks: addedSince(model.codeBlocks, from[1]),
      placeholders: addedSince(model.placeholders, from[2]),
      checkboxes: addedSince(model.checkboxes, from[3]),
      directives: addedSince(model.directives, from[4]),
    };
  }

  /** A kept run's additions, their section keys looked up again when the headings changed. */
  private reuseRun(value: BlockAdds): void {
    const { model, sameHeadings } = this;
    if (value.tables)
      for (const t of value.tables) {
        if (!sameHeadings) {
          t.sectionKey = sectionAt(model, t.span.start)?.key;
          t.headingTitle = headingAbove(model, t.span.start)?.title;
        }
        model.tables.push(t);
      }
    if (value.codeBlocks)
      for (const b of value.codeBlocks) {
        if (!sameHeadings) b.sectionKey = sectionAt(model, b.span.start)?.key;
        model.codeBlocks.push(b);
      }
    if (value.placeholders) for (const p of value.placeholders) model.placeholders.push(p);
    if (value.checkboxes)
      for (const c of value.checkboxes) {
        if (!sameHeadings) c.sectionKey = sectionAt(model, c.span.start)?.key;
        model.checkboxes.push(c);
      }
    if (value.directives) for (const d of value.directives) model.directives.push(d);
  }
}

function rowsAndTasks(parts: RowPart[]): { rows: TableRow[]; tasks: Task[] } {
  const rows: TableRow[] = new Array(parts.length);
  const tasks: Task[] = [];
  for (let i = 0; i < parts.length; i++) {
    rows[i] = parts[i].row;
    if (parts[i].task) tasks.push(parts[i].task!);
  }
  return { rows, tasks };
}

/** What a build added to `list` after its first `length` items; undefined (no array kept) when nothing. */
function addedSince<T>(list: T[], length: number): T[] | undefined {
  return list.length > length ? list.slice(length) : undefined;
}
