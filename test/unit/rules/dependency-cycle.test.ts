import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { at, diagnose, only, taskSpec } from '../helpers';

/** `code [line, char, endLine, endChar] message` of each diagnostic, for whole-result assertions. */
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${JSON.stringify(at(d))} ${d.message}`);

const related = (d: Diagnostic) => d.relatedInformation?.map((r) => [r.location.range.start.line, r.location.range.start.character, r.location.range.end.line, r.location.range.end.character, r.message]);

/** A spec whose Task Breakdown table (header on line 4) has these rows, from line 6 on; no graph. */
const spec = (...rows: string[]) => taskSpec('Tasks', rows);

test('TS409: a cycle once, on every member row, its path in the message, related to each member', () => {
  const text = spec(
    '| T6 | a | ~10 | None | |',
    '| T7 | b | ~10 | T6, T8 | |',
    '| T8 | c | ~10 | T9 | |',
    '| T9 | d | ~10 | T7 | |',
    '| T10 | e | ~10 | T9 | |',
  );
  const ds = only(diagnose(text), 'TS409');
  const message = 'Dependency cycle: T7 → T9 → T8 → T7. None of these tasks can start; remove one of the dependencies.';
  assert.deepEqual(brief(ds), [`TS409 [7,2,7,4] ${message}`, `TS409 [8,2,8,4] ${message}`, `TS409 [9,2,9,4] ${message}`]);
  for (const d of ds) {
    assert.deepEqual(related(d), [[7, 2, 7, 4, 'T7 depends on T8'], [9, 2, 9, 4, 'T9 depends on T7'], [8, 2, 8, 4, 'T8 depends on T9']]);
  }
});

test('TS409: two separate cycles, each reported on its own members; a self-dependency is no cycle', () => {
  const text = spec('| T1 | a | ~10 | T2 | |', '| T2 | b | ~10 | T1 | |', '| T3 | c | ~10 | T3, T4 | |', '| T4 | d | ~10 | T3 | |');
  assert.deepEqual(only(diagnose(text), 'TS409').map((d) => `${at(d)[0]} ${String(d.message).split('.')[0]}`), [
    '6 Dependency cycle: T1 → T2 → T1',
    '7 Dependency cycle: T1 → T2 → T1',
    '8 Dependency cycle: T3 → T4 → T3',
    '9 Dependency cycle: T3 → T4 → T3',
  ]);
});
