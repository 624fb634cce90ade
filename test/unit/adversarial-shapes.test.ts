// Shapes that once made the parse quadratic or overflow the stack: deep lists and block quotes, long
// lines of inline markup, deep trees. They parse in linear time, with exact positions, and the
// output of a rule that finds thousands of problems is capped with a summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Nodes, Root } from 'mdast';
import { parseMarkdown, MAX_TREE_DEPTH } from '../../engine/parse';
import { MAX_CONTAINER_DEPTH, MAX_INLINE_LINE, tameShapes } from '../../engine/shapes';
import { MAX_PER_RULE, MAX_RELATED } from '../../engine/diagnostics';
import { buildModel } from '../../engine/model';
import { TEMPLATE_TEXT } from '../../engine/templateText';
import { diagnose, messageOf, only } from './helpers';

/** The deepest chain of nodes and their count, walked without recursion. */
function shape(root: Root): { depth: number; nodes: number } {
  let depth = 0;
  let nodes = 0;
  const stack: [Nodes, number][] = [[root, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    nodes++;
    depth = Math.max(depth, top[1]);
    if ('children' in top[0]) for (const c of top[0].children) stack.push([c as Nodes, top[1] + 1]);
  }
  return { depth, nodes };
}

const TITLE = '# Technical Spec: deep\n\n';

test('lists nested 100,000 deep on one line: the first 64 are lists, the rest reads as text, no stack overflow', () => {
  const text = TITLE + '- '.repeat(100_000) + 'item\n';
  const root = parseMarkdown(text);
  // root > list > listItem, 64 times, then the paragraph and its text.
  assert.equal(shape(root).depth, 2 * MAX_CONTAINER_DEPTH + 2);
  let node: Nodes = root.children[1];
  for (let i = 0; i < MAX_CONTAINER_DEPTH; i++) {
    assert.equal(node.type, 'list');
    node = (node as { children: Nodes[] }).children[0].type === 'listItem' ? (node as { children: Nodes[] }).children[0] : node;
    node = (node as { children: Nodes[] }).children[0];
  }
  assert.equal(node.type, 'paragraph');
  const paragraph = node as { children: Nodes[]; position: Root['position'] };
  // The paragraph starts at the 65th marker and ends at the line end: positions are the text's.
  assert.equal(paragraph.position!.start.offset, TITLE.length + 2 * MAX_CONTAINER_DEPTH);
  assert.equal(paragraph.position!.end.offset, text.length - 1);
  const value = (paragraph.children[0] as { value: string }).value;
  assert.equal(value.length, text.length - 1 - (TITLE.length + 2 * MAX_CONTAINER_DEPTH));
  assert.ok(value.endsWith('\u2010 item'), 'the further markers read as look-alike text');
  const model = buildModel(text);
  assert.equal(model.title?.text, 'Technical Spec: deep');
});

test('block quotes nested 100,000 deep on two lines: 64 quotes, the rest of each line is their paragraph', () => {
  const text = TITLE + '> '.repeat(100_000) + 'one\n' + '> '.repeat(100_000) + 'two\n';
  const root = parseMarkdown(text);
  assert.equal(shape(root).depth, MAX_CONTAINER_DEPTH + 2);
  let node: Nodes = root.children[1];
  for (let i = 0; i < MAX_CONTAINER_DEPTH; i++) {
    assert.equal(node.type, 'blockquote', `level ${i + 1}`);
    node = (node as { children: Nodes[] }).children[0];
  }
  assert.equal(node.type, 'paragraph');
  assert.equal(node.position!.end.offset, text.length - 1, 'both lines are one paragraph, ending at the last line end');
});

test('a deep list costs linear time: 100,000 deep parses within 5x the time of 10,000 deep x 10', () => {
  const time = (depth: number) => {
    const t = performance.now();
    parseMarkdown(TITLE + '- '.repeat(depth) + 'item\n');
    return performance.now() - t;
  };
  time(1000);
  const small = time(10_000);
  const big = time(100_000);
  assert.ok(big < Math.max(50, small) * 10 * 5, `100,000 deep: ${big.toFixed(0)} ms, 10,000 deep: ${small.toFixed(0)} ms`);
});

test('a line longer than 10,000 characters reads its emphasis markers as text; positions stay exact', () => {
  const chunk = '*em* **strong** [link](https://x.example/a_b) `code` ~~s~~ ';
  const line = chunk.repeat(Math.ceil((MAX_INLINE_LINE + 1) / chunk.length));
  const text = TITLE + line + '\n\nafter *this*\n';
  const { text: tamed, tamed: what } = tameShapes(text);
  assert.equal(tamed.length, text.length);
  assert.deepEqual(what, { deepLines: [], longLines: [2] });
  const root = parseMarkdown(text);
  const [, long, after] = root.children as { type: string; children: Nodes[]; position: Root['position'] }[];
  assert.equal(long.position!.start.offset, TITLE.length);
  assert.equal(long.position!.end.offset, TITLE.length + line.length);
  assert.ok(!long.children.some((c) => c.type === 'emphasis' || c.type === 'strong' || c.type === 'delete'), 'no emphasis on the long line');
  assert.ok(
    long.children.some((c) => c.type === 'link'),
    'its links are still links',
  );
  assert.equal(after.children[1].type, 'emphasis', 'the next paragraph is parsed as usual');
  assert.equal(after.children[1].position!.start.offset, text.indexOf('*this*'));
});

test('a long line inside fenced code is left as it is', () => {
  const body = '{"a_b": "*x*"}'.repeat(1000);
  const text = TITLE + '```json\n' + body + '\n```\n';
  assert.equal(tameShapes(text).text, text);
  const code = parseMarkdown(text).children[1] as { value: string };
  assert.equal(code.value, body);
});

test('emphasis nested past the depth cap: the deepest node keeps its source as one text node', () => {
  const depth = MAX_TREE_DEPTH + 50;
  // Strong and emphasis alternate: `**_**_…x…_**_**`.
  const open = Array.from({ length: depth }, (_, i) => (i % 2 ? '_' : '**')).join('');
  const close = Array.from({ length: depth }, (_, i) => (i % 2 ? '_' : '**'))
    .reverse()
    .join('');
  const text = open + 'x' + close + '\n';
  const root = parseMarkdown(text);
  assert.ok(shape(root).depth <= MAX_TREE_DEPTH + 1, `depth ${shape(root).depth}`);
  let node: Nodes = root;
  while ('children' in node && node.children.length) node = node.children[0] as Nodes;
  assert.equal(node.type, 'text');
  assert.equal((node as { value: string }).value, text.slice(node.position!.start.offset, node.position!.end.offset));
});

test(`a cycle through 2,000 tasks: ${MAX_PER_RULE} cycle diagnostics, ${MAX_RELATED} related locations each plus one that counts the rest, and a summary`, () => {
  const n = 2000;
  const rows = Array.from({ length: n }, (_, k) => `| T${k + 1} | Task ${k + 1} | ~100 | T${k === 0 ? n : k} | [Link] |`);
  const start = TEMPLATE_TEXT.indexOf('| T1 |');
  const end = TEMPLATE_TEXT.indexOf('\n\n', start);
  const text = TEMPLATE_TEXT.slice(0, start) + rows.join('\n') + TEMPLATE_TEXT.slice(end);
  const cycle = only(diagnose(text), 'TS409');
  assert.equal(cycle.length, MAX_PER_RULE + 1);
  const summary = cycle.find((d) => messageOf(d).startsWith('…'))!;
  assert.equal(messageOf(summary), `… and 1,500 more TS409 findings (dependency-cycle): only the first 500 are shown.`);
  assert.equal(summary.severity, 3);
  for (const d of cycle.filter((x) => x !== summary)) assert.ok((d.relatedInformation?.length ?? 0) <= MAX_RELATED + 1);
});
