import picomatch from 'picomatch';

const matchers = new Map<string, (path: string) => boolean>();

function matcher(globs: string[]): (path: string) => boolean {
  const key = globs.join('\n');
  let m = matchers.get(key);
  if (!m) {
    // Paths and globs use `/` on every platform (uriPath's paths, VS Code's glob settings), so `\` always escapes.
    m = picomatch(globs, { dot: true, nocase: true, windows: false });
    matchers.set(key, m);
  }
  return m;
}

/** The path part of a URI, decoded; `file:///a/b.md` → `/a/b.md`. */
export function uriPath(uri: string): string {
  const m = /^[a-z][a-z0-9+.-]*:(?:\/\/[^/]*)?(\/[^?#]*)/i.exec(uri);
  const path = m ? m[1] : uri;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

const FRONT_MATTER = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/;
const SPEC_FRONT_MATTER = /^\s*(?:techspec\s*:\s*true|(?:type|kind|template|doc-type|doctype)\s*:\s*["']?(?:tech(?:nical)?[-_ ]?spec)["']?)\s*$/im;

// A glob that starts with `**` matches anywhere, one that starts with `/` from the root; others
// (`specs/*.md`) are relative to a workspace folder.
const isAnchored = (glob: string) => glob.startsWith('/') || glob.startsWith('**');

/** `path` as a glob that matches only itself. */
const literal = (path: string) => path.replace(/[\\*?[\]{}()!+@^$|"]/g, '\\$&');

/**
 * `globs` as globs of absolute paths: each relative one (`specs/*.md`) also written once under
 * each workspace folder of `roots` (folder URIs), so that it matches the path relative to a
 * workspace folder that holds the file.
 */
export function anchorGlobs(globs: string[], roots: string[]): string[] {
  const folders = roots.map((root) => literal(uriPath(root).replace(/\/+$/, '')));
  return globs.flatMap((glob) => (isAnchored(glob) ? [glob] : [glob, ...folders.map((folder) => `${folder}/${glob.replace(/^\.\//, '')}`)]));
}

/**
 * A markdown document is a tech spec when its path matches one of the globs (a relative glob
 * matches the path relative to one of the workspace folders `roots`), its front matter says so
 * (`techspec: true` or `type: tech-spec`), or its first heading starts with "Technical Spec".
 */
export function isTechSpec(uri: string, text: string, globs: string[], roots: string[] = []): boolean {
  const path = uriPath(uri);
  if (globs.length && matcher(anchorGlobs(globs, roots))(path)) return true;
  const fm = FRONT_MATTER.exec(text);
  if (fm && SPEC_FRONT_MATTER.test(fm[1])) return true;
  return /^technical spec\b/i.test(firstHeading(text, fm ? fm[0].length : 0) ?? '');
}

/** The text of the first ATX heading outside fenced code, read line by line without parsing. */
function firstHeading(text: string, from: number): string | undefined {
  let fence: string | undefined;
  let pos = from;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text
      .slice(pos, end)
      .replace(/\r$/, '')
      .replace(/^\uFEFF/, '');
    pos = end + 1;
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const h = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?[ \t#]*$/.exec(line);
    if (h) return (h[1] ?? '').trim();
  }
  return undefined;
}
