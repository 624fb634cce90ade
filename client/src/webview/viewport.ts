// Zoom (wheel, buttons) and pan (drag) of the drawing, by a transform on one group.

export interface View {
  k: number;
  x: number;
  y: number;
}

const MIN_ZOOM = 0.03;
/** The smallest scale at which the nodes' 12px text stays 12px on screen: the first view and Fit go no smaller. */
export const LEGIBLE_ZOOM = 1;
const MAX_ZOOM = 4;
/** A press that moves less than this is a click, not a drag. */
const CLICK_SLOP = 4;

export class Viewport {
  view: View = { k: 1, x: 0, y: 0 };
  private target: SVGGElement | undefined;
  private content = { width: 0, height: 0 };
  /** The panel's size, kept by a ResizeObserver: reading it from the page after drawing would force a layout of the whole drawing. */
  private box: { width: number; height: number } | undefined;

  constructor(
    private readonly svg: SVGSVGElement,
    /** Called for a press and release that did not drag, with the element pressed. */
    private readonly onClick: (target: Element) => void,
    /** Called whenever the part of the drawing in view changes, with that part in drawing coordinates. */
    private readonly onView: (view: { x0: number; y0: number; x1: number; y1: number }) => void,
  ) {
    new ResizeObserver(([entry]) => {
      if (!entry.contentRect.width || !entry.contentRect.height) return;
      this.box = { width: entry.contentRect.width, height: entry.contentRect.height };
      this.apply();
    }).observe(svg);
    svg.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    svg.addEventListener('pointerdown', (e) => this.onPointerDown(e));
  }

  /** The group to move and the size of what it holds; `fresh` for another document's graph, which gets the first view. */
  attach(target: SVGGElement, width: number, height: number, fresh: boolean, start?: { x: number; y: number; width: number; height: number }): void {
    this.target = target;
    this.content = { width, height };
    if (fresh) this.initial(start);
    else this.apply();
  }

  /** Whole drawing in view when that keeps the text legible; else as much of it as a legible scale shows, around the middle of the view. */
  fit(): void {
    const { width, height } = this.size();
    const k = clamp(Math.min(width / this.content.width, height / this.content.height, LEGIBLE_ZOOM));
    if (k >= LEGIBLE_ZOOM && (this.content.width * k > width || this.content.height * k > height)) {
      const centre = { x: (width / 2 - this.view.x) / this.view.k, y: (height / 2 - this.view.y) / this.view.k };
      return this.centreOn(centre, k);
    }
    this.view = { k, x: (width - this.content.width * k) / 2, y: Math.max(0, (height - this.content.height * k) / 2) };
    this.apply();
  }

  /** Whether the whole drawing is in the panel at a legible scale. */
  fitsLegibly(): boolean {
    const { width, height } = this.size();
    return this.content.width * LEGIBLE_ZOOM <= width && this.content.height * LEGIBLE_ZOOM <= height;
  }

  /** Whether the drawing at the current scale is larger than the panel. */
  overflows(): boolean {
    const { width, height } = this.size();
    return this.content.width * this.view.k > width + 1 || this.content.height * this.view.k > height + 1;
  }

  /** The first view of a graph: all of it when it fits at a legible scale, else `start` (a box of the drawing) at that scale, centred as far as the drawing's edges allow. */
  initial(start?: { x: number; y: number; width: number; height: number }): void {
    if (this.fitsLegibly() || !start) return this.fit();
    this.centreOn({ x: start.x + start.width / 2, y: start.y + start.height / 2 }, LEGIBLE_ZOOM);
  }

  /** Puts a point of the drawing in the middle of the panel at scale `k`, without showing empty space beyond the drawing's edges. */
  centreOn(point: { x: number; y: number }, k = this.view.k): void {
    const { width, height } = this.size();
    const axis = (panel: number, content: number, at: number) => {
      const size = content * k;
      if (size <= panel) return (panel - size) / 2;
      return Math.min(0, Math.max(panel - size, panel / 2 - at * k));
    };
    this.view = { k, x: axis(width, this.content.width, point.x), y: axis(height, this.content.height, point.y) };
    this.apply();
  }

  /** The part of the drawing in view, in drawing coordinates. */
  visible(): { x0: number; y0: number; x1: number; y1: number } {
    const { width, height } = this.size();
    const { k, x, y } = this.view;
    return { x0: -x / k, y0: -y / k, x1: (width - x) / k, y1: (height - y) / k };
  }

  zoomBy(factor: number, cx?: number, cy?: number): void {
    const { width, height } = this.size();
    const px = cx ?? width / 2;
    const py = cy ?? height / 2;
    const k = clamp(this.view.k * factor);
    const f = k / this.view.k;
    this.view = { k, x: px - (px - this.view.x) * f, y: py - (py - this.view.y) * f };
    this.apply();
  }

  /** Pans the least needed to bring a box of the drawing into view. */
  reveal(box: { x: number; y: number; width: number; height: number }): void {
    const { width, height } = this.size();
    const { k } = this.view;
    const left = box.x * k + this.view.x;
    const top = box.y * k + this.view.y;
    const margin = 24;
    let { x, y } = this.view;
    if (left < margin || left + box.width * k > width - margin) x = width / 2 - (box.x + box.width / 2) * k;
    if (top < margin || top + box.height * k > height - margin) y = height / 2 - (box.y + box.height / 2) * k;
    if (x !== this.view.x || y !== this.view.y) {
      this.view = { k, x, y };
      this.apply();
    }
  }

  /** Reads the panel's size now, for a first drawing before the observer has reported; call it before changing the drawing. */
  measure(): void {
    const r = this.svg.getBoundingClientRect();
    if (r.width && r.height) this.box = { width: r.width, height: r.height };
  }

  private size() {
    return this.box ?? { width: 800, height: 600 };
  }

  private apply(): void {
    if (!this.target) return;
    const { k, x, y } = this.view;
    this.target.setAttribute('transform', `translate(${x.toFixed(1)},${y.toFixed(1)}) scale(${k.toFixed(4)})`);
    this.onView(this.visible());
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    if (e.ctrlKey || !e.shiftKey) {
      const r = this.svg.getBoundingClientRect();
      // Pixel, line and page deltas all give a comfortable step.
      const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY;
      this.zoomBy(Math.exp(-delta * 0.0015), e.clientX - r.left, e.clientY - r.top);
    } else {
      this.view = { ...this.view, x: this.view.x - (e.deltaY || e.deltaX) };
      this.apply();
    }
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    const start = { x: e.clientX, y: e.clientY, vx: this.view.x, vy: this.view.y };
    const pressed = e.target as Element;
    let dragging = false;
    const move = (m: PointerEvent) => {
      const dx = m.clientX - start.x;
      const dy = m.clientY - start.y;
      if (!dragging && Math.hypot(dx, dy) < CLICK_SLOP) return;
      if (!dragging) {
        dragging = true;
        this.svg.setPointerCapture(e.pointerId);
        this.svg.classList.add('panning');
      }
      this.view = { ...this.view, x: start.vx + dx, y: start.vy + dy };
      this.apply();
    };
    const up = () => {
      this.svg.removeEventListener('pointermove', move);
      this.svg.removeEventListener('pointerup', up);
      this.svg.removeEventListener('pointercancel', cancel);
      this.svg.classList.remove('panning');
      if (!dragging) this.onClick(pressed);
    };
    const cancel = () => {
      dragging = true;
      up();
    };
    this.svg.addEventListener('pointermove', move);
    this.svg.addEventListener('pointerup', up);
    this.svg.addEventListener('pointercancel', cancel);
  }
}

function clamp(k: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));
}
