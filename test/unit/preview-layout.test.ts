import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../engine/model';
import { buildPlan } from '../../engine/plan';
import { layoutGraph, type Box, type Point } from '../../client/src/webview/layout';
import type { Plan } from '../../protocol';
import { lines } from './helpers';

function model(...rows: string[]): Plan {
  return buildPlan(
    buildModel(
      lines(
        '# Technical Spec: X',
        '',
        '## Task Breakdown',
        '',
        '| ID | Task | Est. Lines | Dependencies | Jira |',
        '|----|------|------------|--------------|------|',
        ...rows,
      ),
    ),
    'file:///w/x.spec.md',
    1,
  );
}

/** gen-spec's shape: each task needs the one before and the one 7 back. */
function chain(n: number): Plan {
  return model(
    ...Array.from(
      { length: n },
      (_, i) => `| T${i + 1} | t | 10 | ${i === 0 ? 'None' : [...new Set([i, Math.max(1, i - 6)])].map((k) => `T${k}`).join(', ')} | |`,
    ),
  );
}

const inside = (p: Point, b: Box) => p.x > b.x + 0.5 && p.x < b.x + b.width - 0.5 && p.y > b.y + 0.5 && p.y < b.y + b.height - 0.5;

/** Whether the segment a-b passes through the inside of box b (sampled finely enough for these sizes). */
function crosses(a: Point, c: Point, b: Box): boolean {
  const steps = Math.ceil(Math.hypot(c.x - a.x, c.y - a.y) / 2);
  for (let i = 0; i <= steps; i++) if (inside({ x: a.x + ((c.x - a.x) * i) / steps, y: a.y + ((c.y - a.y) * i) / steps }, b)) return true;
  return false;
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('a diamond with an implied edge: columns are the waves, nodes apart, the implied edge over the middle column', () => {
  const m = model('| T1 | a | 10 | None | |', '| T2 | b | 10 | T1 | |', '| T3 | c | 10 | T1 | |', '| T4 | d | 10 | T2, T3, T1 | |');
  const l = layoutGraph(m);
  const x = (id: string) => l.tasks.get(id)!.x;
  assert.ok(x('T1') < x('T2') && x('T2') === x('T3') && x('T3') < x('T4'), 'the columns are not the waves');
  assert.ok(!overlap(l.tasks.get('T2')!, l.tasks.get('T3')!), 'T2 and T3 overlap');
  assert.deepEqual(l.edges.map((e) => e.index).sort(), [0, 1, 2, 3, 4]);
  const implied = l.edges.find((e) => m.edges[e.index].implied)!;
  assert.equal(`${m.edges[implied.index].from}>${m.edges[implied.index].to}`, 'T1>T4');
  // Out of T1's right side, into T4's left side, above T2 and T3.
  const t1 = l.tasks.get('T1')!;
  const t4 = l.tasks.get('T4')!;
  assert.deepEqual(implied.points[0], { x: t1.x + t1.width, y: t1.y + t1.height / 2 });
  assert.deepEqual(implied.points.at(-1), { x: t4.x, y: t4.y + t4.height / 2 });
  const top = Math.min(...implied.points.map((p) => p.y));
  assert.ok(top < Math.min(l.tasks.get('T2')!.y, l.tasks.get('T3')!.y), 'the implied edge does not pass above the middle column');
});

test("gen-spec's shape at 120 tasks: one column per wave, no overlapping nodes, implied edges cross no node", () => {
  const m = chain(120);
  const l = layoutGraph(m);
  const boxes = [...l.tasks.values()];
  m.waves.forEach((wave, i) => {
    if (i) assert.ok(l.tasks.get(wave[0])!.x > l.tasks.get(m.waves[i - 1][0])!.x, `wave ${i + 1} is not right of wave ${i}`);
  });
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) assert.ok(!overlap(boxes[i], boxes[j]), `nodes ${i} and ${j} overlap`);
  const implied = l.edges.filter((e) => m.edges[e.index].implied);
  // T1 for T3..T7, then the task 7 back for T8..T120.
  assert.equal(implied.length, 118);
  for (const e of implied) {
    const edge = m.edges[e.index];
    for (const [id, b] of l.tasks) {
      for (let k = 1; k < e.points.length; k++) assert.ok(!crosses(e.points[k - 1], e.points[k], b), `${edge.from}>${edge.to} crosses ${id}`);
    }
  }
  assert.ok(l.width > 120 * 190 && l.height > 58, `the drawing is ${l.width}×${l.height}`);
});

test('unknown dependencies become their own nodes with an edge to the task that names them; cycles are laid out too', () => {
  const m = model('| T1 | a | 10 | T2 | |', '| T2 | b | 10 | T1 | |', '| T3 | c | 10 | T9, T9x | |', '| T4 | d | 10 | T9 | |');
  const l = layoutGraph(m);
  assert.deepEqual([...l.unknown.keys()], ['T9', 'T9x']);
  assert.deepEqual(
    l.edges
      .filter((e) => e.index < 0)
      .map((e) => -1 - e.index)
      .sort(),
    [0, 1, 2],
  );
  const all = [...l.tasks.values(), ...l.unknown.values()];
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) assert.ok(!overlap(all[i], all[j]), `nodes ${i} and ${j} overlap`);
  assert.equal(l.edges.filter((e) => e.index >= 0).length, 2);
});
