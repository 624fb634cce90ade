import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { buildModel } from '../../engine/model';
import { getDefinition, getDocumentHighlights, getReferences, prepareRename, rename } from '../../engine/navigation';
import { DEFAULT_SETTINGS } from '../../engine/settings';
import { cursorIn, diagnose, lines, SPEC_URI, taskSpec, withCursor } from './helpers';

// Line 6: T1; line 7: T2, bold in its ID cell; line 8: T10, which also needs an unknown T9.
const text = taskSpec(
  'Navigation',
  ['| T1 | Create the table | ~50 | None | |', '| **T2** | Add it | ~80 | T1 | |', '| T10 | Ship it | ~120 | T2, T1, T9 | |'],
  ['graph LR', '  T1 --> T2 --> T10', '  T1[Create] --> T10'],
);
const model = buildModel(text);
const pos = (line: number, character: number) => ({ line, character });
/** The position of the cursor marker of `marked`, a snippet of `text`. */
const at = (marked: string) => cursorIn(text, marked);
const range = (line: number, from: number, to: number) => ({ start: pos(line, from), end: pos(line, to) });
const loc = (line: number, from: number, to: number) => ({ uri: SPEC_URI, range: range(line, from, to) });

/** The text once the edit's changes to SPEC_URI are applied. */
function apply(source: string, edit: WorkspaceEdit): string {
  const m = buildModel(source);
  const edits: TextEdit[] = [...(edit.changes?.[SPEC_URI] ?? [])];
  edits.sort((a, b) => m.lines.offsetAt(b.range.start) - m.lines.offsetAt(a.range.start));
  let out = source;
  for (const e of edits) out = out.slice(0, m.lines.offsetAt(e.range.start)) + e.newText + out.slice(m.lines.offsetAt(e.range.end));
  return out;
}

function renamed(source: string, cursor: Position, name: string, taskIdPattern = DEFAULT_SETTINGS.taskIdPattern): string {
  const outcome = rename(buildModel(source), SPEC_URI, cursor, name, { ...DEFAULT_SETTINGS, taskIdPattern });
  if ('refusal' in outcome) throw new Error(`refused: ${outcome.refusal}`);
  return apply(source, outcome.ok);
}

function refusal(source: string, cursor: Position, name: string, taskIdPattern = DEFAULT_SETTINGS.taskIdPattern): string {
  const outcome = rename(buildModel(source), SPEC_URI, cursor, name, { ...DEFAULT_SETTINGS, taskIdPattern });
  assert.ok('refusal' in outcome, `renaming to ${JSON.stringify(name)} was not refused`);
  return outcome.refusal;
}

test("definition: from a dependency, a graph node or an ID cell to the task's ID cell", () => {
  assert.deepEqual(getDefinition(model, SPEC_URI, at('T2, T$$1, T9')), [loc(6, 2, 4)]);
  assert.deepEqual(getDefinition(model, SPEC_URI, at('[Create] --> T$$10')), [loc(8, 2, 5)]);
  // The ID inside its markup, not the whole cell.
  assert.deepEqual(getDefinition(model, SPEC_URI, at('  T1 --> T$$2 -->')), [loc(7, 4, 6)]);
  assert.deepEqual(getDefinition(model, SPEC_URI, at('| T$$1 | Create')), [loc(6, 2, 4)]);
});

test('definition: none for an unknown ID, a title cell or outside the tasks', () => {
  assert.deepEqual(getDefinition(model, SPEC_URI, at('T1, T$$9')), []);
  assert.deepEqual(getDefinition(model, SPEC_URI, at('Cre$$ate the table')), []);
  assert.deepEqual(getDefinition(model, SPEC_URI, at('# T$$echnical')), []);
  assert.deepEqual(getDefinition(buildModel(''), SPEC_URI, withCursor('$$').position), []);
});

test('references: ID cell, Dependencies cells and graph nodes, with or without the declaration', () => {
  assert.deepEqual(getReferences(model, SPEC_URI, at('| **T$$2**'), true), [loc(7, 4, 6), loc(8, 25, 27), loc(14, 9, 11)]);
  assert.deepEqual(getReferences(model, SPEC_URI, at('| **T$$2**'), false), [loc(8, 25, 27), loc(14, 9, 11)]);
  // An unknown ID's references are its uses.
  assert.deepEqual(getReferences(model, SPEC_URI, at('T1, $$T9'), true), [loc(8, 33, 35)]);
});

test('highlights: the ID cell is where the task is written, the rest read it', () => {
  assert.deepEqual(getDocumentHighlights(model, at('  T$$1 --> T2 -->')), [
    { range: range(6, 2, 4), kind: 3 },
    { range: range(7, 26, 28), kind: 2 },
    { range: range(8, 29, 31), kind: 2 },
    { range: range(14, 2, 4), kind: 2 },
    { range: range(15, 2, 4), kind: 2 },
  ]);
  assert.deepEqual(getDocumentHighlights(model, at('| I$$D |')), []);
});

test('prepareRename: the ID under the cursor, or why there is nothing to rename', () => {
  assert.deepEqual(prepareRename(model, at('| **$$T2**')), { ok: { range: range(7, 4, 6), placeholder: 'T2' } });
  assert.deepEqual(prepareRename(model, at('[Create] --> $$T10')), { ok: { range: range(15, 17, 20), placeholder: 'T10' } });
  assert.deepEqual(prepareRename(model, at('Cre$$ate the table')), {
    refusal: 'Rename works on a task ID: in its ID cell, in a Dependencies cell or in the Task Dependency Graph.',
  });
});

test('rename changes the ID cell, every dependency and every graph node, and nothing else', () => {
  assert.equal(
    renamed(text, at('T2, T$$1, T9'), 'T7'),
    taskSpec(
      'Navigation',
      ['| T7 | Create the table | ~50 | None | |', '| **T2** | Add it | ~80 | T7 | |', '| T10 | Ship it | ~120 | T2, T7, T9 | |'],
      ['graph LR', '  T7 --> T2 --> T10', '  T7[Create] --> T10'],
    ),
  );
  // Markup around the ID stays; an unknown ID is renamed where it is used.
  assert.match(renamed(text, at('  T1 --> T$$2 -->'), 'T3'), /\| \*\*T3\*\* \| Add it \| ~80 \| T1 \|[^]*T3, T1, T9[^]*T1 --> T3 --> T10/);
  assert.match(renamed(text, at('T1, T$$9'), 'T2000'), /\| T2, T1, T2000 \|/);
  assert.equal(renamed(text, at('| T$$1 | Create'), ' T1 '), text);
});

test('rename: a graph label that starts with the ID follows it; other labels stay', () => {
  const labelled = taskSpec(
    'Labels',
    ['| T1 | One | ~10 | None | |', '| T2 | Two | ~10 | T1 | |'],
    ['graph LR', '  T1[T1: One] --> T2(["T2 Two"])', '  T1 --> T2[Task T2]', '  T2 --> T22[T2x]'],
  );
  const out = renamed(labelled, cursorIn(labelled, '| T$$2 | Two'), 'T9');
  assert.equal(out.split('\n').slice(13, 16).join('\n'), ['  T1[T1: One] --> T9(["T9 Two"])', '  T1 --> T9[Task T2]', '  T9 --> T22[T2x]'].join('\n'));
});

test('a renamed spec has the same diagnostics, on the renamed IDs', () => {
  const before = diagnose(text).map((d) => [d.code, d.message]);
  const after = diagnose(renamed(text, at('| $$T1 | Create'), 'T5')).map((d) => [d.code, d.message]);
  assert.deepEqual(after, before);
  assert.ok(
    before.some(([code]) => code === 'TS406'),
    'the unknown T9 is still reported',
  );
});

test('rename refuses an empty, several-word, ill-matching or taken ID, with the reason', () => {
  assert.equal(refusal(text, at('| T$$1 | Create'), '  '), 'A task ID cannot be empty.');
  assert.equal(
    refusal(text, at('| T$$1 | Create'), 'T1, T2'),
    '"T1, T2" is not one word: a task ID has no spaces, commas, semicolons, pipes, backticks, asterisks or backslashes.',
  );
  assert.equal(refusal(text, at('| T$$1 | Create'), 'X1'), "X1 does not match the template's task ID pattern (^T\\d+$).");
  assert.equal(refusal(text, at('| T$$1 | Create'), 'T10'), 'T10 is already a task: renaming T1 to it would merge the two.');
  assert.equal(
    refusal(text, at('| T$$1 | Create'), 'T.1', '^T\\.?\\d+$'),
    'T.1 cannot be a node of the mermaid graph, which draws T1: use letters, digits, _ and inner hyphens only.',
  );
  assert.equal(
    refusal(text, at('Cre$$ate the table'), 'T4'),
    'Rename works on a task ID: in its ID cell, in a Dependencies cell or in the Task Dependency Graph.',
  );
});

test('without a graph, an ID the pattern allows may have a dash', () => {
  const noGraph = taskSpec('Dashes', ['| T-1 | One | ~10 | None | |', '| T-2 | Two | ~10 | T-1 | |']);
  assert.match(renamed(noGraph, cursorIn(noGraph, '~10 | T$$-1 |'), 'T-9', '^T-\\d+$'), /\| T-9 \| One [^]*\| T-2 \| Two \| ~10 \| T-9 \|/);
});

test('an ID cell written with a character reference is left to the user, not half-renamed', () => {
  const escaped = lines(
    '# Technical Spec: Escapes',
    '',
    '## Task Breakdown',
    '',
    '| ID | Task | Est. Lines | Dependencies | Jira |',
    '|----|------|------------|--------------|------|',
    '| T&#49; | One | ~10 | None | |',
    '| T2 | Two | ~10 | T1 | |',
  );
  const reason = 'T1 is written with markdown escapes or markup in its ID cell on line 7: write it plainly there first.';
  assert.deepEqual(prepareRename(buildModel(escaped), cursorIn(escaped, '~10 | T$$1 |')), { refusal: reason });
  assert.equal(refusal(escaped, cursorIn(escaped, '~10 | T$$1 |'), 'T3'), reason);
});

test('CRLF: ranges and edits land on the IDs', () => {
  const crlf = text.replace(/\n/g, '\r\n');
  assert.deepEqual(getDefinition(buildModel(crlf), SPEC_URI, cursorIn(crlf, 'T2, T$$1, T9')), [loc(6, 2, 4)]);
  assert.equal(renamed(crlf, at('T2, T$$1, T9'), 'T7'), renamed(text, at('T2, T$$1, T9'), 'T7').replace(/\n/g, '\r\n'));
});
