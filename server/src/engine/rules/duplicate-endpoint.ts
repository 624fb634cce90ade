import type { Endpoint } from '../model';
import type { Finding, Rule } from '../rule';
import { parseEndpoint } from './endpoint-heading-invalid';
import { headingTextRange, lineOf } from './support/markdown';

/** `/users/{id}/`, `/users/:userId` → `/users/{}`: parameter names and a trailing slash do not make a new route. */
function routeKey(method: string, path: string): string {
  const p = path
    .replace(/[?#].*$/, '')
    .replace(/\{[^}/]*\}|:[A-Za-z_]\w*|<[^>/]*>/g, '{}')
    .replace(/(.)\/+$/, '$1');
  return `${method} ${p}`;
}

export const duplicateEndpoint: Rule = {
  code: 'TS802',
  name: 'duplicate-endpoint',
  defaultSeverity: 'warning',
  description: 'The same endpoint (method and path) is described twice.',
  check({ model }) {
    const first = new Map<string, Endpoint>();
    const findings: Finding[] = [];
    for (const e of model.endpoints) {
      const parsed = parseEndpoint(e.text);
      if (!parsed) continue;
      const key = routeKey(parsed.method, parsed.path);
      const original = first.get(key);
      if (!original) {
        first.set(key, e);
        continue;
      }
      const firstRange = headingTextRange(model, original.heading);
      findings.push({
        range: headingTextRange(model, e.heading),
        message: `${parsed.method} ${parsed.path} is already described on line ${lineOf(firstRange)}: merge the two descriptions, or fix the method or path.`,
        related: [{ range: firstRange, message: `First description of ${original.text.trim()}` }],
      });
    }
    return findings;
  },
};
