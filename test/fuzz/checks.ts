// Range checks for the fuzzer: LSP positions against a document's lines.
import type { Range } from 'vscode-languageserver-types';

/** UTF-16 lengths of each line, splitting on \r\n, \n and lone \r as LSP does. */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

/** Why `range` is outside the document with these line lengths, or undefined when it is inside. */
export function rangeProblem(range: Range, lengths: readonly number[]): string | undefined {
  for (const [name, p] of [
    ['start', range.start],
    ['end', range.end],
  ] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `${name} not a position`;
    if (p.line >= lengths.length) return `${name} line ${p.line} >= lineCount ${lengths.length}`;
    if (p.character > lengths[p.line]) return `${name} character ${p.character} > line length ${lengths[p.line]}`;
  }
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return 'start after end';
  return undefined;
}
