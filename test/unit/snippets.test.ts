import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildModel } from '../../engine/model';
import { HTTP_METHODS } from '../../engine/template';
import { defaultSchema } from '../../engine/template/default';

const STATUS_VALUES = defaultSchema().status!.values;
const RISK_LEVELS = defaultSchema().riskLevels!;
const TEMPLATE_SECTIONS = defaultSchema().sections;
import { TEMPLATE_TEXT } from '../../engine/templateText';
import { diagnose, lines, only } from './helpers';

// A small TextMate-snippet expander (the syntax VS Code's snippet parser accepts, minus
// transforms): strict, so that an unescaped `$`, an unknown variable or an unclosed `${`
// in a body is an error instead of silently becoming something else in the editor.

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; body?: SnippetNode[]; choices?: string[] }
  | { kind: 'variable'; name: string; body?: SnippetNode[] };

const VARIABLE = /^[_a-zA-Z][_a-zA-Z0-9]*/;
const INT = /^\d+/;

function parseSnippet(src: string): SnippetNode[] {
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${pos}: ${JSON.stringify(src.slice(Math.max(0, pos - 20), pos + 20))}`);
  };

  // Text and constructs up to an unescaped `}` (inside a placeholder) or the end.
  const parseAny = (inside: boolean): SnippetNode[] => {
    const out: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < src.length) {
      const c = src[pos];
      if (c === '\\' && pos + 1 < src.length && '$}\\'.includes(src[pos + 1])) {
        text += src[pos + 1];
        pos += 2;
      } else if (c === '}' && inside) {
        flush();
        return out;
      } else if (c === '$') {
        flush();
        out.push(parseDollar());
      } else {
        text += c;
        pos++;
      }
    }
    if (inside) fail('unclosed ${');
    flush();
    return out;
  };

  const parseDollar = (): SnippetNode => {
    pos++; // $
    const rest = () => src.slice(pos);
    let m = INT.exec(rest());
    if (m) {
      pos += m[0].length;
      return { kind: 'tabstop', index: Number(m[0]) };
    }
    m = VARIABLE.exec(rest());
    if (m) {
      pos += m[0].length;
      return { kind: 'variable', name: m[0] };
    }
    if (src[pos] !== '{') return fail('unescaped $');
    pos++; // {
    m = INT.exec(rest()) ?? VARIABLE.exec(rest());
    if (!m) return fail('${ without a tab stop number or variable name');
    pos += m[0].length;
    const isTabstop = /^\d/.test(m[0]);
    const node: SnippetNode = isTabstop ? { kind: 'tabstop', index: Number(m[0]) } : { kind: 'variable', name: m[0] };
    const c = src[pos];
    if (c === '}') {
      pos++;
      return node;
    }
    if (c === ':') {
      pos++;
      node.body = parseAny(true);
      pos++; // }
      return node;
    }
    if (c === '|' && node.kind === 'tabstop') {
      pos++;
      const choices: string[] = [];
      let option = '';
      for (;;) {
        if (pos >= src.length) return fail('unclosed choice');
        const ch = src[pos];
        if (ch === '\\' && ',|\\$}'.includes(src[pos + 1] ?? '')) {
          option += src[pos + 1];
          pos += 2;
        } else if (ch === ',') {
          choices.push(option);
          option = '';
          pos++;
        } else if (ch === '|' && src[pos + 1] === '}') {
          choices.push(option);
          pos += 2;
          break;
        } else {
          option += ch;
          pos++;
        }
      }
      node.choices = choices;
      return node;
    }
    return fail(`unexpected ${JSON.stringify(c)} in \${`);
  };

  return parseAny(false);
}

interface Expansion {
  text: string;
  /** Each tab stop's index and the text it starts with, in order of first appearance. */
  tabstops: { index: number; value: string; choices?: string[] }[];
}

/** The text a snippet inserts when every tab stop keeps its default (a choice: its first option). */
function expandSnippet(body: string, variables: Record<string, string>): Expansion {
  const nodes = parseSnippet(body);
  const defaults = new Map<number, { value: string; choices?: string[] }>();
  const render = (ns: SnippetNode[]): string =>
    ns
      .map((n) => {
        if (n.kind === 'text') return n.value;
        if (n.kind === 'variable') {
          if (!(n.name in variables)) throw new Error(`unknown variable $${n.name}: escape a literal $ as \\$`);
          return variables[n.name];
        }
        if (n.body || n.choices) {
          const value = n.choices ? n.choices[0] : render(n.body!);
          const seen = defaults.get(n.index);
          if (seen && seen.value !== value) throw new Error(`tab stop ${n.index} has two defaults: ${seen.value} / ${value}`);
          if (!seen) defaults.set(n.index, { value, ...(n.choices ? { choices: n.choices } : {}) });
          return value;
        }
        return '';
      })
      .join('');
  render(nodes); // first pass: the defaults of every tab stop, so mirrors before their placeholder resolve too
  const mirror = (ns: SnippetNode[]): string =>
    ns
      .map((n) => {
        if (n.kind === 'text') return n.value;
        if (n.kind === 'variable') return variables[n.name];
        if (n.kind === 'tabstop' && !n.body && !n.choices) return defaults.get(n.index)?.value ?? '';
        return n.choices ? n.choices[0] : mirror(n.body!);
      })
      .join('');
  const tabstops: Expansion['tabstops'] = [];
  const walk = (ns: SnippetNode[]) => {
    for (const n of ns) {
      if (n.kind === 'tabstop' && !tabstops.some((t) => t.index === n.index)) {
        tabstops.push({ index: n.index, ...(defaults.get(n.index) ?? { value: '' }) });
      }
      if (n.kind !== 'text' && n.body) walk(n.body);
    }
  };
  walk(nodes);
  return { text: mirror(nodes), tabstops };
}

// The date variables, fixed to the unit tests' "today".
const DATE_VARS = { CURRENT_YEAR: '2026', CURRENT_MONTH: '11', CURRENT_DATE: '25' };

interface SnippetEntry {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

const snippetsPath = path.join(__dirname, '../../snippets/techspec.code-snippets');
const snippets: Record<string, SnippetEntry> = JSON.parse(readFileSync(snippetsPath, 'utf8'));
const bodyOf = (s: SnippetEntry) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const byPrefix = (prefix: string): SnippetEntry => {
  const s = Object.values(snippets).find((e) => e.prefix === prefix);
  assert.ok(s, `no snippet with prefix ${prefix}`);
  return s;
};
const expand = (prefix: string) => expandSnippet(bodyOf(byPrefix(prefix)), DATE_VARS);

test('the expander: escapes, mirrors, choices, variables', () => {
  assert.deepEqual(expandSnippet('a \\$5 ${1:x\\}y} $1 ${2|p\\,q,r|} $CURRENT_YEAR', DATE_VARS), {
    text: 'a $5 x}y x}y p,q 2026',
    tabstops: [
      { index: 1, value: 'x}y' },
      { index: 2, value: 'p,q', choices: ['p,q', 'r'] },
    ],
  });
  assert.equal(expandSnippet('$1 ${1:m} ${2:outer ${3:inner}}', {}).text, 'm m outer inner');
  assert.throws(() => expandSnippet('costs $ 5', {}), /unescaped \$ at offset 7/);
  assert.throws(() => expandSnippet('${1:open', {}), /unclosed \$\{/);
  assert.throws(() => expandSnippet('${1|a,b}', {}), /unclosed choice/);
  assert.throws(() => expandSnippet('$price', {}), /unknown variable \$price/);
  assert.throws(() => expandSnippet('${1:a} ${1:b}', {}), /tab stop 1 has two defaults/);
});

test('every snippet: a spec- prefix, a description, and a body that is valid snippet syntax', () => {
  const prefixes = Object.values(snippets).map((s) => s.prefix);
  assert.deepEqual(prefixes, ['spec-skeleton', 'spec-task', 'spec-endpoint', 'spec-risk', 'spec-flag', 'spec-c4-context', 'spec-c4-container', 'spec-graph']);
  for (const [name, s] of Object.entries(snippets)) {
    for (const p of [s.prefix].flat()) assert.match(p, /^spec-[a-z0-9-]+$/, name);
    assert.ok(s.description && s.description.length > 10, `${name} has no description`);
    assert.doesNotThrow(() => expandSnippet(bodyOf(s), DATE_VARS), name);
  }
});

test('spec-skeleton: with its defaults it is the template, with one Status value and today as Last Updated', () => {
  const { text, tabstops } = expand('spec-skeleton');
  const expected = TEMPLATE_TEXT.replace('> **Status**: Draft | In Review | Approved', '> **Status**: Draft').replace(
    '> **Last Updated**: [Date]',
    '> **Last Updated**: 2026-11-25',
  );
  assert.notEqual(expected, TEMPLATE_TEXT);
  assert.equal(text, expected);
  assert.deepEqual(tabstops, [
    { index: 1, value: '[Feature Name]' },
    { index: 2, value: 'Draft', choices: [...STATUS_VALUES] },
    { index: 3, value: '[Name]' },
    { index: 4, value: '[Link to PRD]' },
    { index: 5, value: '2026-11-25' },
    { index: 6, value: '[1-2 paragraph summary of the technical approach. What are we building and at a high level, how?]' },
  ]);
});

test('spec-skeleton: its level-2 headings are the template sections, in order', () => {
  const headings = [...expand('spec-skeleton').text.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
  assert.deepEqual(
    headings,
    TEMPLATE_SECTIONS.map((s) => s.title),
  );
  assert.equal(headings.length, 12);
});

test('spec-skeleton: the title tab stop is mirrored into both C4 diagram titles', () => {
  const body = bodyOf(byPrefix('spec-skeleton'));
  const withTitle = body.replace('${1:[Feature Name]}', '${1:Login}');
  const { text } = expandSnippet(withTitle, DATE_VARS);
  assert.match(text, /^# Technical Spec: Login$/m);
  assert.match(text, /^    title System Context for Login$/m);
  assert.match(text, /^    title Container Diagram for Login$/m);
});

test('spec-skeleton: the engine finds every section in order and a valid Status and date', () => {
  const { text } = expand('spec-skeleton');
  assert.deepEqual(only(diagnose(text), 'TS101', 'TS102', 'TS103', 'TS201', 'TS202', 'TS205', 'TS206'), []);
  assert.deepEqual(
    buildModel(text).sections.map((s) => s.key),
    TEMPLATE_SECTIONS.map((s) => s.key),
  );
});

test('spec-task: a Task Breakdown row the model reads as a task', () => {
  const { text, tabstops } = expand('spec-task');
  assert.equal(text, '| T1 | [Task description] | ~200 | None | [Link] |');
  assert.deepEqual(
    tabstops.map((t) => t.index),
    [1, 2, 3, 4, 5, 0],
  );
  const m = buildModel(
    lines('## Task Breakdown', '', '| ID | Task | Est. Lines | Dependencies | Jira |', '|----|------|------------|--------------|------|', text),
  );
  const task = m.taskTable?.tasks[0];
  assert.equal(task?.id, 'T1');
  assert.equal(task?.estLines, 200);
  assert.deepEqual(task?.deps, []);
  assert.deepEqual(
    task?.noneMarkers.map((n) => n.id),
    ['None'],
  );
});

test('spec-endpoint: heading with a method choice, request and response blocks that parse as JSON, errors table', () => {
  const { text, tabstops } = expand('spec-endpoint');
  assert.equal(
    text,
    [
      '#### `GET /api/v1/resource`',
      '',
      '**Request**:',
      '```json',
      '{',
      '  "field1": "string"',
      '}',
      '```',
      '',
      '**Response** (200 OK):',
      '```json',
      '{',
      '  "id": "uuid"',
      '}',
      '```',
      '',
      '**Errors**:',
      '| Status | Code | Description |',
      '|--------|------|-------------|',
      '| 400 | INVALID_INPUT | Validation failed |',
      '',
    ].join('\n'),
  );
  assert.deepEqual(tabstops[0], { index: 1, value: 'GET', choices: [...HTTP_METHODS] });
  const jsonBlocks = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
  assert.deepEqual(jsonBlocks, [{ field1: 'string' }, { id: 'uuid' }]);
  const m = buildModel(lines('## API Design', '', '### New Endpoints', '', text));
  assert.deepEqual(
    m.endpoints.map((e) => [e.method, e.path]),
    [['GET', '/api/v1/resource']],
  );
});

test('spec-risk: Likelihood and Impact are choices of the risk levels', () => {
  const { text, tabstops } = expand('spec-risk');
  assert.equal(text, '| [Risk description] | Low | Low | [How to prevent/detect/recover] |');
  assert.deepEqual(
    tabstops.filter((t) => t.choices).map((t) => [t.index, t.choices]),
    [
      [2, [...RISK_LEVELS]],
      [3, [...RISK_LEVELS]],
    ],
  );
});

test('spec-flag: a Feature Flags row with the flag as code and a boolean default', () => {
  const { text, tabstops } = expand('spec-flag');
  assert.equal(text, '| `feature_x_enabled` | [Purpose] | false |');
  assert.deepEqual(tabstops[2], { index: 3, value: 'false', choices: ['false', 'true'] });
});

test('spec-c4-context and spec-c4-container: mermaid C4 blocks titled by their first tab stop', () => {
  const context = expand('spec-c4-context').text;
  assert.match(context, /^```mermaid\nC4Context\n    title System Context for \[Feature Name\]\n/);
  assert.match(context, /^    System_Boundary\(boundary, "Our Platform"\) \{$/m);
  assert.match(context, /\n```$/);
  const container = expand('spec-c4-container').text;
  assert.match(container, /^```mermaid\nC4Container\n    title Container Diagram for \[Feature Name\]\n/);
  assert.match(container, /^        ContainerDb\(db, "Database", "PostgreSQL", "Primary data store"\)$/m);
  assert.match(container, /\n```$/);
});

test('spec-graph: a dependency graph whose edge the model reads, IDs mirrored into the labels', () => {
  const { text } = expand('spec-graph');
  assert.equal(text, '```mermaid\ngraph LR\n    T1[T1: Migration] --> T2[T2: Repository]\n```');
  const m = buildModel(lines('## Task Breakdown', '', '### Task Dependency Graph', '', text));
  assert.deepEqual(
    m.diagram?.edges.map((e) => [e.from.id, e.to.id]),
    [['T1', 'T2']],
  );
  const renumbered = expandSnippet(bodyOf(byPrefix('spec-graph')).replace('T${1:1}', 'T${1:7}'), {}).text;
  assert.match(renumbered, /T7\[T7: Migration\]/);
});
