import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import { buildModel } from '../../engine/model';
import { TEMPLATE_TEXT } from '../../engine/templateText';
import { lines } from './helpers';

// The injection grammars tokenized for real: vscode-textmate + oniguruma (what VS Code runs), on
// VS Code's own markdown grammar as tm-grammars ships it, with ours injected as package.json does.

const ROOT = path.join(__dirname, '../..');
const MARKDOWN = 'text.html.markdown';
const TECHSPEC = 'techspec.injection';
const TECHSPEC_MERMAID = 'techspec.mermaid.injection';
/** The "Mermaid Markdown Syntax Highlighting" extension's grammar, to check that we coexist with it. */
const MERMAID_EXTENSION = 'markdown.mermaid.codeblock';

const GRAMMAR_FILES: Record<string, string> = {
  [MARKDOWN]: require.resolve('tm-grammars/grammars/markdown.json'),
  [TECHSPEC]: path.join(ROOT, 'syntaxes/techspec.injection.tmLanguage.json'),
  [TECHSPEC_MERMAID]: path.join(ROOT, 'syntaxes/techspec.mermaid.injection.tmLanguage.json'),
  [MERMAID_EXTENSION]: require.resolve('tm-grammars/grammars/mermaid.json'),
};

let wasm: Promise<void> | undefined;
function loadOniguruma(): Promise<void> {
  const buf = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  wasm ??= oniguruma.loadWASM(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  return wasm;
}

const grammars = new Map<string, Promise<IGrammar>>();
/** Markdown with the given grammars injected into it (as their `injectTo` does in VS Code). */
function markdownWith(...injected: string[]): Promise<IGrammar> {
  const key = injected.join(',');
  if (!grammars.has(key)) {
    const registry = new Registry({
      onigLib: loadOniguruma().then(() => ({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      })),
      loadGrammar: async (scopeName) => {
        const file = GRAMMAR_FILES[scopeName];
        // Embedded languages (source.js, source.mermaid, ...) are absent, as without their extensions.
        if (!file || (scopeName !== MARKDOWN && !injected.includes(scopeName))) return null;
        return parseRawGrammar(readFileSync(file, 'utf8'), file);
      },
      getInjections: (scopeName) => (scopeName === MARKDOWN ? injected : undefined),
    });
    grammars.set(
      key,
      registry.loadGrammar(MARKDOWN).then((g) => g ?? assert.fail('markdown grammar did not load')),
    );
  }
  return grammars.get(key)!;
}

interface Token {
  line: number;
  char: number;
  text: string;
  /** Scopes below the root `text.html.markdown`, outermost first. */
  scopes: string[];
}

function tokenize(grammar: IGrammar, text: string): Token[] {
  const out: Token[] = [];
  let stack = INITIAL;
  text.split('\n').forEach((lineText, line) => {
    const r = grammar.tokenizeLine(lineText, stack);
    for (const t of r.tokens) {
      out.push({ line, char: t.startIndex, text: lineText.slice(t.startIndex, t.endIndex), scopes: t.scopes.slice(1) });
    }
    stack = r.ruleStack;
  });
  return out;
}

const ours = (): Promise<IGrammar> => markdownWith(TECHSPEC, TECHSPEC_MERMAID);

/** The scopes of the token that is exactly `text` on `line` (the first such token). */
function scopesOf(tokens: Token[], line: number, text: string): string[] {
  const t = tokens.find((x) => x.line === line && x.text === text);
  assert.ok(t, `no token ${JSON.stringify(text)} on line ${line}: ${JSON.stringify(tokens.filter((x) => x.line === line).map((x) => x.text))}`);
  return t.scopes;
}

/** `[line, char, text]` of every token whose innermost scope starts with `scope`. */
function scoped(tokens: Token[], scope: string): [number, number, string][] {
  return tokens.filter((t) => t.scopes.at(-1)?.startsWith(scope)).map((t) => [t.line, t.char, t.text]);
}

const TASK_ID = 'constant.other.task-id.techspec';
const PLACEHOLDER = 'invalid.deprecated.placeholder.techspec';

test('task IDs: the ID cell and Dependencies cells of task rows, not other cells', async () => {
  const tokens = tokenize(
    await ours(),
    lines(
      '| ID | Task | Est. Lines | Dependencies | Jira |',
      '|----|------|------------|--------------|------|',
      '| T12 | Build the UI | ~300 | T4, T10 | PROJ-1 |',
      '| T13 | Refactor T12 output | ~50 | T4,T12 | PROJ-2 |',
      '| T14 | Docs | ~50 | None | PROJ-3 |',
      '| T15 | Docs | ~50 | T1 (soft) | PROJ-4 |',
    ),
  );
  assert.deepEqual(scopesOf(tokens, 2, 'T12'), ['markup.table.markdown', TASK_ID]);
  assert.deepEqual(scopesOf(tokens, 2, 'T10'), ['markup.table.markdown', TASK_ID]);
  assert.deepEqual(scopesOf(tokens, 2, ','), ['markup.table.markdown', 'punctuation.separator.task-id.techspec']);
  // The markdown grammar still scopes the pipes.
  assert.deepEqual(scopesOf(tokens, 2, '|'), ['markup.table.markdown', 'punctuation.definition.table.markdown']);
  assert.deepEqual(scoped(tokens, TASK_ID), [
    [2, 2, 'T12'],
    [2, 30, 'T4'],
    [2, 34, 'T10'],
    [3, 2, 'T13'],
    [3, 36, 'T4'],
    [3, 39, 'T12'],
    [4, 2, 'T14'],
    [5, 2, 'T15'],
  ]);
});

test('task IDs: every ID of the template task table and its mermaid graph, as the model reads them', async () => {
  const tokens = tokenize(await ours(), TEMPLATE_TEXT);
  const model = buildModel(TEMPLATE_TEXT);
  const expected = [...model.taskTable!.tasks.flatMap((t) => [t.idCell.span, ...t.deps.map((d) => d.span)]), ...model.diagram!.nodes.map((n) => n.span)].map(
    (s) => [s.range.start.line, s.range.start.character, TEMPLATE_TEXT.slice(s.start, s.end)],
  );
  const graphLabels: [number, number, string][] = [
    [177, 7, 'T1'],
    [177, 29, 'T2'],
    [178, 14, 'T3'],
    [179, 14, 'T4'],
    [180, 14, 'T5'],
    [181, 14, 'T6'],
    [182, 14, 'T7'],
  ];
  const byPosition = (a: (string | number)[], b: (string | number)[]) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number);
  assert.equal(expected.length, 7 + 6 + 12);
  assert.deepEqual(scoped(tokens, TASK_ID), [...expected, ...graphLabels].sort(byPosition));
});

test('Status values after **Status**:, each with its own scope; nothing for other values', async () => {
  const tokens = tokenize(
    await ours(),
    lines(
      '> **Status**: Draft',
      '> **Status**: In Review',
      '**Status:** Approved',
      '> **Status**: Done',
      '> **Status**: Draft | In Review | Approved',
      'Draft is a word in prose.',
    ),
  );
  assert.deepEqual(scopesOf(tokens, 0, 'Draft'), ['markup.quote.markdown', 'meta.paragraph.markdown', 'support.constant.status.draft.techspec']);
  assert.deepEqual(scopesOf(tokens, 1, 'In Review'), ['markup.quote.markdown', 'meta.paragraph.markdown', 'support.constant.status.in-review.techspec']);
  assert.deepEqual(scopesOf(tokens, 2, 'Approved'), ['meta.paragraph.markdown', 'support.constant.status.approved.techspec']);
  // `**Status**` keeps its bold scopes.
  assert.deepEqual(scopesOf(tokens, 0, 'Status'), ['markup.quote.markdown', 'meta.paragraph.markdown', 'markup.bold.markdown']);
  assert.deepEqual(scoped(tokens, 'support.constant.status'), [
    [0, 14, 'Draft'],
    [1, 14, 'In Review'],
    [2, 12, 'Approved'],
  ]);
});

test('placeholders: bracketed text, in headings, quotes, tables and lists', async () => {
  const tokens = tokenize(
    await ours(),
    lines(
      '# Technical Spec: [Feature Name]',
      '> **Author**: [Name]',
      '| [table] | [column] | ADD/MODIFY/DROP |',
      '- [ ] [Technical decision that needs resolution]',
    ),
  );
  assert.deepEqual(scopesOf(tokens, 0, '[Feature Name]'), ['markup.heading.markdown', 'heading.1.markdown', 'entity.name.section.markdown', PLACEHOLDER]);
  assert.deepEqual(scopesOf(tokens, 1, '[Name]'), ['markup.quote.markdown', 'meta.paragraph.markdown', PLACEHOLDER]);
  assert.deepEqual(scopesOf(tokens, 2, '[table]'), ['markup.table.markdown', PLACEHOLDER]);
  assert.deepEqual(scopesOf(tokens, 3, '[Technical decision that needs resolution]'), [
    'markup.list.unnumbered.markdown',
    'meta.paragraph.markdown',
    PLACEHOLDER,
  ]);
  assert.deepEqual(
    scoped(tokens, PLACEHOLDER).map(([l, c]) => [l, c]),
    [
      [0, 18],
      [1, 14],
      [2, 2],
      [2, 12],
      [3, 6],
    ],
  );
});

test('placeholders: not links, task-list boxes, footnotes, escaped brackets, code or comments', async () => {
  const tokens = tokenize(
    await ours(),
    lines(
      'See [the docs](https://example.com/docs) and [the API][api] and ![logo](logo.png).',
      '',
      '[api]: https://example.com/api',
      '',
      '- [ ] open',
      '- [x] done',
      '- [X] done too',
      '',
      'A footnote[^1] and \\[escaped\\] text and `[in code]`.',
      '',
      '<!-- [in a comment] -->',
      '',
      '```json',
      '["in", "json"]',
      '```',
    ),
  );
  assert.deepEqual(scoped(tokens, PLACEHOLDER), []);
  // The markdown grammar's own link scopes are untouched.
  assert.deepEqual(scopesOf(tokens, 0, 'the docs'), ['meta.paragraph.markdown', 'meta.link.inline.markdown', 'string.other.link.title.markdown']);
  assert.deepEqual(scopesOf(tokens, 0, 'the API'), ['meta.paragraph.markdown', 'meta.link.reference.markdown', 'string.other.link.title.markdown']);
});

test("placeholders: the template's, outside code blocks, exactly as the engine finds them", async () => {
  const tokens = tokenize(await ours(), TEMPLATE_TEXT);
  const model = buildModel(TEMPLATE_TEXT);
  const inCode = (offset: number) => model.codeBlocks.some((b) => offset >= b.span.start && offset < b.span.end);
  const expected = model.placeholders.filter((p) => !inCode(p.span.start)).map((p) => [p.span.range.start.line, p.span.range.start.character, p.text]);
  assert.equal(expected.length, 32);
  assert.deepEqual(scoped(tokens, PLACEHOLDER), expected);
});

test('HTTP methods in endpoint headings, with or without backticks; not elsewhere', async () => {
  const tokens = tokenize(
    await ours(),
    lines(
      '#### `POST /api/v1/resource`',
      '### DELETE /api/v1/resource/{id}',
      '#### `FETCH /api/v1/resource`',
      'Call `GET /api/v1/resource` first.',
      '#### Posting rules',
    ),
  );
  assert.deepEqual(scopesOf(tokens, 0, 'POST'), [
    'markup.heading.markdown',
    'heading.4.markdown',
    'entity.name.section.markdown',
    'markup.inline.raw.string.markdown',
    'meta.endpoint.techspec',
    'keyword.other.http-method.techspec',
  ]);
  assert.deepEqual(scopesOf(tokens, 0, '/api/v1/resource'), [
    'markup.heading.markdown',
    'heading.4.markdown',
    'entity.name.section.markdown',
    'markup.inline.raw.string.markdown',
    'meta.endpoint.techspec',
    'entity.name.function.endpoint.techspec',
  ]);
  assert.deepEqual(scopesOf(tokens, 0, '`'), [
    'markup.heading.markdown',
    'heading.4.markdown',
    'entity.name.section.markdown',
    'markup.inline.raw.string.markdown',
    'meta.endpoint.techspec',
    'punctuation.definition.raw.markdown',
  ]);
  assert.deepEqual(scopesOf(tokens, 1, 'DELETE'), [
    'markup.heading.markdown',
    'heading.3.markdown',
    'entity.name.section.markdown',
    'meta.endpoint.techspec',
    'keyword.other.http-method.techspec',
  ]);
  assert.deepEqual(scoped(tokens, 'keyword.other.http-method'), [
    [0, 6, 'POST'],
    [1, 4, 'DELETE'],
  ]);
  // A non-method heading in code stays plain inline code.
  assert.deepEqual(scopesOf(tokens, 2, 'FETCH /api/v1/resource'), [
    'markup.heading.markdown',
    'heading.4.markdown',
    'entity.name.section.markdown',
    'markup.inline.raw.string.markdown',
  ]);
});

test('mermaid blocks: embedded as meta.embedded.block.mermaid, task IDs scoped, not in comments or other code', async () => {
  const tokens = tokenize(
    await ours(),
    lines(
      '```mermaid',
      'graph LR',
      '    T1[T1: Migration] --> T2',
      '    T2-->T3',
      '    %% T9 is planned',
      '```',
      '',
      '```text',
      'T1 --> T2',
      '```',
      '',
      'T1 in prose.',
    ),
  );
  assert.deepEqual(scopesOf(tokens, 0, 'mermaid'), ['markup.fenced_code.block.markdown', 'fenced_code.block.language.markdown']);
  assert.deepEqual(scopesOf(tokens, 1, 'graph LR'), ['markup.fenced_code.block.markdown', 'meta.embedded.block.mermaid']);
  assert.deepEqual(scopesOf(tokens, 2, 'T1'), ['markup.fenced_code.block.markdown', 'meta.embedded.block.mermaid', TASK_ID]);
  assert.deepEqual(scopesOf(tokens, 4, '%% T9 is planned'), [
    'markup.fenced_code.block.markdown',
    'meta.embedded.block.mermaid',
    'comment.line.percentage.mermaid',
  ]);
  assert.deepEqual(scoped(tokens, TASK_ID), [
    [2, 4, 'T1'],
    [2, 7, 'T1'],
    [2, 26, 'T2'],
    [3, 4, 'T2'],
    [3, 9, 'T3'],
  ]);
  // The closing fence ends the block.
  assert.deepEqual(scopesOf(tokens, 11, 'T1 in prose.'), ['meta.paragraph.markdown']);
});

const GRAPH = lines('```mermaid', 'graph LR', '    T1[T1: Migration] --> T2', '```');

test('with a mermaid highlighting extension installed, its scopes and our task IDs both apply', async () => {
  const tokens = tokenize(await markdownWith(TECHSPEC, TECHSPEC_MERMAID, MERMAID_EXTENSION), GRAPH);
  assert.deepEqual(scopesOf(tokens, 1, 'graph'), ['markup.fenced_code.block.markdown', 'meta.embedded.block.mermaid', 'keyword.control.mermaid']);
  assert.deepEqual(scopesOf(tokens, 2, '-->'), ['markup.fenced_code.block.markdown', 'meta.embedded.block.mermaid', 'keyword.control.mermaid']);
  assert.deepEqual(scoped(tokens, TASK_ID), [
    [2, 4, 'T1'],
    [2, 7, 'T1'],
    [2, 26, 'T2'],
  ]);
});

test('task IDs in a mermaid block opened by another grammar (techspec.mermaid.injection alone)', async () => {
  const tokens = tokenize(await markdownWith(TECHSPEC_MERMAID, MERMAID_EXTENSION), GRAPH);
  assert.deepEqual(scoped(tokens, TASK_ID), [
    [2, 4, 'T1'],
    [2, 7, 'T1'],
    [2, 26, 'T2'],
  ]);
  // Without ours the mermaid extension's block is there and gets no task IDs: the scopes come from us.
  const without = tokenize(await markdownWith(MERMAID_EXTENSION), GRAPH);
  assert.deepEqual(scopesOf(without, 1, 'graph'), ['markup.fenced_code.block.markdown', 'meta.embedded.block.mermaid', 'keyword.control.mermaid']);
  assert.deepEqual(scoped(without, TASK_ID), []);
});

test('package.json contributes both grammars into markdown and the snippets for markdown', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.grammars, [
    { scopeName: TECHSPEC, path: './syntaxes/techspec.injection.tmLanguage.json', injectTo: [MARKDOWN] },
    { scopeName: TECHSPEC_MERMAID, path: './syntaxes/techspec.mermaid.injection.tmLanguage.json', injectTo: [MARKDOWN] },
  ]);
  for (const g of pkg.contributes.grammars) {
    assert.equal(JSON.parse(readFileSync(path.join(ROOT, g.path), 'utf8')).scopeName, g.scopeName);
  }
  assert.deepEqual(pkg.contributes.snippets, [{ language: 'markdown', path: './snippets/techspec.code-snippets' }]);
});
