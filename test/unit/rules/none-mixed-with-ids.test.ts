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

test('TS408: None together with IDs, on the None', () => {
  assert.deepEqual(brief(only(diagnose(spec(R1, R2, '| T3 | API | ~10 | None, T2 | J-3 |')), 'TS408')), [
    'TS408 [8,19,8,23] "None" next to task IDs (T2): remove "None", or the IDs if the task has no dependencies.',
  ]);
});
