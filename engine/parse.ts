import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import type { Extension } from 'mdast-util-from-markdown';
import type { Nodes, Root, Text } from 'mdast';
import { tameShapes } from './shapes';

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

/** Nodes nested deeper than this keep their content as one text node: no walk of the tree goes deeper. */
export const MAX_TREE_DEPTH = 256;

/** Whether a text node in the tree matches `pattern`. */
function hasTextMatching(root: Root, pattern: RegExp): boolean {
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'text' && pattern.test(node.value)) return true;
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  return false;
}

/** Replaces the children of every node at MAX_TREE_DEPTH by one text node of their source. */
function capDepth(root: Root, text: string): void {
  const stack: [Nodes, number][] = [[root, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top;
    if (!('children' in node) || !node.children.length) continue;
    if (depth < MAX_TREE_DEPTH) {
      for (const child of node.children) stack.push([child as Nodes, depth + 1]);
      continue;
    }
    const start = node.children[0].position!.start;
    const end = node.children[node.children.length - 1].position!.end;
    const flat: Text = { type: 'text', value: text.slice(start.offset, end.offset), position: { start, end } };
    (node as { children: Nodes[] }).children = [flat];
  }
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
  // What micromark reads: the marks it skips are not in its offsets.
  const source = text.slice(boms);
  const root = processor.parse(tameShapes(boms ? text.slice(1) : text).text);
  capDepth(root, source);
  if (hasTextMatching(root, mayStartAutolinkLiteral)) scanAutolinkLiterals(root);
  // micromark counts offsets without the marks it skipped: count them back in.
  if (boms) shiftPastBoms(root, boms);
  return root;
}

function shiftPastBoms(root: Root, by: number): void {
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const p = node.position;
    if (p) {
      for (const point of [p.start, p.end]) {
        if (point.offset !== undefined) point.offset += by;
        if (point.line === 1) point.column += by;
      }
    }
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
}
