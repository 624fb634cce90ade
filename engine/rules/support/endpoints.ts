import type { RuleScope } from '../../rule';
import { HTTP_METHODS } from '../../template';

/** `METHOD /path`, optionally followed by a separated note: `GET /users (paginated)`, `GET /users - list`, `GET /users: list`. */
const ENDPOINT = /^(\S+)\s+(\/\S*?)(?::(?:\s.*)?|\s+[-–—(].*)?$/;

export interface ParsedEndpoint {
  method: string;
  path: string;
}

function parse(text: string): ParsedEndpoint | undefined {
  const m = ENDPOINT.exec(text.trim());
  if (!m || !(HTTP_METHODS as readonly string[]).includes(m[1])) return undefined;
  return { method: m[1], path: m[2] };
}

/** The endpoint's method and path when its heading is a valid `METHOD /path`. The result is shared: do not change it. */
export function parseEndpoint({ cache }: RuleScope, text: string): ParsedEndpoint | undefined {
  return cache.byText(parse, text);
}

/**
 * The route of a valid endpoint heading, undefined for an invalid one. `/users/{id}/`, `/users/:userId`
 * → `/users/{}`: parameter names and a trailing slash do not make a new route.
 */
function routeOf(text: string): string | undefined {
  const parsed = parse(text);
  if (!parsed) return undefined;
  const p = parsed.path
    .replace(/[?#].*$/, '')
    .replace(/\{[^}/]*\}|:[A-Za-z_]\w*|<[^>/]*>/g, '{}')
    .replace(/(.)\/+$/, '$1');
  return `${parsed.method} ${p}`;
}

/** Per endpoint of the model: its route, undefined when its heading is no valid `METHOD /path`. */
export function endpointRoutes(scope: RuleScope): (string | undefined)[] {
  const { model, cache } = scope;
  return cache.remember('endpointRoutes', model, [], () => model.endpoints.map((e) => cache.byText(routeOf, e.text)));
}
