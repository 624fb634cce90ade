// Diagnostics and edits land on the right characters whatever the text: byte order marks, lone \r line
// ends, surrogate pairs, invisible characters; and an incremental analysis agrees with a fresh one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService } from '../../engine/service';
import { DEFAULT_SETTINGS } from '../../engine/settings';
import { at, diagnose, lines, SPEC_URI, TODAY } from './helpers';
import { actionsFor, applyAction, code } from './fixes/helpers';

const BASE = lines(
  '# Technical Spec: X',
  '',
  '> **Status**: Draf',
  '',
  '## Task Breakdown',
  '',
  '| ID | Task | Est. Lines | Dependencies |',
  '|----|------|------------|--------------|',
  '| T1 | A | ~50 | None |',
  '| T2 | 😀 B | ~50 | T11 |',
);
const NO_SECTIONS = { rules: { 'missing-section': 'off' as const } };
const ranges = (text: string) => diagnose(text, NO_SECTIONS).map((d) => `${d.code} ${JSON.stringify(at(d))}`);

test('positions: plain text, the reference', () => {
  assert.deepEqual(ranges(BASE), ['TS203 [0,2,0,19]', 'TS202 [2,14,2,18]', 'TS406 [9,20,9,23]']);
});

test('positions: one and two byte order marks at the start shift only the first line', () => {
  assert.deepEqual(ranges('\uFEFF' + BASE), ['TS203 [0,3,0,20]', 'TS202 [2,14,2,18]', 'TS406 [9,20,9,23]']);
  assert.deepEqual(ranges('\uFEFF\uFEFF' + BASE), ['TS203 [0,4,0,21]', 'TS202 [2,14,2,18]', 'TS406 [9,20,9,23]']);
});

test('positions: lone \\r line ends count as lines, as LSP counts them', () => {
  assert.deepEqual(ranges(BASE.replace(/\n/g, '\r')), ['TS203 [0,2,0,19]', 'TS202 [2,14,2,18]', 'TS406 [9,20,9,23]']);
  assert.deepEqual(ranges(BASE.replace(/\n/g, '\r\n')), ['TS203 [0,2,0,19]', 'TS202 [2,14,2,18]', 'TS406 [9,20,9,23]']);
});

test('positions: a surrogate pair counts two UTF-16 units, a zero-width space one', () => {
  assert.deepEqual(ranges(BASE.replace('| T2 | 😀 B |', '| T2 | 😀\u200B B |')), [
    'TS203 [0,2,0,19]',
    'TS202 [2,14,2,18]',

    'TS414 [9,7,9,12]',
    'TS406 [9,21,9,24]',
  ]);
});

test('edits under two byte order marks and lone \\r line ends replace exactly the dependency', () => {
  const text = ('\uFEFF\uFEFF' + BASE).replace(/\n/g, '\r');
  const { actions, context } = actionsFor(text, code('TS406'), NO_SECTIONS);
  assert.deepEqual(at(context[0]), [9, 20, 9, 23]);
  const replace = actions.find((a) => a.title === 'Replace T11 with T1')!;
  assert.deepEqual(replace.edit!.changes![SPEC_URI], [{ range: { start: { line: 9, character: 20 }, end: { line: 9, character: 23 } }, newText: 'T1' }]);
  assert.equal(applyAction(text, replace).split('\r')[9], '| T2 | 😀 B | ~50 | T1 |');
});

test('incremental analysis equals a fresh one across byte order marks, \\r and invisible characters', () => {
  const service = createLanguageService({ today: () => TODAY });
  const texts = [
    BASE,
    '\uFEFF\uFEFF' + BASE,
    '\uFEFF' + BASE.replace(/\n/g, '\r'),
    BASE.replace('T11', 'T\u202E11'),
    BASE.replace('## Task', '\uFEFF## Task'),
    BASE,
  ];
  const show = (ds: ReturnType<typeof diagnose>) => ds.map((d) => `${d.code} ${JSON.stringify(at(d))} ${d.message}`).sort();
  texts.forEach((text, v) => {
    const inc = service.analyze({ uri: SPEC_URI, version: v + 1, text }, { ...DEFAULT_SETTINGS, ...NO_SECTIONS }).diagnostics;
    assert.deepEqual(show(inc), show(diagnose(text, NO_SECTIONS)), `version ${v + 1}`);
  });
});

test('a spec with lone \\r line ends, then a fuzzed version of it, is analysed incrementally as a fresh analysis does', () => {
  const spec = readFileSync(join(import.meta.dirname, '../corpus/data-retention-policies.spec.md'), 'utf8');
  // What the fuzzer made of that spec (50,000-document run, seed 11): TS410 went missing incrementally.
  const mutant = readFileSync(join(import.meta.dirname, '../fuzz/regressions/lone-cr-mutant.md'), 'utf8');
  const texts = [spec.replace(/\r?\n/g, '\r'), mutant, spec];
  const service = createLanguageService({ today: () => TODAY });
  const show = (ds: ReturnType<typeof diagnose>) => ds.map((d) => `${d.code} ${JSON.stringify(at(d))}`).sort();
  texts.forEach((text, v) => {
    const inc = service.analyze({ uri: SPEC_URI, version: v + 1, text }).diagnostics;
    const fresh = createLanguageService({ today: () => TODAY }).analyze({ uri: SPEC_URI, version: 1, text }).diagnostics;
    assert.deepEqual(show(inc), show(fresh), `version ${v + 1}`);
  });
});
