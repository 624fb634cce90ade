import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNonce, previewHtml } from '../../client/src/preview/html';
import { messageModel, parsePreviewMessage, taskAtLine, taskToReveal } from '../../client/src/preview/messages';
import { buildModel } from '../../engine/model';
import { buildPlan } from '../../engine/plan';
import { lines } from './helpers';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const fakeWebview = {
  cspSource: CSP_SOURCE,
  asWebviewUri: (path: string) => ({ toString: () => `${CSP_SOURCE}/ext/client/out/webview/${path}` }),
};
const assets = { script: 'main.js', style: 'main.css' };

function page(nonce: string, title = 'Dependency Graph: a.spec.md'): string {
  return previewHtml(fakeWebview, assets, nonce, title);
}

test('the page carries the CSP: nothing by default, scripts only by nonce, styles and images only from the webview', () => {
  const html = page('n0nce+/A=');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.equal(csp?.[1], `default-src &#39;none&#39;; script-src &#39;nonce-n0nce+/A=&#39;; style-src ${CSP_SOURCE}; img-src ${CSP_SOURCE} data:;`);
  assert.equal((html.match(/Content-Security-Policy/g) ?? []).length, 1);
});

test('every script has the nonce and loads from the bundle folder; the stylesheet too', () => {
  const html = page('abc123');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  for (const [, attrs, body] of scripts) {
    assert.match(attrs, /\bnonce="abc123"/);
    assert.match(attrs, new RegExp(`\\bsrc="${CSP_SOURCE.replace(/[.+]/g, '\\$&')}/ext/client/out/webview/main\\.js"`));
    assert.equal(body.trim(), '', 'no inline script');
  }
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]);
  assert.deepEqual(links, [`<link rel="stylesheet" href="${CSP_SOURCE}/ext/client/out/webview/main.css">`]);
});

test('a fresh nonce each time the page is written, used by the CSP and the script alike', () => {
  const nonces = new Set(Array.from({ length: 50 }, makeNonce));
  assert.equal(nonces.size, 50);
  for (const n of nonces) assert.match(n, /^[A-Za-z0-9+/]{24}$/);
  const [a, b] = [...nonces];
  const html = page(a);
  assert.ok(html.includes(`&#39;nonce-${a}&#39;`));
  assert.ok(html.includes(`<script nonce="${a}"`));
  assert.ok(!html.includes(b));
});

test('no inline event handlers, style attributes, style elements or remote URLs', () => {
  const html = page('x');
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
  assert.doesNotMatch(html, /\sstyle\s*=/i);
  assert.doesNotMatch(html, /<style\b/i);
  assert.doesNotMatch(html, /javascript:/i);
  const urls = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(urls, [`${CSP_SOURCE}/ext/client/out/webview/main.css`, `${CSP_SOURCE}/ext/client/out/webview/main.js`]);
});

test('the title is text, not markup', () => {
  const html = page('x', 'Dependency Graph: <img src=x onerror=alert(1)>.spec.md');
  assert.match(html, /<title>Dependency Graph: &#60;img src=x onerror=alert\(1\)&#62;\.spec\.md<\/title>/);
  assert.doesNotMatch(html, /<img/);
});

test('the page has the elements its script fills in, with a loading message rather than a blank page', () => {
  const html = page('x');
  for (const id of ['summary', 'notes', 'message', 'canvas', 'fit', 'zoom-in', 'zoom-out', 'export']) assert.match(html, new RegExp(`id="${id}"`));
  assert.match(html, /<div id="message" class="message" role="status">Loading the dependency graph…<\/div>/);
});

test('messages from the page: only the declared shapes get through', () => {
  assert.deepEqual(parsePreviewMessage({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parsePreviewMessage({ type: 'reveal', id: 'T3', extra: 1 }), { type: 'reveal', id: 'T3' });
  assert.equal(parsePreviewMessage({ type: 'reveal', id: 3 }), undefined);
  assert.equal(parsePreviewMessage({ type: 'reveal' }), undefined);
  assert.equal(parsePreviewMessage({ type: 'openFile', path: '/etc/passwd' }), undefined);
  assert.equal(parsePreviewMessage(null), undefined);
  assert.equal(parsePreviewMessage('reveal'), undefined);
  assert.deepEqual(parsePreviewMessage({ type: 'exportSvg', svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }), {
    type: 'exportSvg',
    svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
  });
  assert.equal(parsePreviewMessage({ type: 'exportSvg', svg: '<html></html>' }), undefined);
  assert.deepEqual(parsePreviewMessage({ type: 'svg', requestId: 2, svg: '<svg></svg>' }), { type: 'svg', requestId: 2, svg: '<svg></svg>' });
  assert.equal(parsePreviewMessage({ type: 'svg', requestId: '2', svg: '<svg></svg>' }), undefined);
  assert.deepEqual(parsePreviewMessage({ type: 'rendered', uri: 'file:///a.spec.md', version: 3, status: 'ok', nodes: 7, ms: 12.5 }), {
    type: 'rendered',
    uri: 'file:///a.spec.md',
    version: 3,
    status: 'ok',
    nodes: 7,
    ms: 12.5,
  });
  assert.equal(parsePreviewMessage({ type: 'rendered', uri: 'file:///a.spec.md', version: 3, status: 'great', nodes: 7, ms: 1 }), undefined);
  const searched = { type: 'searched', query: 't4', found: 'T4', matches: 1, upstream: ['T1', 'T2'], downstream: [] };
  assert.deepEqual(parsePreviewMessage({ ...searched, extra: true }), searched);
  assert.deepEqual(parsePreviewMessage({ ...searched, found: null }), { ...searched, found: null });
  assert.equal(parsePreviewMessage({ ...searched, found: 4 }), undefined);
  assert.equal(parsePreviewMessage({ ...searched, upstream: ['T1', 2] }), undefined);
  assert.equal(parsePreviewMessage({ ...searched, downstream: 'T5' }), undefined);
  assert.equal(parsePreviewMessage({ ...searched, matches: -1 }), undefined);
  assert.equal(parsePreviewMessage({ ...searched, query: 'x'.repeat(20_000) }), undefined);
});

const model = buildPlan(
  buildModel(
    lines(
      '# Technical Spec: X',
      '',
      '## Task Breakdown',
      '',
      '| ID | Task | Est. Lines | Dependencies | Jira |',
      '|----|------|------------|--------------|------|',
      '| T1 | <img src=x onerror=alert(1)> | ~50 | None | |',
      '| T2 | Two | ~150 | T1 | |',
    ),
  ),
  'file:///w/x.spec.md',
  1,
);

test('a node ID that is no task reveals nothing; a task ID gives its row', () => {
  assert.equal(taskToReveal(model, 'T9'), undefined);
  assert.equal(taskToReveal(model, 'constructor'), undefined);
  assert.equal(taskToReveal(undefined, 'T1'), undefined);
  assert.deepEqual(taskToReveal(model, 'T2')?.range, { start: { line: 7, character: 0 }, end: { line: 7, character: 26 } });
  // The title reaches the page as the characters the user typed.
  assert.equal(taskToReveal(model, 'T1')?.title, '<img src=x onerror=alert(1)>');
});

test('the task under the cursor: by line of its row', () => {
  assert.equal(taskAtLine(model, 5), undefined);
  assert.equal(taskAtLine(model, 6)?.id, 'T1');
  assert.equal(taskAtLine(model, 7)?.id, 'T2');
  assert.equal(taskAtLine(model, 8), undefined);
});

test('a stand-in model says why there is nothing to draw', () => {
  assert.deepEqual(messageModel('file:///a.md', 'The server is not running.'), {
    uri: 'file:///a.md',
    version: 0,
    status: 'not-spec',
    message: 'The server is not running.',
    tasks: [],
    edges: [],
    cycles: [],
    unknown: [],
    criticalPath: [],
    criticalLines: 0,
    waves: [],
    totalLines: 0,
    groups: [],
  });
});
