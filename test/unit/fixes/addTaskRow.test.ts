import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines, SPEC_URI } from '../helpers';
import { actionsFor, applyAction, code, NO_SECTIONS, r, SPEC, titles } from './helpers';

test('unknown dependency with no close ID: add a row for it after the last task, one cell per column', () => {
  const text = SPEC.replace('T2, T12', 'T2, T42');
  const { actions } = actionsFor(text, code('TS406'), NO_SECTIONS);
  assert.deepEqual(titles(actions), [['Add a row for task T42', true]]);
  assert.deepEqual(actions[0].edit!.changes![SPEC_URI], [{ range: r(15, 39, 15, 39), newText: '\n| T42 |  | ~ | None |  |' }]);
  assert.equal(applyAction(text, actions[0]).split('\n').slice(15, 18).join('\n'), '| T3 | Service | ~200 | T2, T42 | B-3 |\n| T42 |  | ~ | None |  |\n');
});

test('add a task row: a table with four columns, CRLF', () => {
  const text = lines('## Task Breakdown', '', '| ID | Task | Dependencies | Jira |', '|--|--|--|--|', '| T1 | A | T4 | X |').replace(/\n/g, '\r\n');
  const { actions, context } = actionsFor(text, code('TS406'), NO_SECTIONS);
  assert.deepEqual(context[0].range, r(4, 11, 4, 13));
  const a = actions.find((x) => x.title === 'Add a row for task T4')!;
  assert.equal(
    applyAction(text, a),
    '## Task Breakdown\r\n\r\n| ID | Task | Dependencies | Jira |\r\n|--|--|--|--|\r\n| T1 | A | T4 | X |\r\n| T4 |  | None |  |\r\n',
  );
});
