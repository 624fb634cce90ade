import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Nodes, Root } from 'mdast';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** Parses markdown into the mdast that remark-parse + remark-gfm produce, positions in UTF-16 offsets of `text`. */
export function parseMarkdown(text: string): Root {
  if (text.charCodeAt(0) !== 0xfeff) return processor.parse(text);
  // micromark drops a byte order mark and counts offsets without it: count it back in.
  const root = processor.parse(text.slice(1));
  shiftPastBom(root);
  return root;
}

function shiftPastBom(node: Nodes): void {
  const p = node.position;
  if (p) {
    for (const point of [p.start, p.end]) {
      if (point.offset !== undefined) point.offset++;
      if (point.line === 1) point.column++;
    }
  }
  if ('children' in node) for (const child of node.children) shiftPastBom(child);
}
