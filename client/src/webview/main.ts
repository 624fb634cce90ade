// The preview's page script: receives graph models from the extension, lays them out, draws them.
// It never parses markdown and never writes document text as HTML.
import './preview.css';
import type { FromPreviewMessage, Plan, PreviewState, ToPreviewMessage } from '../../../protocol';
import { layoutGraph, layoutKey, type Layout } from './layout';
import { Drawing, el, Truncator } from './draw';
import { Viewport } from './viewport';
import { exportSvg } from './exportSvg';
import { Minimap } from './minimap';
import { findTasks, legendKeys, lineageOf, type LegendKey } from './search';

declare function acquireVsCodeApi(): {
  postMessage(message: FromPreviewMessage): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
};

const vscode = acquireVsCodeApi();
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const summary = byId<HTMLSpanElement>('summary');
const notes = byId<HTMLDetailsElement>('notes');
const notesSummary = byId<HTMLElement>('notes-summary');
const notesBody = byId<HTMLDivElement>('notes-body');
const legend = byId<HTMLDivElement>('legend');
const searchBox = byId<HTMLInputElement>('search');
const searchStatus = byId<HTMLSpanElement>('search-status');
const groupsToggle = byId<HTMLLabelElement>('groups-toggle');
const groupsBox = byId<HTMLInputElement>('groups');
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
  (view) => {
    drawing?.show(view);
    minimap.show(!!drawing && viewport.overflows(), view);
  },
);
const minimap = new Minimap(byId<HTMLCanvasElement>('minimap'), (point) => viewport.centreOn(point));
/** The matches of the search box's query, and which one is focused. */
let search: { query: string; matches: string[]; at: number } | undefined;

svg.addEventListener('keydown', (e) => {
  const node = (e.target as Element).closest<SVGGElement>('.node[data-task]');
  if (node?.dataset.task && (e.key === 'Enter' || e.key === ' ')) {
    e.preventDefault();
    vscode.postMessage({ type: 'reveal', id: node.dataset.task });
  }
});
byId('fit').addEventListener('click', () => viewport.fit());
searchBox.addEventListener('input', () => runSearch(searchBox.value, false));
searchBox.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    runSearch(searchBox.value, true);
  } else if (e.key === 'Escape') {
    searchBox.value = '';
    runSearch('', false);
  }
});
groupsBox.addEventListener('change', () => drawing?.showGroups(groupsBox.checked));
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
    case 'search':
      if (typeof m.query !== 'string') break;
      searchBox.value = m.query;
      runSearch(m.query, false);
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
      notes.hidden = true;
      legend.replaceChildren();
      groupsToggle.hidden = true;
      drawing = undefined;
      layout = undefined;
      minimap.show(false);
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
      writeLegend(legendKeys(next));
      groupsToggle.hidden = next.groups.length === 0;
      drawing.showGroups(groupsBox.checked);
      minimap.setGraph(next, placed);
      // The first view: the start of the critical path (else of the first wave), at a legible scale.
      const startId = next.criticalPath[0] ?? next.waves[0]?.[0] ?? next.tasks[0]?.id;
      viewport.attach(drawing.viewport, placed.width, placed.height, uriChanged, startId === undefined ? undefined : placed.tasks.get(startId));
      drawing.setCurrent(highlighted);
      if (search?.query) runSearch(search.query, false, !uriChanged);
    }
    for (const b of [exportButton, byId<HTMLButtonElement>('fit'), byId<HTMLButtonElement>('zoom-in'), byId<HTMLButtonElement>('zoom-out')])
      b.disabled = next.status !== 'ok';
    searchBox.disabled = next.status !== 'ok';
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

/** The problems of the graph, folded into one line that opens on demand. */
function writeNotes(m: Plan): void {
  notesBody.replaceChildren();
  const note = (cls: string, s: string) => {
    const p = document.createElement('p');
    p.className = cls;
    p.textContent = s;
    notesBody.append(p);
  };
  const heads: string[] = [];
  for (const c of m.cycles) note('error', `Dependency cycle: ${[...c, c[0]].join(' → ')}`);
  if (m.cycles.length) heads.push(count(m.cycles.length, 'cycle'));
  const inWave = new Set(m.waves.flat());
  const stuck = m.tasks.filter((t) => !inWave.has(t.id)).map((t) => t.id);
  if (stuck.length) {
    const shown = stuck.length > 20 ? `${stuck.slice(0, 20).join(', ')} and ${stuck.length - 20} more` : stuck.join(', ');
    note('error', `${count(stuck.length, 'task is', 'tasks are')} in or waiting on a cycle, so in no wave: ${shown}`);
    heads.push(count(stuck.length, 'blocked task'));
  }
  if (m.unknown.length) {
    const byId = new Map<string, string[]>();
    for (const u of m.unknown) byId.set(u.id, [...(byId.get(u.id) ?? []), u.from]);
    note('warning', `Unknown dependencies: ${[...byId].map(([id, from]) => `${id} (needed by ${from.join(', ')})`).join('; ')}`);
    heads.push(count(byId.size, 'unknown dependency', 'unknown dependencies'));
  }
  notes.hidden = heads.length === 0;
  notesSummary.textContent = heads.join(' · ');
  notesSummary.className = m.cycles.length || stuck.length ? 'error' : 'warning';
}

const LEGEND: Record<LegendKey, string> = {
  critical: 'critical path',
  cycle: 'cycle',
  unknown: 'unknown dependency',
  plain: 'dependency',
  implied: 'dependency a longer chain implies',
};

/** The legend names only the kinds of node and edge the drawing holds. */
function writeLegend(keys: LegendKey[]): void {
  legend.replaceChildren(
    ...keys.map((k) => {
      const s = document.createElement('span');
      s.className = `key-${k}`;
      s.textContent = LEGEND[k];
      return s;
    }),
  );
}

/**
 * Finds the tasks matching `query` and focuses one, with the tasks before and after it; `next`
 * moves to the following match. `keepView` leaves the view where it is (a redraw of the same document).
 */
function runSearch(query: string, next: boolean, keepView = false): void {
  const matches = model?.status === 'ok' ? findTasks(model, query) : [];
  const same = search?.query === query && search.matches.join('\n') === matches.join('\n');
  const at = matches.length ? (same ? (next ? (search!.at + 1) % matches.length : search!.at) : 0) : -1;
  search = query.trim() ? { query, matches, at } : undefined;
  const found = at >= 0 ? matches[at] : null;
  const lineage = found && model ? lineageOf(model, found) : undefined;
  const box = drawing?.setFocus(found && lineage ? { id: found, ...lineage } : undefined);
  if (box && !keepView) viewport.centreOn({ x: box.x + box.width / 2, y: box.y + box.height / 2 }, Math.max(viewport.view.k, 1));
  searchStatus.textContent = !query.trim() ? '' : found ? `${at + 1} of ${matches.length}` : 'no task';
  searchBox.classList.toggle('no-match', !!query.trim() && !found);
  vscode.postMessage({
    type: 'searched',
    query,
    found,
    matches: matches.length,
    upstream: lineage ? [...lineage.upstream] : [],
    downstream: lineage ? [...lineage.downstream] : [],
  });
}

vscode.postMessage({ type: 'ready' });
