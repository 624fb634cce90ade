import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines } from '../helpers';
import { actionsFor, applyAction, code, NO_SECTIONS, titles } from './helpers';

test('self-dependency: removed with its separator; a sole one becomes None', () => {
  const cases: [string, string][] = [
    ['T1, T2', 'T1'],
    ['T2, T1', 'T1'],
    ['T1,T2,T3', 'T1,T3'],
    ['T2', 'None'],
    ['`T2`', 'None'],
    ['T1 T2', 'T1'],
  ];
  for (const [cell, expected] of cases) {
    const text = lines(
      '## Task Breakdown',
      '',
      '| ID | Task | Est. Lines | Dependencies | Jira |',
      '|--|--|--|--|--|',
      '| T1 | A | ~1 | None | |',
      '| T3 | C | ~1 | None | |',
      `| T2 | B | ~1 | ${cell} | |`,
    );
    const { actions } = actionsFor(text, code('TS407'), NO_SECTIONS);
    assert.deepEqual(titles(actions), [['Remove T2 from the dependencies of T2', true]], cell);
    assert.equal(applyAction(text, actions[0]).split('\n')[6], `| T2 | B | ~1 | ${expected} | |`, cell);
  }
});
