import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { at, diagnose, only, taskSpec } from '../helpers';

/** `code [line, char, endLine, endChar] message` of each diagnostic, for whole-result assertions. */
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${JSON.stringify(at(d))} ${d.message}`);

/** A spec whose Task Breakdown table (header on line 4) has these rows, from line 6 on; no graph. */
const spec = (...rows: string[]) => taskSpec('Tasks', rows);

const R1 = '| T1 | Migrate | ~50 | None | J-1 |';

test('TS405: an empty ID, an empty title, an empty row', () => {
  const text = spec(R1, '|  | No ID | ~10 | T1 | |', '| T3 |   | ~10 | T1 | |', '|  |  |  |  |  |');
  assert.deepEqual(brief(only(diagnose(text), 'TS405')), [
    'TS405 [7,1,7,3] Task "No ID" has no ID. Give it the next free ID.',
    'TS405 [8,6,8,9] Task T3 has no title. Say what the task does.',
    'TS405 [9,0,9,16] Empty task row: fill in its ID and title, or delete it.',
  ]);
});
