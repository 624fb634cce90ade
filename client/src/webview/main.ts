// The preview's page script: receives graph models from the extension, lays them out, draws them.
// It never parses markdown and never writes document text as HTML.
import './preview.css';
import type { FromPreviewMessage, Plan, PreviewState, ToPreviewMessage } from '../../../protocol';
import { layoutGraph, layoutKey, type Layout } from './layout';
import { Drawing, el, Truncator } from './draw';
import { Viewport } from './viewport';
import { exportSvg } from './exportSvg';

declare function acquireVsCodeApi(): {
  postMessage(message: FromPreviewMessage): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
};

const vscode = acquireVsCodeApi();
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const summary = byId<HTMLSpanElement>('summary');
const notes = byId<HTMLDivElement>('notes');
const message = byId<HTMLDivElement>('message');
const canvas = byId<HTMLDivElement>('canvas');
const exportButton = byId<HTMLButtonElement>('export');
const svg = el('svg', { role: 'img', 'aria-label': 'Task dependency graph' }, canvas);

let model: Plan | undefined;
let layout: { key: string; layout: Layout } | undefined;
let drawing: Drawing | undefined;
let highlighted: string | null = null;
let pending: { model: Plan; received: number } | undefined;
/** Counts drawings, so only the newest reports that it was painted. */
let generation = 0;
let shownUri: string | undefined;
let truncator: Truncator | undefined;

const viewport = new Viewport(
  svg,
  (target) => {
    const node = target.closest<SVGGElement>('.node[data-task]');
    if (node?.dataset.task) vscode.postMessage({ type: 'reveal', id: node.dataset.task });
  },
  (view) => drawing?.show(view),
);

svg.addEventListener('keydown', (e) => {
  const node = (e.target as Element).closest<SVGGElement>('.node[data-task]');
  if (node?.dataset.task && (e.key === 'Enter' || e.key === ' ')) {
    e.preventDefault();
    vscode.postMessage({ type: 'reveal', id: node.dataset.task });
  }
});
byId('fit').addEventListener('click', () => viewport.fit());
byId('zoom-in').addEventListener('click', () => viewport.zoomBy(1.25));
byId('zoom-out').addEventListener('click', () => viewport.zoomBy(0.8));
exportButton.addEventListener('click', () => {
  const svgText = currentSvg();
  if (svgText) vscode.postMessage({ type: 'exportSvg', svg: svgText });
});

window.addEventListener('message', (e: MessageEvent<ToPreviewMessage>) => {
  const m = e.data;
  switch (m?.type) {
    case 'model':
      // Models queued behind a slow drawing collapse into the newest.
      if (!pending) setTimeout(() => show(pending!));
      pending = { model: m.model, received: performance.now() };
      break;
    case 'highlight':
      highlight(m.id);
      break;
    case 'requestSvg': {
      const svgText = currentSvg();
      if (svgText) vscode.postMessage({ type: 'svg', requestId: m.requestId, svg: svgText });
      break;
    }
  }
});

function currentSvg(): string | undefined {
  return model?.status === 'ok' && layout && drawing ? exportSvg(drawing, layout.layout.width, layout.layout.height) : undefined;
}

function show({ model: next, received: started }: { model: Plan; received: number }): void {
  pending = undefined;
  const mine = ++generation;
  model = next;
  vscode.setState({ uri: next.uri });
  const uriChanged = next.uri !== shownUri;
  try {
    if (next.status !== 'ok') {
      showMessage(next.message ?? 'There is no graph to draw.');
      summary.textContent = '';
      notes.replaceChildren();
      drawing = undefined;
      layout = undefined;
    } else {
      const key = layoutKey(next);
      const placed = layout?.key === key ? layout.layout : layoutGraph(next);
      layout = { key, layout: placed };
      truncator ??= new Truncator(`12px ${getComputedStyle(document.body).fontFamily}`);
      message.hidden = true;
      canvas.hidden = false;
      viewport.measure();
      drawing = new Drawing(next, placed, truncator);
      svg.replaceChildren(drawing.defs, drawing.viewport);
      writeSummary(next);
      writeNotes(next);
      viewport.attach(drawing.viewport, placed.width, placed.height, uriChanged);
      drawing.setCurrent(highlighted);
    }
    for (const b of [exportButton, byId<HTMLButtonElement>('fit'), byId<HTMLButtonElement>('zoom-in'), byId<HTMLButtonElement>('zoom-out')])
      b.disabled = next.status !== 'ok';
    shownUri = next.uri;
  } catch (e) {
    if (mine !== generation) return;
    showMessage(`The graph could not be drawn: ${(e as Error).message}`);
  }
  // Reported once the browser has painted the result.
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (mine !== generation) return;
      const nodes = drawing && layout ? layout.layout.tasks.size + layout.layout.unknown.size : 0;
      vscode.postMessage({ type: 'rendered', uri: next.uri, version: next.version, status: next.status, nodes, ms: performance.now() - started });
    }),
  );
}

function showMessage(text: string): void {
  message.textContent = text;
  message.hidden = false;
  canvas.hidden = true;
}

function highlight(id: string | null): void {
  highlighted = id;
  const box = drawing?.setCurrent(id);
  if (box) viewport.reveal(box);
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function writeSummary(m: Plan): void {
  summary.replaceChildren();
  const part = (s: string) => summary.append(s);
  part(`${count(m.tasks.length, 'task')} · ${count(m.totalLines, 'line')} · critical path `);
  const crit = document.createElement('span');
  crit.className = 'critical-total';
  crit.textContent = m.cycles.length ? 'undefined (cycle)' : count(m.criticalLines, 'line');
  summary.append(crit);
  if (!m.cycles.length) part(` (${count(m.criticalPath.length, 'task')})`);
  part(` · ${count(m.waves.length, 'wave')}`);
  summary.title = m.criticalPath.length ? `Critical path: ${m.criticalPath.join(' → ')}` : '';
}

function writeNotes(m: Plan): void {
  notes.replaceChildren();
  const note = (cls: string, s: string) => {
    const p = document.createElement('p');
    p.className = cls;
    p.textContent = s;
    notes.append(p);
  };
  for (const c of m.cycles) note('error', `Dependency cycle: ${[...c, c[0]].join(' → ')}`);
  const inWave = new Set(m.waves.flat());
  const stuck = m.tasks.filter((t) => !inWave.has(t.id)).map((t) => t.id);
  if (stuck.length) {
    const shown = stuck.length > 20 ? `${stuck.slice(0, 20).join(', ')} and ${stuck.length - 20} more` : stuck.join(', ');
    note('error', `${count(stuck.length, 'task is', 'tasks are')} in or waiting on a cycle, so in no wave: ${shown}`);
  }
  if (m.unknown.length) {
    const byId = new Map<string, string[]>();
    for (const u of m.unknown) byId.set(u.id, [...(byId.get(u.id) ?? []), u.from]);
    note('warning', `Unknown dependencies: ${[...byId].map(([id, from]) => `${id} (needed by ${from.join(', ')})`).join('; ')}`);
  }
  const legend = document.createElement('p');
  legend.className = 'legend';
  for (const [cls, label] of [
    ['key-critical', 'critical path'],
    ['key-cycle', 'cycle'],
    ['key-unknown', 'unknown dependency'],
    ['key-plain', 'dependency'],
    ['key-implied', 'dependency a longer chain implies'],
  ]) {
    const s = document.createElement('span');
    s.className = cls;
    s.textContent = label;
    legend.append(s);
  }
  notes.append(legend);
}

vscode.postMessage({ type: 'ready' });
