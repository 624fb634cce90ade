// JSON as documentation writes it: `...` or `…` where items or a value are left out, and `//` or
// `/* */` comments. The text is rewritten to the same length, offsets kept, so that what is left
// parses strictly and a real error is still reported where it is.

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * The example with its elisions made JSON: one in value position (after `:`) becomes `0`, one in
 * item or member position is blanked with the comma that joined it to its neighbour. Comments are
 * left for the parser (which is told to allow them).
 */
export function elideExample(value: string): string {
  const out = value.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (!isSpace(out[k])) out[k] = ' ';
  };
  // The last character of JSON (not blank, not in a comment, not blanked) before the cursor: -1 for none.
  let prev = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"') {
      for (i++; i < value.length && value[i] !== '"' && value[i] !== '\n'; i++) if (value[i] === '\\') i++;
      prev = i;
      continue;
    }
    if (c === '/' && value[i + 1] === '/') {
      while (i < value.length && value[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && value[i + 1] === '*') {
      const close = value.indexOf('*/', i + 2);
      if (close < 0) break;
      i = close + 1;
      continue;
    }
    const length = value.startsWith('...', i) ? 3 : c === '…' ? 1 : 0;
    if (!length) {
      if (!isSpace(c)) prev = i;
      continue;
    }
    const end = i + length;
    if (out[prev] === ':') {
      out[i] = '0';
      blank(i + 1, end);
      prev = i;
    } else {
      blank(i, end);
      let next = end;
      while (next < value.length && isSpace(value[next])) next++;
      if (value[next] === ',') {
        blank(next, next + 1);
        i = next;
        continue;
      }
      if (out[prev] === ',') blank(prev, prev + 1);
    }
    i = end - 1;
  }
  return out.join('');
}
