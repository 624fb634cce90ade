import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SPEC_URI } from '../helpers';
import { actionsFor, applyAction, code, NO_SECTIONS, r, SPEC, titles } from './helpers';

// ---- dependencies ----

test('unknown dependency: replace with the suggestion (preferred), or remove it', () => {
  const { actions, context } = actionsFor(SPEC, code('TS406'), NO_SECTIONS);
  assert.deepEqual(titles(actions), [
    ['Replace T12 with T1', true],
    ['Remove T12 from the dependencies of T3', false],
  ]);
  assert.equal(actions[0].kind, 'quickfix');
  assert.deepEqual(actions[0].diagnostics, context);
  assert.deepEqual(actions[0].edit!.changes![SPEC_URI], [{ range: r(15, 28, 15, 31), newText: 'T1' }]);
  assert.equal(applyAction(SPEC, actions[0]).split('\n')[15], '| T3 | Service | ~200 | T2, T1 | B-3 |');
  assert.equal(applyAction(SPEC, actions[1]).split('\n')[15], '| T3 | Service | ~200 | T2 | B-3 |');
});
