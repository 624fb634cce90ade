import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** Parses markdown into the mdast that remark-parse + remark-gfm produce, positions in UTF-16 offsets. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
