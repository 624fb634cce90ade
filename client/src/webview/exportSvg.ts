// The drawing as a standalone SVG file: all of it (not only what is in view), with the theme's
// colours, resolved now, written onto each element.
import { el, type Drawing } from './draw';

const PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'font-family', 'font-size', 'font-weight'] as const;

export function exportSvg(drawing: Drawing, width: number, height: number): string {
  const w = String(Math.ceil(width));
  const h = String(Math.ceil(height));
  const copy = el('svg', { width: w, height: h, viewBox: `0 0 ${w} ${h}` });
  copy.append(drawing.defs.cloneNode(true), drawing.whole());
  // In the page (unseen) only while the styles are read.
  copy.classList.add('staging');
  document.body.appendChild(copy);
  try {
    for (const e of Array.from(copy.querySelectorAll('*'))) {
      if (e instanceof SVGTitleElement || e instanceof SVGGElement || !(e instanceof SVGElement)) continue;
      const style = getComputedStyle(e);
      for (const p of PROPS) {
        const v = style.getPropertyValue(p);
        if (v) e.setAttribute(p, v);
      }
    }
  } finally {
    copy.remove();
  }
  for (const e of [copy, ...Array.from(copy.querySelectorAll('*'))]) {
    for (const a of ['class', 'tabindex', 'role', 'data-task']) e.removeAttribute(a);
  }
  const bg = el('rect', { width: '100%', height: '100%', fill: getComputedStyle(document.body).backgroundColor });
  copy.insertBefore(bg, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}
