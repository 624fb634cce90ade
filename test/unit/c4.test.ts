import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, Position, TextEdit } from 'vscode-languageserver-types';
import { c4Diagrams, c4TypeOf, callsOfKind, parseC4, relationEnds, type C4Diagram } from '../../engine/c4';
import { getCompletions } from '../../engine/completion';
import { buildModel } from '../../engine/model';
import { TEMPLATE_TEXT } from '../../engine/templateText';
import { lines } from './helpers';

const parse = (...ls: string[]): C4Diagram => parseC4(ls.join('\n'))!;

test('c4TypeOf: the first statement decides, after blank lines, comments and front matter', () => {
  assert.equal(c4TypeOf('C4Context\n  title X'), 'C4Context');
  assert.equal(c4TypeOf('\n%% a comment\n  C4Deployment\n'), 'C4Deployment');
  assert.equal(c4TypeOf('---\ntitle: X\n---\nC4Dynamic\n'), 'C4Dynamic');
  assert.equal(c4TypeOf('graph LR\nC4Context'), undefined);
  assert.equal(c4TypeOf('C4Contextual'), undefined);
  assert.equal(parseC4('flowchart TD\n A --> B'), undefined);
});

test('parseC4: elements, boundaries and relations with their arguments and offsets', () => {
  const d = parse(
    'C4Container',
    'title Shop (v2), draft',
    'Person(user, "User")',
    'System_Boundary(b, "B") {',
    '  Container(api, "API", "Node.js")',
    '}',
    'Rel(user, api, "Uses")',
  );
  assert.equal(d.type, 'C4Container');
  assert.equal(d.title, 'Shop (v2), draft');
  assert.deepEqual(
    d.calls.map((c) => [c.macro, c.spec?.kind, c.args.length]),
    [
      ['Person', 'element', 2],
      ['System_Boundary', 'boundary', 2],
      ['Container', 'element', 3],
      ['Rel', 'relation', 3],
    ],
  );
  const person = d.calls[0];
  // "C4Container\n" is 12 characters, the title line 23.
  assert.deepEqual([person.nameStart, person.nameEnd, person.end, person.closed], [35, 41, 55, true]);
  assert.deepEqual(
    person.args.map((a) => [a.raw, a.value, a.start, a.end]),
    [
      ['user', 'user', 42, 46],
      ['"User"', 'User', 48, 54],
    ],
  );
  assert.deepEqual(d.unclosedBraces, []);
  assert.deepEqual(
    relationEnds(callsOfKind(d, 'relation')[0]).map((a) => a?.value),
    ['user', 'api'],
  );
});

test('parseC4: quoted strings keep commas and parentheses; nested parentheses stay in one argument', () => {
  const d = parse('C4Context', 'System(s, "Store, (the) shop", "a)b", f(x, y))');
  assert.deepEqual(
    d.calls[0].args.map((a) => a.value),
    ['s', 'Store, (the) shop', 'a)b', 'f(x, y)'],
  );
  assert.equal(d.calls[0].closed, true);
});

test('parseC4: named arguments, empty calls, RelIndex, unclosed calls and comments', () => {
  const d = parse(
    'C4Dynamic',
    '%% Rel(x, y, "z")',
    'Rel(a, b, "c", $tags="v1.0", $link="https://x.io/a,b")',
    'RoundedBoxShape()',
    'RelIndex(1, a, b, "c")',
    'Rel(a, b',
  );
  assert.deepEqual(
    d.calls[0].args.slice(3).map((a) => [a.name, a.value]),
    [
      ['tags', 'v1.0'],
      ['link', 'https://x.io/a,b'],
    ],
  );
  assert.equal(d.calls[1].args.length, 0);
  assert.deepEqual(
    relationEnds(d.calls[2]).map((a) => a?.value),
    ['a', 'b'],
  );
  assert.deepEqual([d.calls[3].closed, d.calls[3].args.map((a) => a.value)], [false, ['a', 'b']]);
  assert.equal(d.calls.length, 4);
});

test('parseC4: braces: a boundary opens a block (also on the next line), others are stray', () => {
  const d = parse('C4Context', 'Boundary(b, "B")', '{', '  System(s, "S") {', '}', '}', '}', 'Enterprise_Boundary(e, "E") {');
  assert.deepEqual(d.strayOpens, [46]);
  assert.deepEqual(d.strayCloses, [52]);
  assert.deepEqual(d.unclosedBraces, [82]);
});

test('parseC4: macro names are matched without regard to case, unknown ones kept without a spec', () => {
  const d = parse('C4Context', 'person(u, "U")', 'Sytem_Ext(x, "X")');
  assert.deepEqual(
    d.calls.map((c) => c.spec?.kind),
    ['element', undefined],
  );
});

test('c4Diagrams: the template has three C4 blocks, all parse without a stray', () => {
  const diagrams = c4Diagrams(buildModel(TEMPLATE_TEXT));
  assert.deepEqual(
    diagrams.map((d) => d.diagram.type),
    ['C4Context', 'C4Container', 'C4Component'],
  );
  for (const { diagram } of diagrams) {
    assert.deepEqual([diagram.unclosedBraces, diagram.strayCloses, diagram.strayOpens], [[], [], []]);
    assert.ok(diagram.calls.every((c) => c.spec && c.closed));
  }
});

test("c4Diagrams: offsets are the document's, also in a blockquote", () => {
  const text = lines('# Technical Spec: X', '', '> ```mermaid', '> C4Context', '> Person(u, "U")', '> ```');
  const model = buildModel(text);
  const [{ diagram }] = c4Diagrams(model);
  const alias = diagram.calls[0].args[0];
  assert.equal(text.slice(alias.start, alias.end), 'u');
  assert.deepEqual(model.lines.range(alias.start, alias.end), { start: { line: 4, character: 9 }, end: { line: 4, character: 10 } });
});

/** The completions at the `$0` marker of `fixture` (the marker is removed). */
function complete(fixture: string): CompletionItem[] {
  const at = fixture.indexOf('$0');
  const text = fixture.slice(0, at) + fixture.slice(at + 2);
  const before = text.slice(0, at).split('\n');
  const position: Position = { line: before.length - 1, character: before[before.length - 1].length };
  return getCompletions(buildModel(text), position);
}

const c4Spec = (...body: string[]) =>
  lines(
    '# Technical Spec: X',
    '',
    '## Architecture',
    '',
    '```mermaid',
    'C4Container',
    'Person(user, "End User")',
    'System_Boundary(p, "Platform") {',
    '  Container(api, "API", "Node.js")',
    '}',
    ...body,
    '```',
  );

test('completion: aliases in the first two arguments of Rel, with the macro and label as detail', () => {
  const items = complete(c4Spec('Rel(u$0'));
  assert.deepEqual(
    items.map((i) => [i.label, i.detail]),
    [
      ['user', 'Person: End User'],
      ['p', 'System_Boundary: Platform'],
      ['api', 'Container: API'],
    ],
  );
  assert.deepEqual((items[0].textEdit as TextEdit).range, { start: { line: 10, character: 4 }, end: { line: 10, character: 5 } });
  assert.deepEqual(
    complete(c4Spec('BiRel(user, $0)')).map((i) => i.label),
    ['user', 'p', 'api'],
  );
  assert.deepEqual(
    complete(c4Spec('RelIndex(1, $0')).map((i) => i.label),
    ['user', 'p', 'api'],
  );
});

test('completion: nothing in the label, inside quotes, before the parenthesis or outside relations', () => {
  assert.deepEqual(complete(c4Spec('Rel(user, api, $0)')), []);
  assert.deepEqual(complete(c4Spec('Rel(user, "a $0')), []);
  assert.deepEqual(complete(c4Spec('Re$0l(user, api)')), []);
  assert.deepEqual(complete(c4Spec('RelIndex($0')), []);
  assert.deepEqual(complete(c4Spec('Person($0')), []);
});
