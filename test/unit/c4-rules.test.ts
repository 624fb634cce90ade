import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, lines, messageOf, only } from './helpers';
import { TEMPLATE_TEXT } from '../../engine/templateText';

const C4_CODES = ['TS1001', 'TS1002', 'TS1003', 'TS1004', 'TS1005'];
/** A spec whose C4 block's first body line is line 6. */
const c4 = (...body: string[]) => lines('# Technical Spec: X', '', '## Architecture', '', '```mermaid', 'C4Context', ...body, '```');
const found = (text: string, code: string) => only(diagnose(text), code).map((d) => [at(d), messageOf(d)]);

test("the template's C4 blocks, with LF or CRLF, give no C4 finding", () => {
  assert.deepEqual(only(diagnose(TEMPLATE_TEXT), ...C4_CODES), []);
  assert.deepEqual(only(diagnose(TEMPLATE_TEXT.replace(/\n/g, '\r\n')), ...C4_CODES), []);
});

test('a mermaid flowchart and a non-mermaid block are not C4 diagrams', () => {
  assert.deepEqual(
    only(diagnose(lines('# Technical Spec: X', '', '```mermaid', 'graph LR', 'Sytem_Ext(a)', '```', '', '```text', 'C4Context', 'Foo(a)', '```')), ...C4_CODES),
    [],
  );
});

test('TS1001: an unknown macro, ranged on its name, with the closest known one', () => {
  const ds = only(diagnose(c4('Sytem_Ext(x, "X")', 'Frobnicate(y, "Y")')), 'TS1001');
  assert.deepEqual(
    ds.map((d) => [d.severity, at(d), messageOf(d)]),
    [
      [1, [6, 0, 6, 9], 'Unknown C4 macro "Sytem_Ext": did you mean System_Ext?'],
      [1, [7, 0, 7, 10], 'Unknown C4 macro "Frobnicate": use one of mermaid\'s C4 macros, like Person, System, Container, Component, System_Boundary or Rel.'],
    ],
  );
});

test('TS1002: a relation end that no element or boundary defines, ranged on the alias', () => {
  const text = c4(
    'Person(user, "U")',
    'System_Boundary(b, "B") {',
    '  System(app, "App")',
    '}',
    'Rel(user, ap, "Uses")',
    'BiRel(b, user, "x")',
    'Rel_Back(ghost, app, "y")',
    'RelIndex(1, user, nope, "z")',
  );
  assert.deepEqual(found(text, 'TS1002'), [
    [[10, 10, 10, 12], 'No element or boundary of this diagram has the alias "ap": define it (like System(ap, "Name")), or use an existing alias.'],
    [[12, 9, 12, 14], 'No element or boundary of this diagram has the alias "ghost": define it (like System(ghost, "Name")), or use an existing alias.'],
    [[13, 18, 13, 22], 'No element or boundary of this diagram has the alias "nope": define it (like System(nope, "Name")), or use an existing alias.'],
  ]);
});

test('TS1002: aliases are per diagram', () => {
  const text = lines(
    '# Technical Spec: X',
    '',
    '```mermaid',
    'C4Context',
    'Person(a, "A")',
    '```',
    '',
    '```mermaid',
    'C4Container',
    'Person(b, "B")',
    'Rel(a, b, "x")',
    '```',
  );
  assert.deepEqual(only(diagnose(text), 'TS1002').map(at), [[10, 4, 10, 5]]);
});

test('TS1003: an alias defined twice, on the second with the first as related information', () => {
  const ds = only(diagnose(c4('Person(u, "U")', 'System_Boundary(u, "B") {', '}')), 'TS1003');
  assert.deepEqual(
    ds.map((d) => [d.severity, at(d), messageOf(d)]),
    [[2, [7, 16, 7, 17], 'The alias "u" is already defined in this diagram: give this System_Boundary another alias.']],
  );
  assert.deepEqual(
    ds[0].relatedInformation?.map((r) => [r.location.range.start.line, r.location.range.start.character, r.message]),
    [[6, 7, '"u" is first defined here.']],
  );
});

test('TS1004: too few arguments on the macro name, too many on the extra ones, named ones fill required slots', () => {
  const text = c4(
    'Person(u)',
    'Rel(u, u)',
    'System(s, "S", "d", "sprite", "tags", "link", "more", "and more")',
    'Rel(u, s, $label="x")',
    'UpdateLayoutConfig($c4ShapeInRow="3")',
    'RoundedBoxShape(x)',
    'Rel(u, s, "Uses", "HTTPS", $tags="a,b")',
  );
  assert.deepEqual(found(text, 'TS1004'), [
    [[6, 0, 6, 6], 'Person needs at least 2 arguments (alias, label) but has 1: add label.'],
    [[7, 0, 7, 3], 'Rel needs at least 3 arguments (from, to, label) but has 2: add label.'],
    [
      [8, 46, 8, 64],
      'System takes at most 6 arguments (alias, label, descr, sprite, tags, link): remove the extra ones, or join text split by a comma into one "quoted" argument.',
    ],
    [[11, 16, 11, 17], 'RoundedBoxShape takes no arguments: remove the extra one, or join text split by a comma into one "quoted" argument.'],
  ]);
});

test('TS1004: a call with no closing parenthesis', () => {
  assert.deepEqual(found(c4('Person(u, "U"'), 'TS1004'), [[[6, 0, 6, 6], 'This Person( is not closed: add ) after its last argument.']]);
});

test('TS1005: an unclosed boundary, a stray }, and a { after no boundary, each on its brace', () => {
  const text = c4('System_Boundary(b, "B") {', '  System(s, "S")', '}', '}', 'Person(p, "P") {', '}', 'Container_Boundary(c, "C") {');
  assert.deepEqual(found(text, 'TS1005'), [
    [[9, 0, 9, 1], 'This } closes no boundary: remove it, or open the boundary with { after its macro.'],
    [
      [10, 15, 10, 16],
      'Only a boundary (System_Boundary, Container_Boundary, Enterprise_Boundary, Boundary, Deployment_Node or Node) opens a { block: put it after one, or remove it.',
    ],
    [[12, 27, 12, 28], "This boundary's { is never closed: add } after its last element."],
  ]);
});

test('C4 rules can be turned off by code or name', () => {
  const text = c4('Sytem(x, "X")', 'Rel(x, y, "z")');
  assert.deepEqual(only(diagnose(text, { rules: { TS1001: 'off', 'c4-unknown-alias': 'off' } }), ...C4_CODES), []);
});
