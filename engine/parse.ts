import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import type { Extension } from 'mdast-util-from-markdown';
import type { Nodes, Root } from 'mdast';

// GFM's autolink-literal transform walks every node with visitParents and every text node with four
// regexes: ~15% of a parse. Each regex needs `@`, `www` or `http` (ASCII, any case) in a text node's
// value, and most text has none (a task row's link is a link node, its URL no text), so the parser
// runs without it and the transform runs on the trees that have such text. It is GFM's only
// transform, so running it after the parse is running it last, as remark does.
const scanAutolinkLiterals = gfmAutolinkLiteralFromMarkdown().transforms![0];
const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(function withoutAutolinkScan() {
    const data = this.data();
    const drop = (ext: Extension): Extension => ({ ...ext, transforms: ext.transforms?.filter((t) => t !== scanAutolinkLiterals) });
    data.fromMarkdownExtensions = data.fromMarkdownExtensions?.map((ext) => (Array.isArray(ext) ? ext.map(drop) : drop(ext)));
  });
const mayStartAutolinkLiteral = /@|www|http/i;

function hasTextMatching(node: Nodes, pattern: RegExp): boolean {
  if (node.type === 'text') return pattern.test(node.value);
  return 'children' in node && node.children.some((child) => hasTextMatching(child, pattern));
}

/**
 * Byte order marks at the start of `text` that the parse skips: the one we drop, and one more that
 * micromark then drops at the start of what it is given. A third one is text.
 */
export function leadingBoms(text: string): number {
  if (text.charCodeAt(0) !== 0xfeff) return 0;
  return text.charCodeAt(1) === 0xfeff ? 2 : 1;
}

/** Parses markdown into the mdast that remark-parse + remark-gfm produce, positions in UTF-16 offsets of `text`. */
export function parseMarkdown(text: string): Root {
  const boms = leadingBoms(text);
  const root = processor.parse(boms ? text.slice(1) : text);
  if (hasTextMatching(root, mayStartAutolinkLiteral)) scanAutolinkLiterals(root);
  // micromark counts offsets without the marks it skipped: count them back in.
  if (boms) shiftPastBoms(root, boms);
  return root;
}

function shiftPastBoms(node: Nodes, by: number): void {
  const p = node.position;
  if (p) {
    for (const point of [p.start, p.end]) {
      if (point.offset !== undefined) point.offset += by;
      if (point.line === 1) point.column += by;
    }
  }
  if ('children' in node) for (const child of node.children) shiftPastBoms(child, by);
}
