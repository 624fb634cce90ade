// The preview panel's HTML. Pure and free of `vscode`, so unit tests can check the CSP with a fake webview.
import { randomBytes } from 'node:crypto';

/** The parts of a vscode.Webview the HTML needs. */
export interface WebviewLike<U> {
  readonly cspSource: string;
  asWebviewUri(uri: U): { toString(): string };
}

export interface PreviewAssets<U> {
  script: U;
  style: U;
}

/** The Content-Security-Policy of the preview: nothing but our nonce'd script and the webview's own styles and images. */
export function previewCsp(cspSource: string, nonce: string): string {
  return `default-src 'none'; script-src 'nonce-${nonce}'; style-src ${cspSource}; img-src ${cspSource} data:;`;
}

/** The panel's document: a toolbar, a summary line, a message area and the drawing, filled in by the script. */
export function previewHtml<U>(webview: WebviewLike<U>, assets: PreviewAssets<U>, nonce: string, title: string): string {
  const attr = escapeHtml;
  const script = webview.asWebviewUri(assets.script).toString();
  const style = webview.asWebviewUri(assets.style).toString();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(previewCsp(webview.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(style)}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<header class="toolbar" role="toolbar" aria-label="Dependency graph">
<span id="summary" class="summary" aria-live="polite"></span>
<span class="spacer"></span>
<input type="search" id="search" class="search" placeholder="Find task" title="Find a task by ID or title (Enter: next match, Escape: clear)" aria-label="Find a task by ID or title" spellcheck="false">
<span id="search-status" class="search-status" aria-live="polite"></span>
<label id="groups-toggle" class="toggle" title="Show the subgraphs of the dependency diagram as labelled groups" hidden><input type="checkbox" id="groups"> Groups</label>
<button type="button" id="fit" title="Fit the graph to the panel, no smaller than legible (the overview shows the rest)">Fit</button>
<button type="button" id="zoom-out" title="Zoom out" aria-label="Zoom out">−</button>
<button type="button" id="zoom-in" title="Zoom in" aria-label="Zoom in">+</button>
<button type="button" id="export" title="Save the drawing as an SVG file">Export SVG</button>
</header>
<div class="infobar">
<details id="notes" class="notes" hidden><summary id="notes-summary"></summary><div id="notes-body"></div></details>
<div id="legend" class="legend" aria-label="Legend"></div>
</div>
<div id="message" class="message" role="status">Loading the dependency graph…</div>
<div id="canvas" class="canvas" hidden><canvas id="minimap" class="minimap" title="Overview: click or drag to move the view" hidden></canvas></div>
<script nonce="${attr(nonce)}" src="${attr(script)}"></script>
</body>
</html>
`;
}

/** A nonce for one writing of the page: 144 random bits, base64. */
export function makeNonce(): string {
  return randomBytes(18).toString('base64');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
