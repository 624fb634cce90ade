import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, only } from '../helpers';
import { actionsFor, applyAction, code } from '../fixes/helpers';
import { brief, R1, tasksSpec } from './helpers';

test('TS414: a right-to-left override in an ID, on the cell, with a fix that removes it', () => {
  const text = tasksSpec(R1, '| T\u202E2 | Repo | ~150 | T1 | J-2 |');
  const ds = only(diagnose(text), 'TS414');
  assert.deepEqual(brief(ds), [
    'TS414 [7,2,7,5] The ID of task T2 holds an invisible character (U+202E RIGHT-TO-LEFT OVERRIDE): it may read as something else. Remove it.',
  ]);
  assert.deepEqual(ds[0].data, { rule: 'invisible-character' });
  const { actions } = actionsFor(text, code('TS414'));
  assert.deepEqual(
    actions.map((a) => [a.title, a.edit!.changes!['file:///w/x.spec.md']]),
    [['Remove the invisible character', [{ range: { start: { line: 7, character: 3 }, end: { line: 7, character: 4 } }, newText: '' }]]],
  );
  assert.equal(applyAction(text, actions[0]).split('\n')[7], '| T2 | Repo | ~150 | T1 | J-2 |');
});

test('TS414: zero-width and isolate characters in a title and a Dependencies cell, after a surrogate pair', () => {
  const text = tasksSpec(R1, '| T2 | 😀 Re\u200Bpo | ~150 | \u2066T1\u2069 | J-2 |');
  assert.deepEqual(brief(only(diagnose(text), 'TS414')), [
    'TS414 [7,7,7,15] The title of task T2 holds an invisible character (U+200B ZERO WIDTH SPACE): it may read as something else. Remove it.',
    'TS414 [7,25,7,29] The Dependencies cell of task T2 holds 2 invisible characters (U+2066 LEFT-TO-RIGHT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE): it may read as something else. Remove them.',
  ]);
  const { actions } = actionsFor(text, (d) => d.code === 'TS414' && d.range.start.character === 25);
  assert.equal(applyAction(text, actions[0]).split('\n')[7], '| T2 | 😀 Re\u200Bpo | ~150 | T1 | J-2 |');
});

test('TS414: plain IDs, titles and emoji are not flagged', () => {
  assert.deepEqual(only(diagnose(tasksSpec(R1, '| T2 | 😀 Repo — ünïcode | ~150 | T1 | J-2 |')), 'TS414'), []);
});
