// The overview of a graph larger than the panel: every node as a small box, the part in view as a
// frame; a click or a drag moves the view there.
import type { Plan } from '../../../protocol';
import type { Layout } from './layout';

/** The overview's largest size in CSS pixels, and its least height: a long chain is stretched to it rather than drawn as a hairline. */
const MAX = { width: 220, height: 140 };
const MIN_HEIGHT = 36;

type Rect = { x0: number; y0: number; x1: number; y1: number };

export class Minimap {
  private base: HTMLCanvasElement | undefined;
  /** Overview pixels per drawing unit, across and down (the same unless a flat graph is stretched). */
  private scale = { x: 1, y: 1 };
  private view: Rect | undefined;
  private frameColour = '#007fd4';

  constructor(
    private readonly canvas: HTMLCanvasElement,
    /** Moves the main view's centre to this point of the drawing. */
    private readonly centreOn: (point: { x: number; y: number }) => void,
  ) {
    canvas.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      e.preventDefault();
      canvas.setPointerCapture(e.pointerId);
      const go = (m: PointerEvent) => {
        const r = canvas.getBoundingClientRect();
        this.centreOn({ x: (m.clientX - r.left) / this.scale.x, y: (m.clientY - r.top) / this.scale.y });
      };
      go(e);
      const up = () => {
        canvas.removeEventListener('pointermove', go);
        canvas.removeEventListener('pointerup', up);
        canvas.removeEventListener('pointercancel', up);
      };
      canvas.addEventListener('pointermove', go);
      canvas.addEventListener('pointerup', up);
      canvas.addEventListener('pointercancel', up);
    });
  }

  /** Draws the nodes of a new layout once; `show` then only moves the frame. */
  setGraph(model: Plan, layout: Layout): void {
    const k = Math.min(MAX.width / layout.width, MAX.height / layout.height);
    const width = Math.max(1, Math.round(layout.width * k));
    const height = Math.max(MIN_HEIGHT, Math.round(layout.height * k));
    this.scale = { x: width / layout.width, y: height / layout.height };
    const ratio = window.devicePixelRatio || 1;
    const base = document.createElement('canvas');
    base.width = this.canvas.width = Math.round(width * ratio);
    base.height = this.canvas.height = Math.round(height * ratio);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    const ctx = base.getContext('2d');
    this.base = base;
    this.frameColour = getComputedStyle(document.body).getPropertyValue('--vscode-focusBorder').trim() || '#007fd4';
    if (!ctx) return;
    ctx.scale(ratio * this.scale.x, ratio * this.scale.y);
    const style = getComputedStyle(document.body);
    const colour = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const plain = colour('--vscode-descriptionForeground', '#888');
    const critical = colour('--vscode-charts-orange', '#d18616');
    const cycle = colour('--vscode-errorForeground', '#f14c4c');
    const onPath = new Set(model.criticalPath);
    const inCycle = new Set(model.edges.filter((e) => e.inCycle).flatMap((e) => [e.from, e.to]));
    for (const [id, b] of layout.tasks) {
      ctx.fillStyle = inCycle.has(id) ? cycle : onPath.has(id) ? critical : plain;
      ctx.fillRect(b.x, b.y, b.width, b.height);
    }
    ctx.fillStyle = colour('--vscode-editorWarning-foreground', '#cca700');
    for (const b of layout.unknown.values()) ctx.fillRect(b.x, b.y, b.width, b.height);
    this.paint();
  }

  /** Shows the overview with a frame around `view` (drawing coordinates), or hides it. */
  show(visible: boolean, view?: Rect): void {
    this.canvas.hidden = !visible;
    if (view) this.view = view;
    if (visible) this.paint();
  }

  private paint(): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx || !this.base || this.canvas.hidden) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.drawImage(this.base, 0, 0);
    if (!this.view) return;
    const ratio = window.devicePixelRatio || 1;
    const sx = this.scale.x * ratio;
    const sy = this.scale.y * ratio;
    const v = this.view;
    ctx.strokeStyle = this.frameColour;
    ctx.lineWidth = 2 * ratio;
    // At least a few pixels wide, so the frame stays visible over a long chain.
    const w = Math.max(4 * ratio, (v.x1 - v.x0) * sx);
    ctx.strokeRect(v.x0 * sx, v.y0 * sy, w, (v.y1 - v.y0) * sy);
  }
}
