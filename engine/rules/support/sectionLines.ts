// Lines of prose: a section's lines outside code blocks and tables, for rules that read what
// authors write in sentences and lists.
import type { SpecModel } from '../../model';

export interface ProseLine {
  /** 0-based line number. */
  line: number;
  /** Offset of the line's first character. */
  start: number;
  text: string;
}

/** The lines from offset `from` to `to` that are not in a code block or a table, blank ones left out. */
export function proseLines(model: SpecModel, from: number, to: number): ProseLine[] {
  const span = { start: from, end: to };
  const { lines } = model;
  const skip = [...model.codeBlocks.map((b) => b.span), ...model.tables.map((t) => t.span)].filter((s) => s.end > span.start && s.start < span.end);
  const out: ProseLine[] = [];
  const first = lines.positionAt(span.start).line;
  const last = lines.positionAt(Math.max(span.start, span.end - 1)).line;
  for (let line = first; line <= last; line++) {
    const start = lines.lineStarts[line];
    const end = lines.lineEnd(line);
    if (skip.some((s) => s.start <= end && start < s.end)) continue;
    const text = lines.lineText(line);
    if (text.trim() !== '') out.push({ line, start, text });
  }
  return out;
}
