import type { Range } from 'vscode-languageserver-types';
import type { LineIndex, Span } from './types';

/** The line index of the text a model was last built from: spans read their ranges from it. */
export interface Lines {
  index: LineIndex | undefined;
}

/** How far a part has moved since it was built: its spans read their place through it. */
export interface Shift {
  off: number;
  line: number;
  lines: Lines;
}

/**
 * A span as built, plus the shift of the part it belongs to: moving a part moves all its spans at
 * once, and a span's place is worked out only when read, its range from the current line index.
 */
export class ShiftingSpan implements Span {
  constructor(
    private readonly s: number,
    private readonly e: number,
    private readonly by: Shift,
  ) {}

  get start(): number {
    return this.s + this.by.off;
  }

  get end(): number {
    return this.e + this.by.off;
  }

  get range(): Range {
    const index = this.by.lines.index!;
    return { start: index.positionAt(this.start), end: index.positionAt(this.end) };
  }

  get source(): string {
    return this.by.lines.index!.text.slice(this.start, this.end);
  }

  toJSON(): { start: number; end: number; range: Range } {
    return { start: this.start, end: this.end, range: this.range };
  }
}

/** Spans of `lines` that never move: for models built without reuse. */
export function fixedSpans(lines: LineIndex): (start: number, end: number) => Span {
  const still: Shift = { off: 0, line: 0, lines: { index: lines } };
  return (start, end) => new ShiftingSpan(start, end, still);
}
