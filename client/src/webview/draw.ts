// Draws a laid-out graph as SVG with DOM calls. Every piece of document text goes in through textContent.
import type { Plan } from '../../../protocol';
import type { Box, Layout } from './layout';
import { curve, polyline, round } from './paths';

const SVG = 'http://www.w3.org/2000/svg';
const NUMBER = new Intl.NumberFormat('en-US');

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

/**
 * Fits text into a width in the node font, with an ellipsis. Widths are summed per character,
 * each measured once on a canvas: no layout of the page, and few measurements for many titles.
 */
export class Truncator {
  private readonly ctx: CanvasRenderingContext2D | null;
  private readonly widths = new Map<string, number>();

  constructor(font: string) {
    this.ctx = document.createElement('canvas').getContext('2d');
    if (this.ctx) this.ctx.font = font;
  }

  private charWidth(c: string): number {
    let w = this.widths.get(c);
    if (w === undefined) {
      w = this.ctx ? this.ctx.measureText(c).width : 7;
      this.widths.set(c, w);
    }
    return w;
  }

  fit(s: string, width: number): string {
    let used = 0;
    for (const c of s) used += this.charWidth(c);
    if (used <= width) return s;
    const room = width - this.charWidth('…');
    used = 0;
    let end = 0;
    for (const c of s) {
      used += this.charWidth(c);
      if (used > room) break;
      end += c.length;
    }
    return s.slice(0, end).trimEnd() + '…';
  }
}

/** A box in drawing coordinates. */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Item {
  rect: Rect;
  /** Waves, groups, edges, nodes: each drawn over the ones before. */
  layer: 0 | 1 | 2 | 3;
  make(): SVGElement;
  /** Sets the classes of the search's focus on the made element. */
  decorate?(el: SVGElement): void;
  el?: SVGElement;
  shown: boolean;
  seen: number;
}

/** A task the search found, with the tasks before and after it. */
export interface Focus {
  id: string;
  upstream: Set<string>;
  downstream: Set<string>;
}

/** Side of the square cells that index the drawing's items by place. */
const CELL = 600;

/**
 * The drawing of a laid-out model. Only what lies in (or near) the visible part of the panel is in
 * the page: a 500-task graph then costs the page a few dozen nodes to style and paint, not all of
 * them; panning and zooming bring the rest in (see `show`).
 */
export class Drawing {
  /** The group zoom and pan move. */
  readonly viewport = el('g', { class: 'viewport' });
  readonly defs = el('defs');
  private readonly layers = [
    el('g', { class: 'waves' }, this.viewport),
    el('g', { class: 'groups' }, this.viewport),
    el('g', { class: 'edges' }, this.viewport),
    el('g', { class: 'nodes' }, this.viewport),
  ];
  private readonly items: Item[] = [];
  private readonly cells = new Map<number, Item[]>();
  private readonly nodes = new Map<string, Item>();
  private readonly shown = new Set<Item>();
  private current: string | null = null;
  private focus: Focus | undefined;
  private pass = 0;

  constructor(
    private readonly model: Plan,
    private readonly layout: Layout,
    truncator: Truncator,
  ) {
    for (const kind of ['plain', 'critical', 'cycle', 'unknown', 'implied']) {
      const marker = el(
        'marker',
        {
          id: `arrow-${kind}`,
          viewBox: '0 0 10 10',
          refX: 9,
          refY: 5,
          markerUnits: 'userSpaceOnUse',
          markerWidth: 9,
          markerHeight: 9,
          orient: 'auto-start-reverse',
        },
        this.defs,
      );
      el('path', { class: `arrow ${kind}`, d: 'M0,0 L10,5 L0,10 z' }, marker);
    }
    this.addWaveBands();
    this.addGroups(truncator);
    this.addEdges();
    this.addNodes(truncator);
  }

  /** Whether the author's subgraphs are drawn (they are in the drawing, hidden or not). */
  showGroups(visible: boolean): void {
    this.layers[1].style.display = visible ? '' : 'none';
  }

  /** Highlights a found task with its upstream and downstream, dimming the rest; undefined clears it. Returns its box. */
  setFocus(focus: Focus | undefined): Box | undefined {
    this.focus = focus;
    this.viewport.classList.toggle('focusing', !!focus);
    for (const item of this.items) if (item.el) item.decorate?.(item.el);
    return focus ? this.layout.tasks.get(focus.id) : undefined;
  }

  private focusClass(id: string): string | undefined {
    const f = this.focus;
    if (!f) return undefined;
    return id === f.id ? 'found' : f.upstream.has(id) ? 'upstream' : f.downstream.has(id) ? 'downstream' : undefined;
  }

  /** Puts in the page what `view` (plus a margin) shows, and takes out what it no longer does. */
  show(view: Rect): void {
    const pass = ++this.pass;
    const mx = (view.x1 - view.x0) / 2;
    const my = (view.y1 - view.y0) / 2;
    const r = { x0: view.x0 - mx, y0: view.y0 - my, x1: view.x1 + mx, y1: view.y1 + my };
    for (let cx = Math.floor(r.x0 / CELL); cx <= Math.floor(r.x1 / CELL); cx++) {
      for (let cy = Math.floor(r.y0 / CELL); cy <= Math.floor(r.y1 / CELL); cy++) {
        for (const item of this.cells.get(cellKey(cx, cy)) ?? []) {
          if (item.seen === pass || !overlaps(item.rect, r)) continue;
          item.seen = pass;
          if (!item.shown) {
            item.el ??= item.make();
            this.layers[item.layer].appendChild(item.el);
            item.shown = true;
            this.shown.add(item);
          }
        }
      }
    }
    for (const item of this.shown) {
      if (item.seen === pass) continue;
      item.el!.remove();
      item.shown = false;
      this.shown.delete(item);
    }
  }

  /** Marks the node of the task under the editor's cursor; returns its box, if it is a task. */
  setCurrent(id: string | null): Box | undefined {
    if (this.current) this.nodes.get(this.current)?.el?.classList.remove('current');
    this.current = id;
    const item = id ? this.nodes.get(id) : undefined;
    item?.el?.classList.add('current');
    return item ? this.layout.tasks.get(id!) : undefined;
  }

  /** Every item of the drawing, freshly made, for export. */
  whole(): SVGGElement {
    const g = el('g', { class: 'viewport' });
    const layers = this.layers.map((l) => el('g', { class: l.getAttribute('class')! }, g));
    const groupsHidden = this.layers[1].style.display === 'none';
    for (const item of this.items) if (!(groupsHidden && item.layer === 1)) layers[item.layer].appendChild(item.make());
    return g;
  }

  private add(item: Omit<Item, 'shown' | 'seen'>): Item {
    const full: Item = { ...item, shown: false, seen: 0 };
    this.items.push(full);
    const { rect } = item;
    for (let cx = Math.floor(rect.x0 / CELL); cx <= Math.floor(rect.x1 / CELL); cx++) {
      for (let cy = Math.floor(rect.y0 / CELL); cy <= Math.floor(rect.y1 / CELL); cy++) {
        const key = cellKey(cx, cy);
        const list = this.cells.get(key);
        if (list) list.push(full);
        else this.cells.set(key, [full]);
      }
    }
    return full;
  }

  private addEdges(): void {
    const { model, layout } = this;
    for (const placed of layout.edges) {
      if (placed.points.length < 2) continue;
      const edge = placed.index >= 0 ? model.edges[placed.index] : undefined;
      const kind = !edge ? 'unknown' : edge.inCycle ? 'cycle' : edge.critical ? 'critical' : edge.implied ? 'implied' : 'plain';
      const rect = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
      for (const p of placed.points) {
        rect.x0 = Math.min(rect.x0, p.x);
        rect.y0 = Math.min(rect.y0, p.y);
        rect.x1 = Math.max(rect.x1, p.x);
        rect.y1 = Math.max(rect.y1, p.y);
      }
      const related = () => {
        const f = this.focus;
        if (!f || !edge) return false;
        const before = (id: string) => id === f.id || f.upstream.has(id);
        const after = (id: string) => id === f.id || f.downstream.has(id);
        return (before(edge.from) && before(edge.to)) || (after(edge.from) && after(edge.to));
      };
      this.add({
        rect,
        layer: 2,
        decorate: (e) => e.classList.toggle('related', related()),
        make: () => {
          const path = el('path', {
            class: `edge ${kind}`,
            d: edge?.implied ? polyline(placed.points) : curve(placed.points),
            'marker-end': `url(#arrow-${kind})`,
          });
          if (edge?.implied) el('title', {}, path).textContent = `${edge.to} needs ${edge.from}, which a longer chain of dependencies already implies`;
          if (related()) path.classList.add('related');
          return path;
        },
      });
    }
  }

  private addNodes(truncator: Truncator): void {
    const { model, layout } = this;
    const waveOf = new Map<string, number>();
    model.waves.forEach((wave, i) => wave.forEach((id) => waveOf.set(id, i)));
    const critical = new Set(model.criticalPath);
    const inCycle = new Set<string>();
    for (const e of model.edges) {
      if (e.inCycle) inCycle.add(e.from).add(e.to);
    }
    for (const t of model.tasks) {
      const box = layout.tasks.get(t.id)!;
      const item = this.add({
        rect: boxRect(box),
        layer: 3,
        decorate: (e) => {
          e.classList.remove('found', 'upstream', 'downstream');
          const cls = this.focusClass(t.id);
          if (cls) e.classList.add(cls);
        },
        make: () => {
          const classes = ['node'];
          const focused = this.focusClass(t.id);
          if (focused) classes.push(focused);
          if (critical.has(t.id)) classes.push('critical');
          if (inCycle.has(t.id)) classes.push('cycle');
          if (this.current === t.id) classes.push('current');
          const wave = waveOf.get(t.id);
          const lines = t.estLines === null ? 'no estimate' : `${NUMBER.format(t.estLines)} lines`;
          const g = nodeGroup(box, classes.join(' '));
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
          return g;
        },
      });
      this.nodes.set(t.id, item);
    }
    const neededBy = new Map<string, string[]>();
    for (const u of model.unknown) neededBy.set(u.id, [...(neededBy.get(u.id) ?? []), u.from]);
    for (const [id, box] of layout.unknown) {
      this.add({
        rect: boxRect(box),
        layer: 3,
        make: () => {
          const g = nodeGroup(box, 'node unknown');
          el('title', {}, g).textContent = `${id} is no task in the table (needed by ${neededBy.get(id)!.join(', ')})`;
          text(g, 'id', 10, 17, truncator.fit(id, box.width - 20));
          text(g, 'lines', 10, 32, 'unknown task');
          return g;
        },
      });
    }
  }

  /** A labelled box behind the tasks of each of the author's subgraphs, nested ones inside their parents. */
  private addGroups(truncator: Truncator): void {
    const { model, layout } = this;
    const children = new Map<string, string[]>();
    const depth = new Map<string, number>();
    for (const g of model.groups) {
      depth.set(g.id, g.parent === undefined ? 0 : (depth.get(g.parent) ?? -1) + 1);
      if (g.parent !== undefined) children.set(g.parent, [...(children.get(g.parent) ?? []), g.id]);
    }
    const own = new Map(model.groups.map((g) => [g.id, g.tasks]));
    const tasksUnder = (id: string, seen = new Set<string>()): string[] => {
      if (seen.has(id)) return [];
      seen.add(id);
      return [...(own.get(id) ?? []), ...(children.get(id) ?? []).flatMap((c) => tasksUnder(c, seen))];
    };
    const maxDepth = Math.max(0, ...depth.values());
    model.groups.forEach((group, i) => {
      const boxes = tasksUnder(group.id)
        .map((id) => layout.tasks.get(id))
        .filter((b): b is Box => !!b);
      if (!boxes.length) return;
      // Outer groups get more room, so a nested group's frame and title sit inside its parent's.
      const pad = 6 + 8 * (maxDepth - Math.max(0, depth.get(group.id)!));
      // The title goes under the tasks: above them are the waves' titles.
      const x0 = Math.min(...boxes.map((b) => b.x)) - pad;
      const y0 = Math.min(...boxes.map((b) => b.y)) - pad;
      const x1 = Math.max(...boxes.map((b) => b.x + b.width)) + pad;
      const y1 = Math.max(...boxes.map((b) => b.y + b.height)) + pad + 16;
      this.add({
        rect: { x0, y0, x1, y1 },
        layer: 1,
        make: () => {
          const g = el('g', { class: `group${i % 2 ? ' odd' : ''}` });
          el('title', {}, g).textContent = `Subgraph ${group.label}`;
          el('rect', { x: round(x0), y: round(y0), width: round(x1 - x0), height: round(y1 - y0), rx: 6, ry: 6 }, g);
          text(g, 'group-title', round(x0 + 8), round(y1 - 5), truncator.fit(group.label, x1 - x0 - 16));
          return g;
        },
      });
    });
  }

  /** A band behind each wave, when the layout put the waves in separate columns (it does unless cycles or dangling dependencies shift them). */
  private addWaveBands(): void {
    const { model, layout } = this;
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
    spans.forEach(([min, max], i) => {
      const x = round(min - 8);
      const width = round(max - min + 16);
      this.add({
        rect: { x0: x, y0: 0, x1: x + width, y1: layout.height },
        layer: 0,
        make: () => {
          const g = el('g');
          el('rect', { class: `wave-band${i % 2 ? ' odd' : ''}`, x, y: 0, width, height: round(layout.height) }, g);
          text(g, 'wave-title', round(min), 20, `Wave ${i + 1}`);
          return g;
        },
      });
    });
  }
}

function cellKey(cx: number, cy: number): number {
  return cx * 1_000_003 + cy;
}

function boxRect(b: Box): Rect {
  return { x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1;
}

function nodeGroup(box: Box, className: string): SVGGElement {
  const g = el('g', { class: className, transform: `translate(${round(box.x)},${round(box.y)})` });
  el('rect', { width: box.width, height: box.height, rx: 4, ry: 4 }, g);
  return g;
}
