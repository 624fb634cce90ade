import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { at, diagnose, only, taskSpec } from '../helpers';

/** `code [line, char, endLine, endChar] message` of each diagnostic, for whole-result assertions. */
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${JSON.stringify(at(d))} ${d.message}`);

/** A spec whose Task Breakdown table (header on line 4) has these rows, from line 6 on; no graph. */
const spec = (...rows: string[]) => taskSpec('Tasks', rows);

const R1 = '| T1 | Migrate | ~50 | None | J-1 |';

const R2 = '| T2 | Repo | ~150 | T1 | J-2 |';

test('TS407: a self-dependency, on the token, with its fix', () => {
  const ds = only(diagnose(spec(R1, R2, '| T3 | Service | ~200 | T2, T1,T3 | J-3 |')), 'TS407');
  assert.deepEqual(brief(ds), ['TS407 [8,31,8,33] Task T3 depends on itself. Remove "T3" from its dependencies.']);
  assert.deepEqual(ds[0].data, { rule: 'self-dependency', fix: { kind: 'removeDependency' } });
});
