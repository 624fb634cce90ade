// The text a snippet body leaves in an empty document once inserted and left: every tabstop
// holds its placeholder (the first choice of a choice), mirrors repeat it, variables resolve.
// Only what the tests compare against; transforms are refused.
import type * as vscode from 'vscode';

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'tabstop'; index: number; children?: Node[]; choice?: string }
  | { kind: 'variable'; name: string; children?: Node[] };

function parse(body: string): Node[] {
  let pos = 0;
  function parseUntil(stop: string | undefined): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', text });
      text = '';
    };
    while (pos < body.length) {
      const c = body[pos];
      if (c === '\\' && pos + 1 < body.length && '$}\\'.includes(body[pos + 1])) {
        text += body[pos + 1];
        pos += 2;
      } else if (stop && c === stop) {
        break;
      } else if (c === '$') {
        const node = parseDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += '$';
          pos++;
        }
      } else {
        text += c;
        pos++;
      }
    }
    flush();
    return nodes;
  }
  function parseDollar(): Node | undefined {
    const rest = body.slice(pos);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      pos += m[0].length;
      return { kind: 'tabstop', index: Number(m[1]) };
    }
    m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      pos += m[0].length;
      return { kind: 'variable', name: m[1] };
    }
    m = /^\$\{(\d+)(?=[}:|])/.exec(rest) ?? /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?=[}:/])/.exec(rest);
    if (!m) return undefined;
    pos += m[0].length;
    const isTabstop = /^\d/.test(m[1]);
    const sep = body[pos];
    let children: Node[] | undefined;
    let choice: string | undefined;
    if (sep === ':') {
      pos++;
      children = parseUntil('}');
    } else if (sep === '|' && isTabstop) {
      const end = body.indexOf('|}', pos);
      if (end < 0) throw new Error(`unterminated choice in snippet body: ${body}`);
      choice = body
        .slice(pos + 1, end)
        .split(/(?<!\\),/)[0]
        .replace(/\\(.)/g, '$1');
      pos = end + 1;
    } else if (sep === '/') {
      throw new Error(`snippet transforms are not supported by this test renderer: ${rest.slice(0, 40)}`);
    }
    if (body[pos] !== '}') throw new Error(`unterminated \${ in snippet body at ${pos}: ${body}`);
    pos++;
    return isTabstop ? { kind: 'tabstop', index: Number(m[1]), children, choice } : { kind: 'variable', name: m[1], children };
  }
  return parseUntil(undefined);
}

function variable(name: string, doc: vscode.TextDocument): string | undefined {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  const base = doc.uri.path.split('/').pop() ?? '';
  const values: Record<string, string> = {
    CURRENT_YEAR: String(now.getFullYear()),
    CURRENT_YEAR_SHORT: String(now.getFullYear()).slice(-2),
    CURRENT_MONTH: two(now.getMonth() + 1),
    CURRENT_DATE: two(now.getDate()),
    TM_FILENAME: base,
    TM_FILENAME_BASE: base.replace(/\.[^.]*$/, ''),
    TM_SELECTED_TEXT: '',
    SELECTION: '',
    TM_CURRENT_LINE: '',
    TM_LINE_INDEX: '0',
    TM_LINE_NUMBER: '1',
  };
  return values[name];
}

export function renderSnippet(body: string, doc: vscode.TextDocument): string {
  const nodes = parse(body);
  // A mirror ($1 again) shows what the placeholder of the same index shows.
  const defaults = new Map<number, Node[] | string>();
  const collect = (ns: Node[]) => {
    for (const n of ns) {
      if (n.kind === 'tabstop' && !defaults.has(n.index)) {
        if (n.choice !== undefined) defaults.set(n.index, n.choice);
        else if (n.children) defaults.set(n.index, n.children);
      }
      if (n.kind !== 'text' && n.children) collect(n.children);
    }
  };
  collect(nodes);
  const render = (ns: Node[]): string =>
    ns
      .map((n) => {
        if (n.kind === 'text') return n.text;
        if (n.kind === 'tabstop') {
          const d = n.choice ?? n.children ?? defaults.get(n.index);
          return d === undefined ? '' : typeof d === 'string' ? d : render(d);
        }
        const v = variable(n.name, doc);
        if (v !== undefined) return v || (n.children ? render(n.children) : '');
        if (n.children) return render(n.children);
        throw new Error(`snippet variable $${n.name} is not known to this test renderer`);
      })
      .join('');
  return render(nodes);
}
