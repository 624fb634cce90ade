// The drawing as a standalone SVG file: the theme's colours, resolved now, written onto each element.

const PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'font-family', 'font-size', 'font-weight'] as const;

export function exportSvg(svg: SVGSVGElement, width: number, height: number): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  // Zoom and pan are the panel's, not the drawing's.
  copy.querySelector(':scope > g.viewport')?.removeAttribute('transform');
  const source = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const target = [copy, ...Array.from(copy.querySelectorAll('*'))];
  source.forEach((s, i) => {
    const t = target[i];
    if (s instanceof SVGElement && !(s instanceof SVGTitleElement)) {
      const style = getComputedStyle(s);
      for (const p of PROPS) {
        const v = style.getPropertyValue(p);
        if (v && t.tagName !== 'svg' && t.tagName !== 'g') t.setAttribute(p, v);
      }
    }
    t.removeAttribute('class');
    t.removeAttribute('tabindex');
    t.removeAttribute('role');
    t.removeAttribute('data-task');
  });
  const background = getComputedStyle(document.body).backgroundColor;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.ceil(width)));
  copy.setAttribute('height', String(Math.ceil(height)));
  copy.setAttribute('viewBox', `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [k, v] of Object.entries({ width: '100%', height: '100%', fill: background })) bg.setAttribute(k, v);
  copy.insertBefore(bg, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}
