import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TextEdit } from 'vscode-languageserver-types';
import { applyEdits } from '../../engine/index';
import { canFormatFixCellCount, formatTableAt, formatTablesInRange } from '../../engine/tableFormat';
import { createLanguageService } from '../../engine/service';
import { FC_SEED, lines, SPEC_URI } from './helpers';

const cursor = (line: number) => ({ line, character: 0 });
const whole = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
/** The text after formatting the table at `line`. */
const formatAt = (text: string, line: number) => applyEdits(text, formatTableAt(text, cursor(line)));

test('pipes aligned, one space of padding, outer pipes added', () => {
  const text = lines('Intro', '', 'Name|Role', '-|-', 'Ann|Lead', '| Bob |  Dev  |', '', 'Outro');
  assert.equal(formatAt(text, 2), lines('Intro', '', '| Name | Role |', '| ---- | ---- |', '| Ann  | Lead |', '| Bob  | Dev  |', '', 'Outro'));
});

test('one edit per changed line, ranged on the line without its line break', () => {
  const text = lines('| a | b |', '|---|---|', '| x | yy |');
  assert.deepEqual(formatTableAt(text, cursor(0)), [
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } }, newText: '| a   | b   |' },
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } }, newText: '| --- | --- |' },
    { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } }, newText: '| x   | yy  |' },
  ] satisfies TextEdit[]);
});

test('alignment colons are kept, and cells are padded the way their column is aligned', () => {
  const text = lines('| Left | Centre | Right | None |', '|:-|:-:|-:|-|', '| a | b | c | d |');
  assert.equal(formatAt(text, 1), lines('| Left | Centre | Right | None |', '| :--- | :----: | ----: | ---- |', '| a    |   b    |     c | d    |'));
});

test('CJK and emoji count as two columns, so the pipes line up on screen', () => {
  const text = lines('| 名前 | Emoji |', '|---|---|', '| 日本語テキスト | 👍🏽 |', '| abc | 👨‍👩‍👧 ok |');
  assert.equal(
    formatAt(text, 0),
    lines('| 名前           | Emoji |', '| -------------- | ----- |', '| 日本語テキスト | 👍🏽    |', '| abc            | 👨‍👩‍👧 ok |'),
  );
});

test('escaped pipes and pipes in code spans stay inside their cell', () => {
  const text = lines('| Expr | Means |', '|---|---|', '| `a || b` | or |', '| x \\| y | pipe |', '| ``c ` | d`` | code |');
  assert.equal(
    formatAt(text, 0),
    lines('| Expr        | Means |', '| ----------- | ----- |', '| `a || b`    | or    |', '| x \\| y      | pipe  |', '| ``c ` | d`` | code  |'),
  );
});

test('a row with fewer cells is padded with empty ones; extra cells are kept after the columns', () => {
  const text = lines('| A | B | C |', '|---|---|---|', '| 1 |', '| 1 | 2 | 3 | 4 |');
  assert.equal(formatAt(text, 0), lines('| A   | B   | C   |', '| --- | --- | --- |', '| 1   |     |     |', '| 1   | 2   | 3   | 4 |'));
});

test('indentation, blockquotes and CRLF line endings are kept', () => {
  const text = ['- item', '', '  | a | b |', '  |--|--|', '  | long | x |', '', '> | q |', '> |:-:|', '> | quoted |', ''].join('\r\n');
  assert.equal(
    applyEdits(text, formatTablesInRange(text, whole)),
    ['- item', '', '  | a    | b   |', '  | ---- | --- |', '  | long | x   |', '', '> |   q    |', '> | :----: |', '> | quoted |', ''].join('\r\n'),
  );
});

test('formatting a formatted table gives no edits', () => {
  const formatted = lines('| A   | 日本 |', '| :-- | ---: |', '| x   |    y |');
  assert.deepEqual(formatTableAt(formatted, cursor(1)), []);
});

test('only the table at the cursor; text around it and tables elsewhere are untouched', () => {
  const text = lines('a|b', '-|-', '1|2', '', 'Text | with a pipe', '', 'c|d', '-|-', '3|4');
  assert.equal(formatAt(text, 7), lines('a|b', '-|-', '1|2', '', 'Text | with a pipe', '', '| c   | d   |', '| --- | --- |', '| 3   | 4   |'));
  assert.deepEqual(formatTableAt(text, cursor(4)), []);
  assert.deepEqual(formatTableAt(text, cursor(3)), []);
});

test('the range formats every table it touches, each whole', () => {
  const text = lines('a|b', '-|-', '1|2', '', 'c|d', '-|-', '3|4', '', 'e|f', '-|-');
  const range = { start: { line: 2, character: 0 }, end: { line: 4, character: 1 } };
  assert.deepEqual(
    formatTablesInRange(text, range).map((e) => e.range.start.line),
    [0, 1, 2, 4, 5, 6],
  );
});

test('no table: a delimiter row with another cell count, a table in a code fence, an indented one, a lone row', () => {
  const text = lines('a|b', '-|-|-', '', '```', 'c|d', '-|-', '```', '', '    e|f', '    -|-', '', '| g | h |');
  assert.deepEqual(formatTablesInRange(text, whole), []);
});

test('the table ends at a blank line, a pipeless line or a heading', () => {
  const text = lines('a|b', '-|-', '1|2', '# H | x', 'plain', '');
  assert.equal(applyEdits(text, formatTablesInRange(text, whole)), lines('| a   | b   |', '| --- | --- |', '| 1   | 2   |', '# H | x', 'plain', ''));
});

test('canFormatFixCellCount: a row with fewer cells yes; with more, the header, the delimiter or no table, no', () => {
  const text = lines('| A | B | C |', '|---|---|---|', '| 1 |', '| 1 | 2 | 3 | 4 |', '| 1 | `2 | 3` |', '', 'text');
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 6].map((line) => canFormatFixCellCount(text, line)),
    [false, false, true, false, true, false, false],
  );
});

/** Cell text that needs care: wide characters, escaped pipes, code spans holding pipes, markup. */
const cellText = fc
  .array(fc.constantFrom('a', 'word', '日本', '한국어', '👍🏽', '🎉', 'é', '\\|', '`x|y`', '**b**', '1.5', '\u3000'), { maxLength: 3 })
  .map((words) => words.join(' '));
const blanks = fc.constantFrom('', ' ', '  ', '\t');
const rowOf = (cells: string[], pad: string, outer: boolean) => {
  const inner = cells.map((c) => `${pad}${c}${pad}`).join('|');
  // Without outer pipes, blanks before the first cell would be indentation (four make code).
  return outer ? `|${inner}|` : inner.replace(/^[ \t]+/, '');
};
const table = fc.integer({ min: 1, max: 4 }).chain((columns) =>
  fc.record({
    columns: fc.constant(columns),
    header: fc.array(
      cellText.filter((c) => c.trim() !== ''),
      { minLength: columns, maxLength: columns },
    ),
    aligns: fc.array(fc.constantFrom('-', ':-', '-:', ':-:', '---'), { minLength: columns, maxLength: columns }),
    rows: fc.array(fc.array(cellText, { minLength: 1, maxLength: columns + 1 }), { maxLength: 4 }),
    pad: blanks,
    outer: fc.boolean(),
    indent: fc.constantFrom('', ' ', '  ', '> '),
  }),
);
/** Lines around the table: text with pipes, headings, a fenced block holding a table. */
const paragraph = fc
  .array(fc.constantFrom(['Some text'], ['a | b'], ['# Heading'], [''], ['```', 'x|y', '-|-', '```']), { maxLength: 3 })
  .map((blocks) => blocks.flat());

test('property: formatting is idempotent and changes only the lines of the table', () => {
  fc.assert(
    fc.property(paragraph, table, paragraph, fc.constantFrom('\n', '\r\n'), (before, t, after, eol) => {
      const outer = t.columns === 1 || t.outer;
      const tableLines = [t.header, t.aligns, ...t.rows].map((cells) => t.indent + rowOf(cells, t.pad, outer));
      const all = [...before, '', ...tableLines, '', ...after];
      const text = all.join(eol);
      const first = before.length + 1;
      const edits = formatTableAt(text, cursor(first));
      for (const e of edits) assert.ok(e.range.start.line >= first && e.range.end.line < first + tableLines.length);
      const formatted = applyEdits(text, edits);
      const out = formatted.split(eol);
      assert.match(out[first], /^[ \t>]*\| /, 'the header row is formatted');
      assert.deepEqual(out.slice(0, first), all.slice(0, first));
      assert.deepEqual(out.slice(first + tableLines.length), all.slice(first + tableLines.length));
      assert.deepEqual(formatTableAt(formatted, cursor(first)), []);
      assert.deepEqual(formatTablesInRange(formatted, whole), []);
    }),
    { seed: FC_SEED, numRuns: 300 },
  );
});

test('the "Format table" quick fix on TS601: offered for a row with too few cells, not for one with too many', () => {
  const text = lines('# Technical Spec: T', '', '| a | b | c |', '|---|---|---|', '| 1 | 2 |', '| 1 | 2 | 3 | 4 |', '', 'After');
  const service = createLanguageService({ today: () => '2026-11-25' });
  const analysis = service.analyze({ uri: SPEC_URI, version: 1, text });
  const cellCount = analysis.diagnostics.filter((d) => d.code === 'TS601');
  assert.equal(cellCount.length, 2);
  const [short, long] = cellCount.map((d) => service.getCodeActions(analysis, d.range, [d]).filter((a) => a.title === 'Format table'));
  assert.equal(short.length, 1);
  assert.deepEqual(long, []);
  assert.equal(
    applyEdits(text, short[0].edit!.changes![SPEC_URI]),
    lines('# Technical Spec: T', '', '| a   | b   | c   |', '| --- | --- | --- |', '| 1   | 2   |     |', '| 1   | 2   | 3   | 4 |', '', 'After'),
  );
});
