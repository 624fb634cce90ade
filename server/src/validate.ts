// Checks the params of the requests the server answers, before any handler reads them: a malformed
// request gets InvalidParams with a message naming the method and the field, never an internal error.
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';

type Check = (value: unknown, at: string) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** LSP's uinteger: 0 to 2^31 - 1. */
const uinteger: Check = (v, at) =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0x7fffffff
    ? undefined
    : `${at} must be an integer from 0 to 2147483647, not ${JSON.stringify(v)}`;

const uri: Check = (v, at) =>
  typeof v === 'string' && /^[a-z][a-z0-9+.-]*:./i.test(v) ? undefined : `${at} must be a URI (like file:///spec.md), not ${JSON.stringify(v)}`;

const object =
  (fields: Record<string, Check>): Check =>
  (v, at) => {
    if (!isObject(v)) return `${at} must be an object, not ${JSON.stringify(v) ?? 'missing'}`;
    for (const [name, check] of Object.entries(fields)) {
      const problem = check(v[name], `${at}.${name}`);
      if (problem) return problem;
    }
    return undefined;
  };

const optional =
  (check: Check): Check =>
  (v, at) =>
    v === undefined || v === null ? undefined : check(v, at);

const boolean: Check = (v, at) => (typeof v === 'boolean' ? undefined : `${at} must be true or false, not ${JSON.stringify(v) ?? 'missing'}`);
const string: Check = (v, at) => (typeof v === 'string' ? undefined : `${at} must be a string, not ${JSON.stringify(v) ?? 'missing'}`);
const arrayOf =
  (item: Check): Check =>
  (v, at) => {
    if (!Array.isArray(v)) return `${at} must be an array, not ${JSON.stringify(v) ?? 'missing'}`;
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };

const position = object({ line: uinteger, character: uinteger });
const range: Check = (v, at) => {
  const problem = object({ start: position, end: position })(v, at);
  if (problem) return problem;
  const { start, end } = v as { start: { line: number; character: number }; end: { line: number; character: number } };
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? `${at}.start must not come after ${at}.end` : undefined;
};
const textDocument = object({ uri });
const diagnostic = object({ range, message: (v, at) => (typeof v === 'string' || isObject(v) ? undefined : `${at} must be a string or markup`) });

/** The params of each request the server checks, by method. */
export const PARAMS = {
  position: object({ textDocument, position }),
  references: object({ textDocument, position, context: object({ includeDeclaration: boolean }) }),
  rename: object({ textDocument, position, newName: string }),
  codeAction: object({ textDocument, range, context: object({ diagnostics: arrayOf(diagnostic), only: optional(arrayOf(string)) }) }),
  uri: object({ uri }),
  optionalUri: object({ uri: optional(uri) }),
  textDocument: object({ textDocument }),
  rangeFormatting: object({ textDocument, range }),
  uriPosition: object({ uri, position }),
} satisfies Record<string, Check>;

/** The handler, called only with params that pass `check`; others get InvalidParams naming `method` and the field. */
export function validated<P, R>(method: string, check: Check, handler: (params: P) => R): (params: P) => R {
  return (params) => {
    const problem = check(params, 'params');
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, `${method}: ${problem}`);
    return handler(params);
  };
}
