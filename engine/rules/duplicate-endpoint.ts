import type { Finding, Rule } from '../rule';
import { endpointRoutes, parseEndpoint } from './support/endpoints';
import { headingTextRange, lineOf } from './support/markdown';

/** Pairs (endpoint index, index of the first endpoint with its route) for each repeated route. */
function repeats(routes: readonly (string | undefined)[]): number[] {
  const first = new Map<string, number>();
  const found: number[] = [];
  routes.forEach((key, i) => {
    if (key === undefined) return;
    const original = first.get(key);
    if (original === undefined) first.set(key, i);
    else found.push(i, original);
  });
  return found;
}

export const duplicateEndpoint: Rule = {
  code: 'TS802',
  name: 'duplicate-endpoint',
  defaultSeverity: 'warning',
  description: 'The same endpoint (method and path) is described twice.',
  help: 'Describe each endpoint once: merge the two descriptions.',
  check(ctx) {
    const { model } = ctx;
    const findings: Finding[] = [];
    const pairs = repeats(endpointRoutes(ctx));
    for (let k = 0; k < pairs.length; k += 2) {
      const e = model.endpoints[pairs[k]];
      const original = model.endpoints[pairs[k + 1]];
      const firstRange = headingTextRange(model, original.heading);
      const { method, path } = parseEndpoint(ctx, e.text)!;
      findings.push({
        range: headingTextRange(model, e.heading),
        message: `${method} ${path} is already described on line ${lineOf(firstRange)}: merge the two descriptions, or fix the method or path.`,
        related: [{ range: firstRange, message: `First description of ${original.text.trim()}` }],
      });
    }
    return findings;
  },
};
