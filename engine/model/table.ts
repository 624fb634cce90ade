import type { Nodes, TableRow as MdTableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Cell, Span, TableRow } from './types';
import { detach } from '../text';

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
export function readRow(row: MdTableRow, text: string, span: (s: number, e: number) => Span, nodeSpan: (n: Nodes) => Span): TableRow {
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
