import type { SpecModel } from '../../model';
import { HTTP_METHODS } from '../../template';
import { memoByText } from './markdown';

/** `METHOD /path`, optionally followed by a separated note: `GET /users (paginated)`, `GET /users - list`, `GET /users: list`. */
const ENDPOINT = /^(\S+)\s+(\/\S*?)(?::(?:\s.*)?|\s+[-–—(].*)?$/;

export interface ParsedEndpoint {
  method: string;
  path: string;
}

/** The endpoint's method and path when its heading is a valid `METHOD /path`. The result is shared: do not change it. */
export const parseEndpoint = memoByText((text): ParsedEndpoint | undefined => {
  const m = ENDPOINT.exec(text.trim());
  if (!m || !(HTTP_METHODS as readonly string[]).includes(m[1])) return undefined;
  return { method: m[1], path: m[2] };
});

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

const routesOf = new WeakMap<SpecModel, (string | undefined)[]>();

/** Per endpoint of the model: its route, undefined when its heading is no valid `METHOD /path`. */
export function endpointRoutes(model: SpecModel): (string | undefined)[] {
  let routes = routesOf.get(model);
  if (!routes) routesOf.set(model, (routes = model.endpoints.map((e) => routeKey(e.text))));
  return routes;
}
