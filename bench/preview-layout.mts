// Layout plus first draw of the dependency graph preview, in Chromium, for a generated spec.
//
//   npm run build && node --import tsx bench/preview-layout.mts [--tasks 500] [--runs 5]
//
// Each run opens a fresh page holding the panel's real HTML (its CSP included) and the built
// webview bundle, with a stub acquireVsCodeApi, posts the Plan the server computes, and takes
// the time the page reports from receiving the model to the first paint after drawing it: layout
// (elkjs) plus SVG construction, style, layout and paint. A fresh page each run means a cold start,
// as when the panel opens. Then one warm update (an edit that changes an edge) in the last page.
// Prints the median, with each run.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildModel } from '../engine/model';
import { buildPlan } from '../engine/plan';
import { previewHtml } from '../client/src/preview/html';
import type { FromPreviewMessage, Plan } from '../protocol';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const tasks = opt('--tasks', 500);
const runs = opt('--runs', 5);
const root = join(import.meta.dirname, '..');
const bundle = join(root, 'client/out/webview');
if (!existsSync(join(bundle, 'main.js'))) throw new Error('client/out/webview/main.js is missing: run `npm run build` first');
const generator = [join(root, 'bench/gen-spec.mjs'), join(root, '../shared/bench/gen-spec.mjs')].find(existsSync);
if (!generator) throw new Error('gen-spec.mjs not found in bench/ or ../shared/bench/');

const text = execFileSync(process.execPath, [generator, '--tasks', String(tasks)], { encoding: 'utf8', maxBuffer: 1 << 28 });
const uri = 'file:///bench/generated.spec.md';
const model = buildPlan(buildModel(text), uri, 1);
if (model.status !== 'ok' || model.tasks.length !== tasks) throw new Error(`the generated spec gave ${model.status} with ${model.tasks.length} tasks`);

const ORIGIN = 'https://webview.bench.invalid';
const html = previewHtml(
  { cspSource: ORIGIN, asWebviewUri: (file: string) => `${ORIGIN}/${file}` },
  { script: 'main.js', style: 'main.css' },
  'bench-nonce',
  'Dependency Graph: generated.spec.md',
);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

type Rendered = Extract<FromPreviewMessage, { type: 'rendered' }>;

async function openPage() {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  const waiting: ((m: FromPreviewMessage) => void)[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.exposeFunction('benchPost', (m: FromPreviewMessage) => waiting.splice(0).forEach((w) => w(m)));
  // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
  await page.addInitScript('window.acquireVsCodeApi = () => ({ postMessage: window.benchPost, getState: () => undefined, setState: () => undefined });');
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname.slice(1);
    if (path === '') return route.fulfill({ contentType: 'text/html', body: html });
    const type = path.endsWith('.js') ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : 'application/octet-stream';
    return route.fulfill({ contentType: type, body: readFileSync(join(bundle, path)) });
  });
  const next = <T extends FromPreviewMessage['type']>(type: T, what: string) =>
    new Promise<Extract<FromPreviewMessage, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the page did not post "${type}" (${what}) within 60 s; page errors: ${errors.join(' | ') || 'none'}`)),
        60_000,
      );
      const listen = (m: FromPreviewMessage) => {
        if (m.type === type) {
          clearTimeout(timer);
          resolve(m as Extract<FromPreviewMessage, { type: T }>);
        } else waiting.push(listen);
      };
      waiting.push(listen);
    });
  const ready = next('ready', 'after loading');
  const opened = performance.now();
  await page.goto(`${ORIGIN}/`);
  await ready;
  const draw = async (m: Plan): Promise<Rendered> => {
    const rendered = next('rendered', `after a model of ${m.tasks.length} tasks`);
    await page.evaluate(`window.postMessage(${JSON.stringify({ type: 'model', model: m })}, '*')`);
    const r = await rendered;
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    return r;
  };
  const search = async (query: string): Promise<{ ms: number; found: string | null }> => {
    const searched = next('searched', `after searching ${query}`);
    const t0 = performance.now();
    await page.evaluate(`window.postMessage(${JSON.stringify({ type: 'search', query })}, '*')`);
    const r = await searched;
    return { ms: performance.now() - t0, found: r.found };
  };
  return { page, draw, search, opened };
}

const cold: number[] = [];
/** From loading the panel's page to the first paint of the graph: what opening the preview costs in the page. */
const openToDrawn: number[] = [];
let last: Awaited<ReturnType<typeof openPage>> | undefined;
for (let i = 0; i < runs; i++) {
  await last?.page.close();
  last = await openPage();
  const r = await last.draw(model);
  openToDrawn.push(performance.now() - last.opened);
  if (r.nodes !== tasks + model.unknown.length) throw new Error(`drew ${r.nodes} nodes, expected ${tasks}`);
  // Only what is in view is in the page; the first view shows the graph's start.
  const drawn = await last.page.locator('svg .node').count();
  if (drawn < 1 || drawn > r.nodes || (await last.page.locator('svg .node[data-task="T1"]').count()) !== 1) {
    throw new Error(`the page holds ${drawn} of ${r.nodes} nodes, and T1 ${drawn ? 'not ' : ''}among them`);
  }
  cold.push(r.ms);
}
// A warm update: the last task loses one dependency, so the layout is computed again.
const edited: Plan = { ...model, version: 2, edges: model.edges.slice(0, -1) };
const warm = (await last!.draw(edited)).ms;
// The search box: a task in the middle of the graph, focused with its upstream and downstream.
const middle = `T${Math.ceil(tasks / 2)}`;
const found = await last!.search(middle);
if (found.found !== middle) throw new Error(`the search for ${middle} found ${found.found}`);
await browser.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f = (n: number) => `${n.toFixed(0)} ms`;
console.log(`preview layout + first draw, ${tasks} tasks, ${model.edges.length} edges, Chromium headless:`);
console.log(`  cold (fresh page), median of ${runs}: ${f(median(cold))}   runs: ${cold.map(f).join(', ')}`);
console.log(`  page open to graph drawn, median of ${runs}: ${f(median(openToDrawn))}   runs: ${openToDrawn.map(f).join(', ')}`);
console.log(`  warm update (one edge removed): ${f(warm)}`);
console.log(`  search for ${middle} to its highlight (round trip through the page): ${f(found.ms)}`);
