import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionsFor, applyAction, code, NO_SECTIONS, r, SPEC, titles } from './helpers';
import { SPEC_URI } from '../helpers';

// ---- status ----

test('invalid Status: one action per valid value, replacing exactly the value', () => {
  const text = SPEC.replace('**Status**: Draft', '**Status**: Reviewing');
  const { actions } = actionsFor(text, code('TS202'), NO_SECTIONS);
  assert.deepEqual(titles(actions), [
    ['Set Status to Draft', true],
    ['Set Status to In Review', false],
    ['Set Status to Approved', false],
  ]);
  assert.deepEqual(
    actions.map((a) => a.edit!.changes![SPEC_URI]),
    ['Draft', 'In Review', 'Approved'].map((v) => [{ range: r(2, 14, 2, 23), newText: v }]),
  );
});

test('a Status typo prefers the value it misspells', () => {
  const text = SPEC.replace('**Status**: Draft', '**Status**: aproved');
  const { actions } = actionsFor(text, code('TS202'), NO_SECTIONS);
  assert.deepEqual(titles(actions), [
    ['Set Status to Draft', false],
    ['Set Status to In Review', false],
    ['Set Status to Approved', true],
  ]);
});

test('Approved with placeholders: set back to In Review (preferred) or Draft', () => {
  const text = SPEC.replace('**Status**: Draft', '**Status**: Approved').replace('Billing.', 'Billing for [Name].');
  const { actions } = actionsFor(text, code('TS901'), NO_SECTIONS);
  assert.deepEqual(titles(actions), [
    ['Set Status to Draft', false],
    ['Set Status to In Review', true],
  ]);
  assert.equal(applyAction(text, actions[1]).split('\n')[2], '> **Status**: In Review');
});

test('missing Status: a `> **Status**:` line after the other header fields', () => {
  const text = SPEC.replace('> **Status**: Draft\n', '');
  const { actions } = actionsFor(text, code('TS201'), NO_SECTIONS);
  assert.deepEqual(titles(actions), [
    ['Add Status: Draft', true],
    ['Add Status: In Review', false],
    ['Add Status: Approved', false],
  ]);
  assert.equal(applyAction(text, actions[0]).split('\n').slice(0, 5).join('\n'), '# Technical Spec: Billing\n\n> **Author**: Ada\n> **Status**: Draft\n');
});

test('missing Status with no header at all: under the title, CRLF', () => {
  const text = '# Technical Spec: Billing\r\n\r\n## Overview\r\n\r\nText.\r\n';
  const { actions } = actionsFor(text, code('TS201'), NO_SECTIONS);
  assert.equal(applyAction(text, actions[0]), '# Technical Spec: Billing\r\n\r\n> **Status**: Draft\r\n\r\n## Overview\r\n\r\nText.\r\n');
});

test('empty Status: the value goes after the colon with a space', () => {
  const text = SPEC.replace('**Status**: Draft', '**Status**:');
  const { actions, context } = actionsFor(text, code('TS201'), NO_SECTIONS);
  assert.deepEqual(context[0].range, r(2, 0, 2, 13));
  const a = actions.find((x) => x.title === 'Set Status to Draft')!;
  assert.equal(applyAction(text, a).split('\n')[2], '> **Status**: Draft');
});
