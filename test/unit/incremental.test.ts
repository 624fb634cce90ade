// The incremental parser must give exactly what a full remark parse gives: the same mdast (positions
// included), hence the same model and the same diagnostics, for whole documents and edit sequences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { IncrementalParser, commonPrefix, commonSuffix, type IncrementalOptions } from '../../engine/incremental';
import { parseMarkdown } from '../../engine/parse';
import { buildModel, type SpecModel } from '../../engine/model';
import { ModelMemo } from '../../engine/incremental';
import { computeDiagnostics } from '../../engine/diagnostics';
import { DEFAULT_SETTINGS } from '../../engine/settings';
import { TEMPLATE_TEXT } from '../../engine/templateText';
import { FC_SEED } from './helpers';
import type { Heading, Nodes, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';

const TODAY = '2026-11-25';
/** Small batches, tables split from 2 rows up and 2 rows left unpacked, so that short documents exercise every path. */
const TINY: Partial<IncrementalOptions> = { batchChars: 120, rowBatch: 3, minSplitRows: 2, warmRows: 2 };

function genSpec(tasks: number): string {
  return execFileSync(process.execPath, ['bench/gen-spec.mjs', '--tasks', String(tasks)], { encoding: 'utf8', maxBuffer: 1 << 26 });
}

/** The model as data: spans read where they are now (a memo's spans hold where they were built and how far they moved). */
const plain = (m: SpecModel): unknown => JSON.parse(JSON.stringify({ ...m, lines: m.lines.lineStarts }));

/**
 * Asserts that `root` is the full parse of `text`, and that the model built on it with `memo` (kept
 * across the versions of one document), and its diagnostics, are those built from scratch.
 */
function assertSameAsFull(text: string, root: ReturnType<typeof parseMarkdown>, what: string, memo = new ModelMemo(), parser?: IncrementalParser): void {
  // As the service does: the memo updates its line index from the parser's diff.
  if (parser) memo.hint(parser.takeDiff());
  const full = parseMarkdown(text);
  // The model and diagnostics first: after parse(text, LAZY) the model settles only the rows it reads.
  const a = buildModel(text, root, memo);
  parser?.pack();
  const diagnostics = computeDiagnostics(a, DEFAULT_SETTINGS, TODAY, 'file:///x.spec.md');
  if (parser) settleAll(parser, root);
  assert.deepStrictEqual(root, full, `mdast differs from a full parse: ${what}`);
  // The next version starts from packed rows again, as the service's do.
  parser?.pack();
  const b = buildModel(text, full);
  assert.deepStrictEqual(plain(a), plain(b), `model differs: ${what}`);
  assert.deepStrictEqual(diagnostics, computeDiagnostics(b, DEFAULT_SETTINGS, TODAY, 'file:///x.spec.md'), `diagnostics differ: ${what}`);
}

/** How the service parses: positions inside top-level nodes and table rows settle only when the model reads them. */
const LAZY = { settled: false };

/** A parser and a memo wired as the service wires them; tiny options build a big table's rows in blocks of 2. */
function session(options: Partial<IncrementalOptions> = {}): { parser: IncrementalParser; memo: ModelMemo } {
  const parser = new IncrementalParser(options);
  return { parser, memo: new ModelMemo(parser, options === TINY ? 2 : undefined) };
}

function settleAll(parser: IncrementalParser, node: Nodes): void {
  parser.settle(node);
  if ('children' in node) for (const child of node.children) settleAll(parser, child as Nodes);
}

const fixtures = readdirSync('test/fixtures')
  .filter((f) => f.endsWith('.md'))
  .map((f) => [f, readFileSync(`test/fixtures/${f}`, 'utf8')] as const);
const documents: (readonly [string, string])[] = [
  ['template', TEMPLATE_TEXT],
  ...fixtures,
  ['gen-spec 4', genSpec(4)],
  ['gen-spec 60', genSpec(60)],
  ['gen-spec 200', genSpec(200)],
];

test('whole documents parse as a full parse does, with default and tiny chunk sizes, LF and CRLF', () => {
  for (const [name, text] of documents) {
    for (const t of [text, text.replace(/\n/g, '\r\n')]) {
      for (const opts of [{}, TINY]) assertSameAsFull(t, new IncrementalParser(opts).parse(t), `${name} ${JSON.stringify(opts)}`);
    }
  }
});

test('a big table is parsed in row batches and a keystroke in a row re-parses one batch', () => {
  const text = genSpec(200);
  const parser = new IncrementalParser();
  const memo = new ModelMemo();
  buildModel(text, parser.parse(text), memo);
  assert.ok(parser.parsesRun >= 13, `200 rows take 13 batches of 16 at least, ran ${parser.parsesRun} parses`);
  const at = text.indexOf('| T100 |') + 5;
  const edited = text.slice(0, at) + 'x' + text.slice(at);
  assertSameAsFull(edited, parser.parse(edited), 'edit in row T100', memo, parser);
  assert.equal(parser.parsesRun, 1, 'only the edited row is parsed again');
  const at2 = text.indexOf('A generated specification');
  const edited2 = edited.slice(0, at2) + 'Really, a' + edited.slice(at2 + 1);
  assertSameAsFull(edited2, parser.parse(edited2), 'edit in the Overview', memo, parser);
  assert.equal(parser.parsesRun, 1, 'only the Overview paragraph is parsed again');
  // A row typed into leaves its old texts behind only until they add up: 64 entries here.
  const size = parser.cacheSize;
  let text3 = edited2;
  const at3 = at + edited2.length - edited.length;
  const sizes: number[] = [];
  for (let k = 0; k < 200; k++) {
    text3 = text3.slice(0, at3) + `e${k}` + text3.slice(at3);
    parser.parse(text3);
    sizes.push(parser.cacheSize - size);
  }
  assert.deepStrictEqual(sizes.slice(0, 3), [1, 2, 3], 'one entry left behind per edit');
  assert.ok(Math.max(...sizes) <= 64, `at most 64 unused entries are kept, saw ${Math.max(...sizes)}`);
  assert.ok(sizes.includes(0), 'the unused entries were swept');
});

test('definitions anywhere resolve references everywhere; adding and removing one re-parses what depends on it', () => {
  const parser = new IncrementalParser(TINY);
  const base = '# Title\n\nSee [the docs][d] and [^n].\n\n| a | b |\n|---|---|\n| [d] | [^n] |\n| x | y |\n| z | w |\n\nLast [d].\n';
  assertSameAsFull(base, parser.parse(base), 'no definition');
  const withDefs = base + '\n[d]: https://example.com\n\n[^n]: A note.\n';
  const root = parser.parse(withDefs);
  assertSameAsFull(withDefs, root, 'definitions at the end');
  assert.equal((root.children[1] as { children: { type: string }[] }).children[1].type, 'linkReference');
  assertSameAsFull(base, parser.parse(base), 'definitions removed');
});

// Fragments that open or close constructs a unit boundary must respect.
const fragment = fc.constantFrom(
  '\n',
  '\n\n',
  '\r\n',
  '\r\n\r\n',
  '```',
  '```\n',
  '~~~\n',
  '    ',
  '  ',
  '\t',
  '# ',
  '## ',
  'Title\n===\n',
  '---\n',
  '> ',
  '- ',
  '1. ',
  '* ',
  '| T9 | x | ~10 | T1 | j |\n',
  '| a | b |\n|---|---|\n',
  '|',
  '[x]: /u\n',
  '[x]',
  '[^f]: note\n',
  '[^f]',
  '<!--',
  '-->',
  '<script>\n',
  '</script>',
  '<div>\n',
  'word',
  'T1, T2',
  '`',
  '**',
  '\uFEFF',
  'é',
);
const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 30 }),
  insert: fc.array(fragment, { maxLength: 3 }).map((a) => a.join('')),
  lineStart: fc.boolean(),
});

function applyEdit(text: string, e: { at: number; remove: number; insert: string; lineStart: boolean }): string {
  let at = e.at % (text.length + 1);
  if (e.lineStart) at = text.lastIndexOf('\n', at - 1) + 1;
  return text.slice(0, at) + e.insert + text.slice(at + (e.lineStart ? 0 : e.remove));
}

const SMALL = genSpec(4);
const MIXED = [
  '---\ntitle: x\n---\n',
  '# Technical Spec: Mixed\n\n> **Status**: Draft\n\n## Overview\n\nText with [a link][x] and a note[^f].\n',
  '```js\nconst a = 1;\n\nconst b = 2;\n```\n\n- item one\n\n  continued\n- item two\n\n<!--\ncomment\n\nstill comment\n-->\n',
  '| ID | Task | Est. Lines | Dependencies | Jira |\n|----|------|-----|------|------|\n| T1 | a | ~10 | None | j |\n| T2 | b | ~20 | T1 | j |\n| T3 | c | ~30 | T2 | j |\n| T4 | d | ~40 | T3 | j |\n\n',
  '    indented code\n\n    more\n\npara\n---\n\n[x]: /url\n',
].join('\n');

test('definitions written after a batch that ends in an open fence still resolve the references before it', () => {
  // Found by the random edits below: front matter removed, then the first line no longer '---'.
  const parser = new IncrementalParser(TINY);
  const memo = new ModelMemo();
  buildModel(MIXED, parser.parse(MIXED), memo);
  const noFrontMatterEnd = MIXED.slice(13);
  assertSameAsFull(noFrontMatterEnd, parser.parse(noFrontMatterEnd), 'front matter open to the setext underline', memo, parser);
  const text = '\n' + noFrontMatterEnd;
  const root = parser.parse(text);
  assertSameAsFull(text, root, 'front matter gone', memo, parser);
  assert.ok(JSON.stringify(root).includes('"linkReference"'), 'the [a link][x] reference resolves to the definition at the end');
});

for (const [name, base, runs] of [
  ['mixed', MIXED, 120],
  ['gen-spec 4', SMALL, 40],
  ['template', TEMPLATE_TEXT, 8],
] as const) {
  test(`random edit sequences of ${name} give a full parse's tree, model and diagnostics at every step`, () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), fc.boolean(), fc.boolean(), fc.boolean(), (edits, tiny, crlf, lazy) => {
        let text = crlf ? base.replace(/\n/g, '\r\n') : base;
        const { parser, memo } = session(tiny ? TINY : {});
        const options = lazy ? LAZY : {};
        buildModel(text, parser.parse(text, options), memo);
        parser.pack();
        for (const e of edits) {
          text = applyEdit(text, e);
          assertSameAsFull(text, parser.parse(text, options), JSON.stringify(text), memo, parser);
        }
      }),
      { numRuns: runs, seed: FC_SEED },
    );
  });
}

test('edits that open and close a fence, join blocks, add and remove rows, and make a heading', () => {
  const { parser, memo } = session(TINY);
  let text = MIXED;
  buildModel(text, parser.parse(text, LAZY), memo);
  parser.pack();
  const steps: [string, (t: string) => string][] = [
    ['open a fence above the table', (t) => t.replace('| ID |', '```\n\n| ID |')],
    ['close it again', (t) => t.replace('```\n\n| ID |', '```\n\n```\n| ID |')],
    ['remove both', (t) => t.replace('```\n\n```\n| ID |', '| ID |')],
    ['add a row', (t) => t.replace('| T4 |', '| T5 | e | ~1 | T4 | j |\n| T4 |')],
    ['remove a row', (t) => t.replace('| T2 | b | ~20 | T1 | j |\n', '')],
    ['join two blocks', (t) => t.replace('## Overview\n\nText', '## Overview\nText')],
    ['turn a paragraph into a heading', (t) => t.replace('\npara\n', '\n## para\n')],
    ['split a list', (t) => t.replace('- item two', '\nitem two')],
    ['unclose the comment', (t) => t.replace('-->\n', '->\n')],
  ];
  for (const [what, change] of steps) {
    const next = change(text);
    assert.notEqual(next, text, `step "${what}" changed nothing`);
    text = next;
    assertSameAsFull(text, parser.parse(text, LAZY), what, memo, parser);
  }
});

test('text nodes without a position (remark-gfm autolink literals) are skipped, not a crash', () => {
  const text = '# Technical Spec: X\r\n\r\n> **PRD Link**: [PRD(https://example.com/prd/4)\r\n';
  const root = new IncrementalParser().parse(text);
  const paragraph = (root.children[1] as { children: { children: { position?: unknown }[] }[] }).children[0];
  assert.ok(
    paragraph.children.some((c) => !c.position),
    'the fixture still has a node without a position',
  );
  const model = buildModel(text, root, new ModelMemo());
  assert.deepStrictEqual(model.placeholders, []);
  assert.equal(model.header.prdLink?.value, '[PRD(https://example.com/prd/4)');
});

test('after a lazy parse, the rows and top-level nodes after an edit lag until settled, and what the model builds again is settled', () => {
  const text = genSpec(200);
  const { parser, memo } = session();
  buildModel(text, parser.parse(text, LAZY), memo);
  const at = text.indexOf('| T100 |') + 5;
  const edited = text.slice(0, at) + 'x' + text.slice(at);
  const root = parser.parse(edited, LAZY);
  const table = root.children.find((n) => n.type === 'table' && JSON.stringify(n.children[1]).includes('"T1"')) as Table;
  const row150 = table.children[150];
  const rowStart = edited.indexOf('| T150 |');
  const starts = (n: Nodes & { children: Nodes[] }) => [n.position!.start.offset, n.children[0].position!.start.offset];
  assert.deepStrictEqual(starts(row150), [rowStart - 1, rowStart - 1], 'the row and its cells lag one character behind');
  assert.equal(table.position!.end.offset, table.children[200].position!.end.offset, "the table's end is its last row's, settled");
  assert.equal(table.position!.end.offset, edited.indexOf('\n', edited.indexOf('| T200 |')));
  parser.settle(row150);
  assert.deepStrictEqual(starts(row150), [rowStart, rowStart], 'settled');
  const heading = root.children.find((n) => n.type === 'heading' && toString(n) === 'Security Considerations') as Heading;
  const headingStart = edited.indexOf('## Security');
  assert.deepStrictEqual(starts(heading), [headingStart - 1, headingStart + 2], 'a heading after the table lags');
  parser.settle(heading);
  assert.deepStrictEqual(starts(heading), [headingStart, headingStart + 3], 'settled');
  // A copy of a row typed elsewhere is a clone of the cached row's nodes: the model builds it again.
  const t150 = edited.slice(rowStart, edited.indexOf('\n', rowStart) + 1);
  const copied = edited.replace('| T10 |', t150 + '| T10 |');
  assertSameAsFull(copied, parser.parse(copied, LAZY), 'row T150 copied above T10', memo, parser);
});

test('a task table quoted in Task Breakdown keeps its tasks when the memo reuses its block', () => {
  const { parser, memo } = session();
  const text =
    '# Technical Spec: Q\n\n## Overview\n\nSome text.\n\n## Task Breakdown\n\n> | ID | Task | Est. Lines | Dependencies | Jira |\n> |----|------|-----|------|------|\n> | T1 | a | ~10 | None | j |\n> | T2 | b | ~20 | T1, T9 | j |\n';
  buildModel(text, parser.parse(text, LAZY), memo);
  const edited = text.replace('Some text.', 'Some more text.');
  const root = parser.parse(edited, LAZY);
  memo.hint(parser.takeDiff());
  const model = buildModel(edited, root, memo);
  assert.deepStrictEqual(
    model.taskTable?.tasks.map((t) => [t.id, t.deps.map((d) => [d.id, d.span.range.start.line, d.span.start])]),
    [
      ['T1', []],
      [
        'T2',
        [
          ['T1', 11, edited.indexOf('T1, T9')],
          ['T9', 11, edited.indexOf('T9 |')],
        ],
      ],
    ],
  );
  assertSameAsFull(edited.replace('Some', 'Any'), parser.parse(edited.replace('Some', 'Any'), LAZY), 'another edit above', memo, parser);
});

test("a big table's rows are kept in blocks: an edit builds its own block again and moves the blocks after it", () => {
  const parser = new IncrementalParser();
  const memo = new ModelMemo(parser, 16);
  let text = genSpec(200);
  const first = buildModel(text, parser.parse(text, LAZY), memo).taskTable!.tasks;
  const steps: [string, (t: string) => string][] = [
    ['a keystroke in row T100', (t) => t.replace('| T100 |', '| T100x |')],
    ['a new row after T120', (t) => t.replace('| T121 |', '| T999 | New | ~10 | T1 | j |\n| T121 |')],
    ['row T150 removed', (t) => t.replace(/\| T150 \|[^\n]*\n/, '')],
    ['a keystroke above the table', (t) => t.replace('## Task Breakdown', '## Task Breakdown!')],
  ];
  for (const [what, change] of steps) {
    text = change(text);
    assertSameAsFull(text, parser.parse(text, LAZY), what, memo, parser);
  }
  const tasks = buildModel(text, parser.parse(text, LAZY), memo).taskTable!.tasks;
  const same = (id: string) => first.find((t) => t.id === id) === tasks.find((t) => t.id === id);
  // Blocks of 16 rows from T1: T97-T112 holds T100, T113-T128 the new row, T145-T160 the removed one.
  const ids = ['T1', 'T96', 'T97', 'T100x', 'T112', 'T113', 'T128', 'T129', 'T144', 'T145', 'T161', 'T200'];
  assert.deepStrictEqual(ids.map(same), [true, true, false, false, false, false, false, true, true, false, true, true]);
});

test("pack() writes the cells of rows, and what is inside top-level nodes, not read lately to a string each; settle() reads them back as remark's", () => {
  const rows = [
    '| T1 | plain | ~10 | None | j |',
    '| T2 | tab\there and `code` | ~20 | T1 | [J-2](https://j.example/2) |',
    '| T3 | autolink www.example.com and https://example.com/x | ~30 | T2 | <b>html</b> |',
    '| T4 | escaped \\| pipe, **bold _nested_** and a note[^n] | ~40 | T3 | j |',
    '| T5 | ref [x] and ![img](i.png "t") | ~50 | T4 | ~~gone~~ |',
  ];
  const body = Array.from({ length: 60 }, (_, i) => rows[i % rows.length].replace(/T\d+/, `T${i + 1}`)).join('\n');
  const intro = '## Overview\n\nSome *a* and **b**,\n`c` and [d](/e "t") and\n_f_ or www.g.com text.\n\n- one\n- two *x*\n\n  > three\n\n';
  const text = `# Technical Spec: P\n\n${intro}## Task Breakdown\n\n| ID | Task | Est. Lines | Dependencies | Jira |\n|----|------|-----|------|------|\n${body}\n\n[x]: /url\n[^n]: note\n`;
  for (const eol of ['\n', '\r\n']) {
    const doc = text.replace(/\n/g, eol);
    const parser = new IncrementalParser({ warmRows: 4 });
    const memo = new ModelMemo(parser, 8);
    buildModel(doc, parser.parse(doc, LAZY), memo);
    parser.pack();
    const edited = doc.replace('| T30 |', '| T30x |');
    const root = parser.parse(edited, LAZY);
    const table = root.children.find((n): n is Table => n.type === 'table')!;
    const packed = table.children.filter((r) => r.children.length === 0).length;
    // 60 rows: the 4 read last stay warm, and the edited row was just parsed.
    assert.equal(packed, 55);
    const [paragraph, list] = root.children.filter((n) => n.type === 'paragraph' || n.type === 'list') as (Nodes & { children: Nodes[] })[];
    assert.deepStrictEqual([paragraph.children.length, list.children.length], [0, 0], 'the multi-line paragraph and the list are packed too');
    assertSameAsFull(edited, root, `edited, ${JSON.stringify(eol)}`, memo, parser);
    const again = edited.replace('| T2 |', '| T2y |');
    assertSameAsFull(again, parser.parse(again, LAZY), `edited again, ${JSON.stringify(eol)}`, memo, parser);
  }
});

test('commonPrefix and commonSuffix find an edit anywhere in a long text, block edges included', () => {
  const base = Array.from({ length: 40_000 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join('');
  for (const at of [0, 1, 8191, 8192, 8193, 16_384, 20_000, 39_999, 40_000]) {
    for (const [removed, inserted] of [
      [0, 'X'],
      [1, ''],
      [1, 'Y'],
      [3, 'XYZ'],
    ] as const) {
      if (at + removed > base.length) continue;
      const edited = base.slice(0, at) + inserted + base.slice(at + removed);
      const p = commonPrefix(base, edited);
      const s = commonSuffix(base, edited, Math.min(base.length, edited.length) - p);
      let p0 = 0;
      while (p0 < Math.min(base.length, edited.length) && base[p0] === edited[p0]) p0++;
      let s0 = 0;
      while (s0 < Math.min(base.length, edited.length) - p0 && base[base.length - 1 - s0] === edited[edited.length - 1 - s0]) s0++;
      assert.deepEqual([p, s], [p0, s0], `edit at ${at}: -${removed} +${JSON.stringify(inserted)}`);
    }
  }
  assert.equal(commonPrefix(base, base), base.length);
});
