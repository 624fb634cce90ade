// The header under the title (`**Status**: Draft` lines) and the front matter.
import type { Nodes, Root } from 'mdast';
import type { SpecModel } from './types';
import type { ModelHost } from './host';
import { headerKeyOf } from '../template/lookup';

export function readFrontMatter(yaml: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of yaml.split(/\r?\n/)) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (m) out[m[1].toLowerCase()] = m[2].replace(/^["']|["']$/g, '');
  }
  return out;
}

/** Header fields: `**Key**: value` lines (in a blockquote or not) between the title and the first level-2 heading. */
export function readHeader(model: SpecModel, root: Root, host: ModelHost): void {
  const firstSection = model.sections[0]?.heading.start ?? model.text.length;
  const from = model.title ? model.title.span.end : 0;
  const { lines } = model;
  const firstLine = lines.positionAt(from).line + (model.title ? 1 : 0);
  const lastLine = lines.positionAt(firstSection).line;
  let lastFieldEnd: number | undefined;
  for (let line = firstLine; line < lastLine && line < lines.lineCount; line++) {
    const lineText = lines.lineText(line);
    const m = /^(\s*(?:>\s*)?)\*\*([^*]+?)(:?)\*\*(:?)[ \t]*(.*?)\s*$/.exec(lineText);
    if (!m) continue;
    const key = headerKeyOf(model.schema, m[2]);
    if (!key || model.header[key]) continue;
    const lineStart = lines.lineStarts[line];
    const valueOffset = lineStart + lineText.trimEnd().length - m[5].length;
    const valueEnd = valueOffset + m[5].length;
    model.header[key] = {
      key,
      label: m[2].trim(),
      value: m[5],
      valueSpan: host.span(valueOffset, valueEnd),
      lineSpan: host.span(lineStart, lineStart + lineText.length),
      linked: hasLink(root, valueOffset, valueEnd, host),
    };
    lastFieldEnd = lineStart + lineText.length;
  }
  const anchor = lastFieldEnd ?? model.title?.span.end;
  if (anchor !== undefined) model.headerAnchor = host.span(anchor, anchor);
}

/** True when a link (inline, reference or autolink, with a destination) lies inside [start, end). */
function hasLink(node: Nodes, start: number, end: number, host: ModelHost): boolean {
  host.settle(node);
  const p = node.position;
  if (p?.start.offset !== undefined && p.end.offset !== undefined) {
    if (p.end.offset <= start || p.start.offset >= end) return false;
    const inside = p.start.offset >= start && p.end.offset <= end;
    if (inside && node.type === 'link' && node.url.trim() !== '') return true;
    if (inside && node.type === 'linkReference') return true;
  }
  if (!('children' in node)) return false;
  for (const child of node.children as Nodes[]) {
    // Children come in document order: none after one that starts past the end.
    host.settle(child);
    if ((child.position?.start.offset ?? 0) >= end) return false;
    if (hasLink(child, start, end, host)) return true;
  }
  return false;
}
