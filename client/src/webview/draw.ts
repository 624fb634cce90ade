// Draws a laid-out graph as SVG with DOM calls. Every piece of document text goes in through textContent.
import type { GraphModel } from '../../../server/src/protocol';
import type { Layout, PlacedNode } from './layout';

const SVG = 'http://www.w3.org/2000/svg';

export function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number> = {}, parent?: Element): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const k in attrs) e.setAttribute(k, String(attrs[k]));
  parent?.appendChild(e);
  return e;
}

function text(parent: Element, className: string, x: number, y: number, content: string, anchor?: 'end'): SVGTextElement {
  const t = el('text', anchor ? { class: className, x, y, 'text-anchor': anchor } : { class: className, x, y }, parent);
  t.textContent = content;
  return t;
}

/** Fits text into a width in the node font, with an ellipsis; measured on a canvas (no layout of the page). */
export class Truncator {
  private readonly ctx: CanvasRenderingContext2D | null;
  private readonly cache = new Map<string, string>();

  constructor(font: string) {
    this.ctx = document.createElement('canvas').getContext('2d');
    if (this.ctx) this.ctx.font = font;
  }

  fit(s: string, width: number): string {
    const key = `${width}\n${s}`;
    let out = this.cache.get(key);
    if (out !== undefined) return out;
    const measure = (x: string) => (this.ctx ? this.ctx.measureText(x).width : x.length * 7);
    out = s;
    if (measure(s) > width) {
      let lo = 0;
      let hi = s.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (measure(s.slice(0, mid).trimEnd() + '…') <= width) lo = mid;
        else hi = mid - 1;
      }
      out = s.slice(0, lo).trimEnd() + '…';
    }
    this.cache.set(key, out);
    return out;
  }
}

export interface Drawing {
  /** The group zoom and pan move. */
  viewport: SVGGElement;
  /** Task ID → its node. */
  nodes: Map<string, SVGGElement>;
}

/** Fills `svg` with the drawing of `model` placed by `layout`. */
export function draw(svg: SVGSVGElement, model: GraphModel, layout: Layout, truncator: Truncator): Drawing {
  svg.replaceChildren();
  const defs = el('defs', {}, svg);
  for (const kind of ['plain', 'critical', 'cycle', 'unknown']) {
    const marker = el('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
    el('path', { class: `arrow ${kind}`, d: 'M0,0 L10,5 L0,10 z' }, marker);
  }
  const viewport = el('g', { class: 'viewport' }, svg);

  const waveOf = new Map<string, number>();
  model.waves.forEach((wave, i) => wave.forEach((id) => waveOf.set(id, i)));
  drawWaveBands(viewport, model, layout);

  const critical = new Set(model.criticalPath);
  const inCycle = new Set<string>();
  for (const e of model.edges) {
    if (e.inCycle) inCycle.add(e.from).add(e.to);
  }

  const edgeLayer = el('g', { class: 'edges' }, viewport);
  for (const placed of layout.edges) {
    if (placed.points.length < 2) continue;
    const edge = placed.index >= 0 ? model.edges[placed.index] : undefined;
    const kind = !edge ? 'unknown' : edge.inCycle ? 'cycle' : edge.critical ? 'critical' : 'plain';
    const d = placed.points.map((p, i) => `${i ? 'L' : 'M'}${round(p.x)},${round(p.y)}`).join('');
    el('path', { class: `edge ${kind}`, d, 'marker-end': `url(#arrow-${kind})` }, edgeLayer);
  }

  const nodeLayer = el('g', { class: 'nodes' }, viewport);
  const nodes = new Map<string, SVGGElement>();
  for (const t of model.tasks) {
    const box = layout.tasks.get(t.id)!;
    const classes = ['node'];
    if (critical.has(t.id)) classes.push('critical');
    if (inCycle.has(t.id)) classes.push('cycle');
    const wave = waveOf.get(t.id);
    const lines = t.estLines === null ? 'no estimate' : `${t.estLines.toLocaleString('en-US')} lines`;
    const g = nodeGroup(nodeLayer, box, classes.join(' '));
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.dataset.task = t.id;
    g.setAttribute('aria-label', `${t.id}: ${t.title}, ${lines}${wave === undefined ? '' : `, wave ${wave + 1}`}`);
    const tip = el('title', {}, g);
    tip.textContent = `${t.id}: ${t.title}\n${lines}${wave === undefined ? (inCycle.has(t.id) ? '\nIn a dependency cycle' : '\nWaits on a dependency cycle') : `\nWave ${wave + 1}`}${t.jira ? `\nJira: ${t.jira}` : ''}`;
    text(g, 'id', 10, 18, truncator.fit(t.id, box.width - 60));
    text(g, 'wave', box.width - 10, 18, wave === undefined ? (inCycle.has(t.id) ? 'cycle' : 'blocked') : `W${wave + 1}`, 'end');
    text(g, 'title', 10, 35, truncator.fit(t.title || '(no title)', box.width - 20));
    text(g, 'lines', 10, 51, lines);
    nodes.set(t.id, g);
  }
  const neededBy = new Map<string, string[]>();
  for (const u of model.unknown) neededBy.set(u.id, [...(neededBy.get(u.id) ?? []), u.from]);
  for (const [id, box] of layout.unknown) {
    const g = nodeGroup(nodeLayer, box, 'node unknown');
    const tip = el('title', {}, g);
    tip.textContent = `${id} is no task in the table (needed by ${neededBy.get(id)!.join(', ')})`;
    text(g, 'id', 10, 17, truncator.fit(id, box.width - 20));
    text(g, 'lines', 10, 32, 'unknown task');
  }
  return { viewport, nodes };
}

function nodeGroup(parent: Element, box: PlacedNode, className: string): SVGGElement {
  const g = el('g', { class: className, transform: `translate(${round(box.x)},${round(box.y)})` }, parent);
  el('rect', { width: box.width, height: box.height, rx: 4, ry: 4 }, g);
  return g;
}

/** A band behind each wave, when the layout put the waves in separate columns (it does unless cycles or dangling dependencies shift them). */
function drawWaveBands(parent: Element, model: GraphModel, layout: Layout): void {
  const spans = model.waves.map((wave) => {
    let min = Infinity;
    let max = -Infinity;
    for (const id of wave) {
      const b = layout.tasks.get(id)!;
      min = Math.min(min, b.x);
      max = Math.max(max, b.x + b.width);
    }
    return [min, max] as const;
  });
  for (let i = 1; i < spans.length; i++) if (spans[i][0] < spans[i - 1][1]) return;
  const g = el('g', { class: 'waves' }, parent);
  spans.forEach(([min, max], i) => {
    el('rect', { class: `wave-band${i % 2 ? ' odd' : ''}`, x: round(min - 8), y: 0, width: round(max - min + 16), height: round(layout.height) }, g);
    text(g, 'wave-title', round(min), 20, `Wave ${i + 1}`);
  });
}

const round = (n: number) => Math.round(n * 10) / 10;
