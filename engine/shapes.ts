// Same-length rewrites of shapes that make micromark slow or deep, applied before it parses: every
// offset stays where it was, so positions in the tree are those of the original text.
//
// - A line that opens more than MAX_CONTAINER_DEPTH block quotes or list items reads its further
//   markers as text: micromark's cost per line grows with the containers open, and its
//   list preparation and our tree walks with their nesting (10,000 deep: 35 s, then a stack overflow).
// - A line longer than MAX_INLINE_LINE outside fenced code reads its `*`, `_` and `~` as text:
//   micromark pairs emphasis delimiters by scanning back and splicing per pair, which is quadratic
//   in a paragraph's delimiters (a 1 MB line of inline markup: ~20 s).
// Each rewritten character becomes a look-alike of one UTF-16 unit, so the text still reads the same.

/** Block quotes and list items one line may open; markers beyond are read as text. */
export const MAX_CONTAINER_DEPTH = 64;
/** Lines longer than this (outside fenced code) have their emphasis and strikethrough markers read as text. */
export const MAX_INLINE_LINE = 10_000;

const LOOK_ALIKE: Record<string, string> = {
  '>': '\u203a',
  '-': '\u2010',
  '*': '\u2217',
  '+': '\uff0b',
  '.': '\u2024',
  ')': '\uff09',
  _: '\uff3f',
  '~': '\u223c',
};

/** What tameShapes changed, for the message that says so. */
export interface TamedShapes {
  /** 0-based lines whose containers beyond MAX_CONTAINER_DEPTH were read as text. */
  deepLines: number[];
  /** 0-based lines longer than MAX_INLINE_LINE whose emphasis markers were read as text. */
  longLines: number[];
}

const isBlank = (c: number) => c === 32 || c === 9;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** The text with the shapes above rewritten (the same string when there are none), and where they were. */
export function tameShapes(text: string): { text: string; tamed?: TamedShapes } {
  let out: string[] | undefined;
  let copied = 0;
  const tamed: TamedShapes = { deepLines: [], longLines: [] };
  /** The fence (its character and length) of the fenced code block open at this line, if any. */
  let fence: string | undefined;
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const rewrites: [number, number][] = [];
    // Container markers: `>`, or `-`, `*`, `+`, `1.`, `1)` followed by a blank, up to the content.
    let i = start;
    let depth = 0;
    for (;;) {
      while (i < end && isBlank(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i);
      let marker = -1;
      if (c === 62) marker = i;
      else if ((c === 45 || c === 42 || c === 43) && isBlank(text.charCodeAt(i + 1))) marker = i;
      else if (isDigit(c)) {
        let j = i;
        while (j < end && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
        const d = text.charCodeAt(j);
        if ((d === 46 || d === 41) && isBlank(text.charCodeAt(j + 1))) marker = j;
      }
      if (marker < 0) break;
      if (++depth > MAX_CONTAINER_DEPTH) rewrites.push([marker, marker + 1]);
      i = marker + 1;
    }
    if (rewrites.length) tamed.deepLines.push(line);
    const content = text.slice(i, Math.min(end, i + 3));
    if (fence) {
      if (text.startsWith(fence, i) && text.slice(i, end).trim().replaceAll(fence[0], '') === '') fence = undefined;
    } else if (content === '```' || content === '~~~') {
      let j = i;
      while (text.charCodeAt(j) === content.charCodeAt(0)) j++;
      fence = text.slice(i, j);
    } else if (end - start > MAX_INLINE_LINE) {
      tamed.longLines.push(line);
      rewrites.push([i, end]);
    }
    if (rewrites.length) {
      out ??= [];
      for (const [from, to] of rewrites) {
        out.push(
          text.slice(copied, from),
          text.slice(from, to).replace(to - from === 1 ? /[\s\S]/ : /[*_~]/g, (m) => LOOK_ALIKE[m] ?? m),
        );
        copied = to;
      }
    }
    start = end + 1;
  }
  if (!out) return { text };
  out.push(text.slice(copied));
  return { text: out.join(''), tamed };
}
