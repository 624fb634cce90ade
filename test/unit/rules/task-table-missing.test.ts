import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnose, lines } from '../helpers';
import { brief, TASK_CODE } from './helpers';

const mine = (ds: Diagnostic[]) => ds.filter((d) => TASK_CODE.test(String(d.code)));

test('TS401: a Task Breakdown section without a table, on its heading', () => {
  const text = lines(
    '# Technical Spec: X',
    '',
    '## Task Breakdown',
    '',
    'We will split this later.',
    '',
    '## Overview',
    '',
    '| ID | Task |',
    '|----|------|',
    '| T1 | a |',
  );
  assert.deepEqual(brief(mine(diagnose(text))), [
    'TS401 [2,0,2,17] Task Breakdown has no task table. Add one with the columns ID | Task | Est. Lines | Dependencies | Jira.',
  ]);
  assert.deepEqual(mine(diagnose(lines('# Technical Spec: X', '', '## Overview', '', 'Text.'))), []);
});
