// SVG path data for laid-out edges, shared by the preview (DOM) and the command line's SVG export (text).
import type { Point } from './layout';

export const round = (n: number) => Math.round(n * 10) / 10;

export function polyline(points: Point[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${round(p.x)},${round(p.y)}`).join('');
}

/** Through the points with horizontal tangents at each: the usual S-curves of a left-to-right drawing. */
export function curve(points: Point[]): string {
  let d = `M${round(points[0].x)},${round(points[0].y)}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    const mid = (a.x + b.x) / 2;
    d += `C${round(mid)},${round(a.y)} ${round(mid)},${round(b.y)} ${round(b.x)},${round(b.y)}`;
  }
  return d;
}
