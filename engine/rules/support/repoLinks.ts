// Links to files of the repository: markdown links and images to relative paths anywhere outside
// code, reference definitions, and paths in code spans where a link is expected (the PRD Link
// field, the References section).
import type { SpecModel } from '../../model';
import type { RuleScope } from '../../rule';

export interface RepoLink {
  /** The path as written, without `#fragment` or `?query`. */
  path: string;
  /** Offsets of the path in the text. */
  start: number;
  end: number;
}

/** A path in a code span: `docs/prd/x.md`, `./a`, `../b/c.yaml`; one segment with a dot and no slash is no path. */
const CODE_PATH = /^(?:\.{1,2}\/)?[\w.@~-]+(?:\/[\w.@~-]+)*\/?$/;

/** Whether a code span's text names a repository path: it has a slash and a file name, or starts with ./ or ../. */
export function isPathText(text: string): boolean {
  return CODE_PATH.test(text) && (/^\.{1,2}\//.test(text) || (text.includes('/') && /\.\w+$/.test(text)));
}

/**
 * Whether a link target is a path into the repository, relative to the spec: no scheme, not
 * `#anchor`, not root-relative (the workspace root is not the engine's to know), and naming a file
 * (an extension) or starting with ./ or ../.
 */
export function isRelativeFileTarget(target: string): boolean {
  if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target) || /^[#/~\\]/.test(target) || target.startsWith('www.')) return false;
  const path = target.replace(/[#?].*$/, '');
  return path !== '' && (/^\.{1,2}\//.test(path) || /\.\w+$/.test(path));
}

const INLINE = /!?\[(?:[^[\]\n]|\[[^\]\n]*\])*\]\(\s*(<[^>\n]*>|[^\s)]+)/g;
const DEFINITION = /^ {0,3}(?:>\s*)*\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)/gm;
const CODE_SPAN = /`([^`\n]+)`/g;

/** The document's links to repository paths, in document order. */
export function repoLinks({ model, cache }: RuleScope): RepoLink[] {
  return cache.remember('repoLinks', model, [], () => findRepoLinks(model));
}

function findRepoLinks(model: SpecModel): RepoLink[] {
  const { text } = model;
  const blocks = model.codeBlocks.map((b) => b.span);
  const inCode = (at: number) => blocks.some((b) => b.start <= at && at < b.end);
  // Inside an inline code span of its line (an odd number of backticks before it).
  const inSpan = (at: number) => {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    let ticks = 0;
    for (let i = lineStart; i < at; i++) if (text.charCodeAt(i) === 96) ticks++;
    return ticks % 2 === 1;
  };
  const out: RepoLink[] = [];
  const add = (raw: string, at: number) => {
    const angled = raw.startsWith('<');
    const target = angled ? raw.slice(1, -1) : raw;
    if (!isRelativeFileTarget(target)) return;
    const path = target.replace(/[#?].*$/, '');
    const start = at + (angled ? 1 : 0);
    out.push({ path, start, end: start + path.length });
  };
  for (const re of [INLINE, DEFINITION]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const at = m.index + m[0].length - m[1].length;
      if (!inCode(m.index) && !inSpan(m.index)) add(m[1], at);
    }
  }
  // Code spans where a link is expected.
  const prd = model.header.prdLink;
  const references = model.sections.find((s) => s.key === 'references');
  const spans: [number, number][] = [];
  if (prd) spans.push([prd.valueSpan.start, prd.valueSpan.end]);
  if (references) spans.push([references.span.start, references.span.end]);
  for (const [from, to] of spans) {
    CODE_SPAN.lastIndex = 0;
    const slice = text.slice(from, to);
    for (let m = CODE_SPAN.exec(slice); m; m = CODE_SPAN.exec(slice)) {
      const at = from + m.index + 1;
      if (!inCode(at) && isPathText(m[1])) out.push({ path: m[1], start: at, end: at + m[1].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
