import type { Endpoint, SpecModel } from '../model';
import type { Finding, Rule } from '../rule';
import { HTTP_METHODS } from '../template';
import { closest, headingTextRange, orList } from './support/markdown';
import { endpointRoutes } from './support/endpoints';

/** Headings under API Design that try to name an endpoint (others, like "#### Pagination", are prose). */
function meantAsEndpoint(model: SpecModel, e: Endpoint): boolean {
  const source = model.text.slice(e.heading.start, e.heading.end).replace(/^[ \t]*#+[ \t]*/, '');
  const first = /^\S+/.exec(e.text.trim())?.[0] ?? '';
  return source.startsWith('`') || /(^|\s)\//.test(e.text) || (HTTP_METHODS as readonly string[]).includes(first.toUpperCase());
}

function problem(text: string): string {
  const words = text.trim().split(/\s+/);
  const [first = ''] = words;
  const pathWord = words.find((w) => w.startsWith('/'));
  const path = pathWord ?? `/${words.slice(1).join('/') || 'resource'}`.replace(/\/+/g, '/');
  const upper = first.toUpperCase();
  if ((HTTP_METHODS as readonly string[]).includes(upper)) {
    if (upper !== first) return `write the HTTP method in capitals: "${upper} ${path}".`;
    if (pathWord && words[1] === pathWord) {
      const note = words.slice(2).join(' ');
      return `put the words after the path in parentheses or after a dash: "${upper} ${pathWord} (${note})".`;
    }
    return `it has no path starting with /: write it as METHOD /path, like "${upper} ${path}".`;
  }
  const suggestion = first.startsWith('/') ? undefined : closest(first, HTTP_METHODS);
  const like = `${suggestion ?? 'GET'} ${pathWord ?? (first.startsWith('/') ? first : path)}`;
  const notMethod = first.startsWith('/') ? 'it has no HTTP method' : `"${first}" is not an HTTP method`;
  return `${notMethod}: write METHOD /path with one of ${orList(HTTP_METHODS)}, like "${like}".`;
}

export const endpointHeadingInvalid: Rule = {
  code: 'TS801',
  name: 'endpoint-heading-invalid',
  defaultSeverity: 'warning',
  description: 'An endpoint heading under API Design is not METHOD /path with a real HTTP method.',
  help: 'Write the heading as METHOD /path with a real HTTP method, like `POST /api/v1/items`.',
  check(ctx) {
    const { model } = ctx;
    const findings: Finding[] = [];
    const routes = endpointRoutes(ctx);
    for (let i = 0; i < routes.length; i++) {
      const e = model.endpoints[i];
      if (routes[i] !== undefined || !meantAsEndpoint(model, e)) continue;
      findings.push({ range: headingTextRange(model, e.heading), message: `Endpoint heading "${e.text.trim()}": ${problem(e.text)}` });
    }
    return findings;
  },
};
