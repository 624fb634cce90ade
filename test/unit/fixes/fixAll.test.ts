import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines } from '../helpers';
import { actionsFor, applyAction, code, missing, NO_SECTIONS, SPEC } from './helpers';

// ---- fix all ----

test('source.fixAll.techspec: the safe fixes in one edit; the result has none of those problems left', () => {
  const { actions } = actionsFor(SPEC, () => false, NO_SECTIONS, ['source.fixAll']);
  assert.deepEqual(
    actions.map((a) => [a.title, a.kind]),
    [['Fix all safe techspec problems', 'source.fixAll.techspec']],
  );
  const out = applyAction(SPEC, actions[0]);
  assert.equal(
    out,
    SPEC.replace('| T1, T2 |', '| T1 |')
      .replace('T2, T12', 'T2, T1')
      .replace('T2[T2: Repository]\n', 'T2[T2: Repository]\n    T2 --> T3[T3: Service]\n    T1 --> T3\n'),
  );
  const after = actionsFor(out, () => true, NO_SECTIONS);
  assert.deepEqual(
    after.all.map((d) => d.code),
    [],
  );
});

test('source.fixAll.techspec with missing sections inserts them too; quick fixes only when asked for', () => {
  const text = lines('# Technical Spec: X', '', '> **Status**: Draft', '', '## Overview', '', 'Text.');
  const { actions } = actionsFor(text, () => false, {}, ['source.fixAll.techspec']);
  const out = applyAction(text, actions[0]);
  assert.deepEqual(actionsFor(out, code('TS101')).context, []);
  assert.deepEqual(
    actionsFor(text, code('TS101'), {}, ['source.fixAll']).actions.map((a) => a.kind),
    ['source.fixAll.techspec'],
  );
  const architecture = missing('architecture');
  assert.deepEqual(
    actionsFor(text, architecture, {}, ['quickfix']).actions.map((a) => a.kind),
    ['quickfix', 'quickfix'],
  );
  assert.deepEqual(
    actionsFor(text, architecture).actions.map((a) => a.kind),
    ['quickfix', 'quickfix'],
  );
  assert.deepEqual(actionsFor(text, code('TS101'), {}, ['refactor']).actions, []);
  assert.ok(actionsFor(text, code('TS101'), {}, ['source']).actions.some((a) => a.kind === 'source.fixAll.techspec'));
});

test('source.fixAll.techspec leaves unsafe problems alone: no status change, no new rows', () => {
  const text = SPEC.replace('**Status**: Draft', '**Status**: Done').replace('T2, T12', 'T2, T42').replace('| T1, T2 |', '| T1 |');
  const { actions } = actionsFor(text, () => false, NO_SECTIONS, ['source.fixAll.techspec']);
  // Only the graph, which the table decides, changes.
  assert.equal(applyAction(text, actions[0]), text.replace('T2[T2: Repository]\n', 'T2[T2: Repository]\n    T2 --> T3[T3: Service]\n'));
  const fixedGraph = applyAction(text, actions[0]);
  assert.deepEqual(actionsFor(fixedGraph, () => false, NO_SECTIONS, ['source.fixAll.techspec']).actions, []);
});

test('CRLF: fixAll removes a self-dependency and adds the missing graph edges with CRLF line breaks', () => {
  const text = SPEC.replace(/\n/g, '\r\n');
  const { actions } = actionsFor(text, () => false, NO_SECTIONS, ['source.fixAll.techspec']);
  assert.equal(
    applyAction(text, actions[0]),
    SPEC.replace('| T1, T2 |', '| T1 |')
      .replace('T2, T12', 'T2, T1')
      .replace('T2[T2: Repository]\n', 'T2[T2: Repository]\n    T2 --> T3[T3: Service]\n    T1 --> T3\n')
      .replace(/\n/g, '\r\n'),
  );
});
