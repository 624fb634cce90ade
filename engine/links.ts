// Document links VS Code's markdown support cannot know: ticket keys in the task table (through a
// URL template) and a PRD Link that is a relative path, resolved against the document's folder.
import type { DocumentLink } from 'vscode-languageserver-types';
import type { SpecModel } from './model';
import { isLinkedCell, TICKET_KEY, ticketTokensOf } from './rules/support/tickets';

export interface LinkOptions {
  /** `https://jira.example.com/browse/{key}`: where a ticket key leads. No template, no ticket links. */
  ticketUrl?: string;
}

/** Why a ticketUrl cannot be used, or undefined when it can. */
export function ticketUrlProblem(ticketUrl: string): string | undefined {
  if (!ticketUrl.includes('{key}')) return `techspec.ticketUrl must contain {key}, like https://jira.example.com/browse/{key}; ticket keys are not linked.`;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(ticketUrl))
    return `techspec.ticketUrl must be a URL with a scheme, like https://jira.example.com/browse/{key}; ticket keys are not linked.`;
  return undefined;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const HIERARCHICAL = /^[a-z][a-z0-9+.-]*:\/\//i;
/** `[text](dest "title")`, `[text](<dest>)`, a bare path or a code span: the destination's offset and text. */
const DESTINATION = [/^\[[^\]]*\]\(\s*<([^>\n]+)>/, /^\[[^\]]*\]\(\s*([^\s)]+)/, /^`([^`\s]+)`$/, /^([^\s[\]()<>`]+)$/];

/** The PRD Link's destination when it is a relative path: its offset in the document and the resolved URI. */
function prdLink(model: SpecModel, uri: string): DocumentLink | undefined {
  const field = model.header.prdLink;
  // An untitled document has no folder: a relative path leads nowhere.
  if (!field || !HIERARCHICAL.test(uri)) return undefined;
  const value = field.valueSpan.source;
  for (const pattern of DESTINATION) {
    const m = pattern.exec(value);
    if (!m) continue;
    const dest = m[1];
    if (SCHEME.test(dest) || dest.startsWith('/') || dest.startsWith('#')) return undefined;
    const path = dest.replace(/[#?].*$/, '');
    if (!path) return undefined;
    let target: string;
    try {
      target = new URL(path, uri).href;
    } catch {
      return undefined;
    }
    const start = field.valueSpan.start + m.index + m[0].lastIndexOf(dest);
    return { range: model.lines.range(start, start + dest.length), target, tooltip: 'Open the PRD' };
  }
  return undefined;
}

export function getDocumentLinks(model: SpecModel, uri: string, options: LinkOptions = {}): DocumentLink[] {
  const links: DocumentLink[] = [];
  const prd = prdLink(model, uri);
  if (prd) links.push(prd);
  const template = options.ticketUrl;
  if (template && !ticketUrlProblem(template)) {
    for (const task of model.taskTable?.tasks ?? []) {
      // A cell that is a link already goes where its author said.
      if (!task.jira || isLinkedCell(task.jira)) continue;
      for (const t of ticketTokensOf(model, task)) {
        if (t.exact && TICKET_KEY.test(t.text))
          links.push({ range: t.range, target: template.replaceAll('{key}', encodeURIComponent(t.text)), tooltip: `Open ${t.text}` });
      }
    }
  }
  return links;
}
