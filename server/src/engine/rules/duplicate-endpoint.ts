import type { Endpoint } from '../model';
import type { Finding, Rule } from '../rule';
import { parseEndpoint } from './endpoint-heading-invalid';
import { headingTextRange, lineOf, memoByText } from './support/markdown';

/**
 * The route of a valid endpoint heading, undefined for an invalid one. `/users/{id}/`, `/users/:userId`
 * → `/users/{}`: parameter names and a trailing slash do not make a new route.
 */
const routeKey = memoByText((text): string | undefined => {
  const parsed = parseEndpoint(text);
  if (!parsed) return undefined;
  const p = parsed.path
    .replace(/[?#].*$/, '')
    .replace(/\{[^}/]*\}|:[A-Za-z_]\w*|<[^>/]*>/g, '{}')
    .replace(/(.)\/+$/, '$1');
  return `${parsed.method} ${p}`;
});

export const duplicateEndpoint: Rule = {
  code: 'TS802',
  name: 'duplicate-endpoint',
  defaultSeverity: 'warning',
  description: 'The same endpoint (method and path) is described twice.',
  check({ model }) {
    const first = new Map<string, Endpoint>();
    const findings: Finding[] = [];
    for (const e of model.endpoints) {
      const key = routeKey(e.text);
      if (key === undefined) continue;
      const original = first.get(key);
      if (!original) {
        first.set(key, e);
        continue;
      }
      const firstRange = headingTextRange(model, original.heading);
      const { method, path } = parseEndpoint(e.text)!;
      findings.push({
        range: headingTextRange(model, e.heading),
        message: `${method} ${path} is already described on line ${lineOf(firstRange)}: merge the two descriptions, or fix the method or path.`,
        related: [{ range: firstRange, message: `First description of ${original.text.trim()}` }],
      });
    }
    return findings;
  },
};
