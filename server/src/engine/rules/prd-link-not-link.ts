import type { Nodes } from 'mdast';
import type { Span } from '../model';
import type { Rule } from '../rule';
import { isPlaceholder, trimmedRange } from './support/markdown';

/** True when a link (inline, reference or autolink, with a destination) lies inside the span. */
function hasLink(node: Nodes, span: Span): boolean {
  const p = node.position;
  if (p?.start.offset !== undefined && p.end.offset !== undefined) {
    if (p.end.offset <= span.start || p.start.offset >= span.end) return false;
    const inside = p.start.offset >= span.start && p.end.offset <= span.end;
    if (inside && node.type === 'link' && node.url.trim() !== '') return true;
    if (inside && node.type === 'linkReference') return true;
  }
  return 'children' in node && node.children.some((c) => hasLink(c as Nodes, span));
}

export const prdLinkNotLink: Rule = {
  code: 'TS204',
  name: 'prd-link-not-link',
  defaultSeverity: 'warning',
  description: 'PRD Link is not a markdown link or URL.',
  check({ model }) {
    const field = model.header.prdLink;
    if (!field || isPlaceholder(model, field.valueSpan)) return [];
    if (field.value === '') {
      return [{ range: trimmedRange(model, field.lineSpan), message: 'PRD Link is empty: paste the PRD\'s URL or a markdown link like [PRD](https://…).' }];
    }
    if (hasLink(model.root, field.valueSpan)) return [];
    return [{ range: field.valueSpan.range, message: `PRD Link "${field.value}" is not a link: write the PRD's URL or a markdown link like [PRD](https://…).` }];
  },
};
