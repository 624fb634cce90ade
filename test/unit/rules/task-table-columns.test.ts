import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnose, lines, only } from '../helpers';
import { brief, TASK_CODE } from './helpers';

const mine = (ds: Diagnostic[]) => ds.filter((d) => TASK_CODE.test(String(d.code)));

test('TS402: out-of-order columns, on the header row; the ticket column is optional', () => {
  const text = lines(
    '# Technical Spec: X',
    '',
    '## Task Breakdown',
    '',
    '| ID | Title | Dependencies | Est. Lines |',
    '|---|---|---|---|',
    '| T1 | a | None | ~50 |',
  );
  assert.deepEqual(brief(only(diagnose(text), 'task-table-columns')), [
    'TS402 [4,0,4,42] Task table: columns out of order (ID | Task | Dependencies | Est. Lines). Expected the columns ID | Task | Est. Lines | Dependencies | Jira.',
  ]);
});

test('TS402: the Jira column is optional; the other four are required', () => {
  const noJira = lines(
    '# Technical Spec: X',
    '',
    '## Task Breakdown',
    '',
    '| ID | Task | Est. Lines | Dependencies |',
    '|---|---|---|---|',
    '| T1 | a | ~50 | None |',
  );
  assert.deepEqual(brief(only(diagnose(noJira), 'task-table-columns')), []);
  const noDeps = lines('# Technical Spec: X', '', '## Task Breakdown', '', '| ID | Task | Est. Lines |', '|---|---|---|', '| T1 | a | ~50 |');
  assert.deepEqual(brief(only(diagnose(noDeps), 'task-table-columns')), [
    'TS402 [4,0,4,26] Task table: missing "Dependencies". Expected the columns ID | Task | Est. Lines | Dependencies | Jira.',
  ]);
});

test('TS402: column names match loosely, and extra columns are allowed', () => {
  const text = lines(
    '# Technical Spec: X',
    '',
    '## Task Breakdown',
    '',
    '| # | Summary | LOC | Depends on | Owner | Ticket |',
    '|---|---|---|---|---|---|',
    '| T1 | a | ~50 | None | Ana | J-1 |',
  );
  assert.deepEqual(brief(mine(diagnose(text))), []);
});
