// Units: the stretches of text between safe top-level boundaries, each parsed and cached alone.
import type { RootContent } from 'mdast';
import type { Unit } from './unitTypes';
import { leadingBoms } from '../parse';

export const isBlankLine = (text: string, start: number, end: number): boolean => {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
};

let crText = '';
let crFree = false;

/** End of the line starting at `start`, before its line break. */
export function lineEnd(text: string, start: number): number {
  if (text !== crText) {
    crText = text;
    crFree = !text.includes('\r');
  }
  if (crFree) {
    const i = text.indexOf('\n', start);
    return i < 0 ? text.length : i;
  }
  let i = start;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
    i++;
  }
  return n;
}

/** Start of the next line after a line ending at `end`. */
export function nextLine(text: string, end: number): number {
  if (end >= text.length) return text.length;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

/** Can a unit start at this line (given that the line before it is blank)? */
function opensUnit(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  const c = text.charCodeAt(start);
  if (c === 32 || c === 9) return false;
  if (c === 45 || c === 42 || c === 43) {
    // -, *, + followed by whitespace or the end of the line: a list item.
    const d = start + 1 < end ? text.charCodeAt(start + 1) : -1;
    return !(d === -1 || d === 32 || d === 9);
  }
  if (c >= 48 && c <= 57) {
    let i = start;
    while (i < end && i - start < 10 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    const m = text.charCodeAt(i);
    if (i < end && (m === 46 || m === 41)) {
      const d = i + 1 < end ? text.charCodeAt(i + 1) : -1;
      return !(d === -1 || d === 32 || d === 9);
    }
  }
  return true;
}

/**
 * End offset of front matter that units must not cut, or 0; at or after the real end. The first line
 * that is exactly `---` closes it. Front matter that never closes changes how the rest of the document
 * parses (remark-frontmatter then reads no list anywhere), so nothing is cut at all.
 */
export function frontMatterEnd(text: string): number {
  const from = leadingBoms(text);
  if (!text.startsWith('---', from)) return 0;
  let pos = nextLine(text, lineEnd(text, from));
  while (pos < text.length) {
    const e = lineEnd(text, pos);
    if (e - pos === 3 && text.startsWith('---', pos)) return nextLine(text, e);
    pos = nextLine(text, e);
  }
  return text.length;
}

/** Splits [from, to) into units; `from` is a unit start on 0-based line `line`. */
export function split(text: string, from: number, to: number, line: number, fmEnd: number): Unit[] {
  const units: Unit[] = [];
  let start = from;
  let startLine = line;
  let prevBlank = false;
  let pos = from;
  let ln = line;
  while (pos < to) {
    const e = lineEnd(text, pos);
    const blank = isBlankLine(text, pos, e);
    if (pos > start && prevBlank && !blank && pos >= fmEnd && opensUnit(text, pos, e)) {
      units.push({ start, end: pos, line: startLine });
      start = pos;
      startLine = ln;
    }
    prevBlank = blank;
    pos = nextLine(text, e);
    ln++;
  }
  units.push({ start, end: to, line: startLine });
  return units;
}

/** Is `pos` a unit boundary of `text` (or its start or end)? */
export function isBoundary(text: string, pos: number, fmEnd: number): boolean {
  if (pos <= 0 || pos >= text.length) return true;
  const before = text.charCodeAt(pos - 1);
  if (before !== 10 && !(before === 13 && text.charCodeAt(pos) !== 10)) return false;
  if (pos < fmEnd) return false;
  let prevStart = pos - 1;
  if (before === 10 && text.charCodeAt(prevStart - 1) === 13) prevStart--;
  const prevEnd = prevStart;
  while (prevStart > 0) {
    const c = text.charCodeAt(prevStart - 1);
    if (c === 10 || c === 13) break;
    prevStart--;
  }
  return isBlankLine(text, prevStart, prevEnd) && opensUnit(text, pos, lineEnd(text, pos));
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const HTML_RAW = /^ {0,3}<(?:(script|pre|style|textarea)(?=[\s>]|$)|(!--)|(\?)|(![A-Za-z])|(!\[CDATA\[))/i;

/** Does this top-level node run to the end of the parsed text because it was never closed? */
export function maybeUnclosed(node: RootContent, source: string): boolean {
  if (node.type === 'code') {
    const f = FENCE_OPEN.exec(source);
    if (!f) return false;
    const lines = source.split(/\r\n|\r|\n/);
    if (lines.length < 2) return true;
    const last = lines[lines.length - 1].trim();
    return !(last.length >= f[1].length && [...last].every((c) => c === f[1][0]));
  }
  if (node.type === 'html') {
    const m = HTML_RAW.exec(source);
    if (!m) return false;
    const rest = source.slice(m[0].length);
    if (m[1]) return !/<\/(script|pre|style|textarea)>/i.test(rest);
    if (m[2]) return !source.slice(source.indexOf('<!--') + 2).includes('-->');
    if (m[3]) return !rest.includes('?>');
    if (m[4]) return !rest.includes('>');
    return !rest.includes(']]>');
  }
  return false;
}

export function collectDefs(nodes: RootContent[], out: string[]): void {
  for (const n of nodes) {
    if (n.type === 'definition') out.push('L:' + n.identifier);
    else if (n.type === 'footnoteDefinition') out.push('F:' + n.identifier);
    if ('children' in n) collectDefs(n.children as RootContent[], out);
  }
}

export function defsText(defs: string[]): string {
  return defs.map((d) => (d[0] === 'F' ? `[^${d.slice(2)}]: x\n\n` : `[${d.slice(2)}]: x\n\n`)).join('');
}
