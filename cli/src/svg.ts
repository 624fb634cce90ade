// The preview's picture as SVG text, without a DOM: the same layout (client/src/webview/layout.ts)
// and the same shapes and classes as the preview's drawing, with a light theme's colours inlined.
import type { Plan } from '../../engine';
import { layoutGraph, type Box } from '../../client/src/webview/layout';
import { curve, polyline, round } from '../../client/src/webview/paths';

const STYLE = `
.wave-band{fill:#1f2328;fill-opacity:.035}.wave-band.odd{fill-opacity:0}.wave-title{fill:#59636e;font-size:12px}
text{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif}
.node rect{fill:#f6f8fa;stroke:#8c959f;stroke-width:1px}.node text{fill:#1f2328;font-size:12px}
.node .id{font-weight:700}.node .wave,.node .lines{fill:#59636e;font-size:11px}
.node.critical rect{stroke:#d18616;stroke-width:2.5px}.node.cycle rect{stroke:#cf222e;stroke-width:2px}.node.cycle .id{fill:#cf222e}
.node.unknown rect{stroke:#9a6700;stroke-dasharray:5 3;fill:none}.node.unknown .id{fill:#9a6700}
.edge{fill:none;stroke:#8c959f;stroke-width:1.2px}.edge.critical{stroke:#d18616;stroke-width:2.5px}
.edge.cycle{stroke:#cf222e;stroke-width:2px}.edge.unknown{stroke:#9a6700;stroke-dasharray:4 3}.edge.implied{stroke-dasharray:2 3}
.arrow{fill:#8c959f}.arrow.critical{fill:#d18616}.arrow.cycle{fill:#cf222e}.arrow.unknown{fill:#9a6700}`;

const KINDS = ['plain', 'critical', 'cycle', 'unknown', 'implied'];
/** Average width of a character of the 12px node font: titles are cut to fit without measuring. */
const CHAR_WIDTH = 6.2;

export function renderSvg(plan: Plan): string {
  const layout = layoutGraph(plan);
  const width = Math.ceil(layout.width);
  const height = Math.ceil(layout.height);
  const markers = KINDS.map(
    (kind) =>
      `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path class="arrow ${kind}" d="M0,0 L10,5 L0,10 z"/></marker>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<style>${STYLE}</style>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<defs>${markers.join('')}</defs>`,
    `<g class="waves">${waveBands(plan, layout.tasks, layout.height).join('')}</g>`,
    `<g class="edges">${edges(plan, layout).join('')}</g>`,
    `<g class="nodes">${taskNodes(plan, layout.tasks).join('')}${unknownNodes(plan, layout.unknown).join('')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}

function edges(plan: Plan, layout: ReturnType<typeof layoutGraph>): string[] {
  return layout.edges
    .filter((placed) => placed.points.length >= 2)
    .map((placed) => {
      const edge = placed.index >= 0 ? plan.edges[placed.index] : undefined;
      const kind = !edge ? 'unknown' : edge.inCycle ? 'cycle' : edge.critical ? 'critical' : edge.implied ? 'implied' : 'plain';
      const d = edge?.implied ? polyline(placed.points) : curve(placed.points);
      return `<path class="edge ${kind}" d="${d}" marker-end="url(#arrow-${kind})"/>`;
    });
}

function taskNodes(plan: Plan, boxes: Map<string, Box>): string[] {
  const waveOf = new Map<string, number>();
  plan.waves.forEach((wave, i) => wave.forEach((id) => waveOf.set(id, i)));
  const critical = new Set(plan.criticalPath);
  const inCycle = new Set(plan.edges.filter((e) => e.inCycle).flatMap((e) => [e.from, e.to]));
  return plan.tasks.map((t) => {
    const box = boxes.get(t.id)!;
    const classes = ['node', ...(critical.has(t.id) ? ['critical'] : []), ...(inCycle.has(t.id) ? ['cycle'] : [])].join(' ');
    const wave = waveOf.get(t.id);
    const waveLabel = wave === undefined ? (inCycle.has(t.id) ? 'cycle' : 'blocked') : `W${wave + 1}`;
    const lines = t.estLines === null ? 'no estimate' : `${t.estLines.toLocaleString('en-US')} lines`;
    return group(box, classes, [
      `<title>${xml(`${t.id}: ${t.title}`)}</title>`,
      text('id', 10, 18, fit(t.id, box.width - 60)),
      text('wave', box.width - 10, 18, waveLabel, 'end'),
      text('title', 10, 35, fit(t.title || '(no title)', box.width - 20)),
      text('lines', 10, 51, lines),
    ]);
  });
}

function unknownNodes(plan: Plan, boxes: Map<string, Box>): string[] {
  return [...boxes].map(([id, box]) => {
    const neededBy = plan.unknown.filter((u) => u.id === id).map((u) => u.from);
    return group(box, 'node unknown', [
      `<title>${xml(`${id} is no task in the table (needed by ${neededBy.join(', ')})`)}</title>`,
      text('id', 10, 17, fit(id, box.width - 20)),
      text('lines', 10, 32, 'unknown task'),
    ]);
  });
}

/** A band behind each wave, when the waves are in separate columns (as the preview draws them). */
function waveBands(plan: Plan, boxes: Map<string, Box>, height: number): string[] {
  const spans = plan.waves.map((wave) => {
    const xs = wave.map((id) => boxes.get(id)!);
    return [Math.min(...xs.map((b) => b.x)), Math.max(...xs.map((b) => b.x + b.width))] as const;
  });
  for (let i = 1; i < spans.length; i++) if (spans[i][0] < spans[i - 1][1]) return [];
  return spans.map(([min, max], i) => {
    const x = round(min - 8);
    return `<g><rect class="wave-band${i % 2 ? ' odd' : ''}" x="${x}" y="0" width="${round(max - min + 16)}" height="${round(height)}"/>${text('wave-title', round(min), 20, `Wave ${i + 1}`)}</g>`;
  });
}

function group(box: Box, className: string, children: string[]): string {
  return `<g class="${className}" transform="translate(${round(box.x)},${round(box.y)})"><rect width="${box.width}" height="${box.height}" rx="4" ry="4"/>${children.join('')}</g>`;
}

function text(className: string, x: number, y: number, content: string, anchor?: 'end'): string {
  return `<text class="${className}" x="${x}" y="${y}"${anchor ? ` text-anchor="${anchor}"` : ''}>${xml(content)}</text>`;
}

function fit(s: string, width: number): string {
  const room = Math.floor(width / CHAR_WIDTH);
  const chars = [...s];
  return chars.length <= room
    ? s
    : chars
        .slice(0, room - 1)
        .join('')
        .trimEnd() + '…';
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
