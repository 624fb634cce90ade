// Mermaid flowcharts: the dependency graph drawn under Task Breakdown.
import type { CodeBlock, DependencyDiagram, DiagramGroup, GraphNodeRef, SpecModel, Span } from './types';
import type { ModelHost } from './host';

/** A mermaid block whose diagram is a flowchart (`graph LR`, `flowchart TD`). */
export function isFlowchart(b: CodeBlock): boolean {
  return b.lang === 'mermaid' && /^\s*(graph|flowchart)\b/.test(firstStatement(b.value) ?? '');
}

/** What mermaidLines(value).find(non-blank, not a %% comment) gives, without splitting a big block. */
function firstStatement(value: string): string | undefined {
  const lines = (function* () {
    for (let at = 0; at <= value.length;) {
      const nl = value.indexOf('\n', at);
      const end = nl < 0 ? value.length : nl;
      yield value.slice(at, end > at && value[end - 1] === '\r' ? end - 1 : end);
      if (nl < 0) return;
      at = nl + 1;
    }
  })();
  let inFrontMatter: boolean | undefined;
  for (const l of lines) {
    const t = l.trim();
    if (inFrontMatter === undefined && t === '') continue;
    if (inFrontMatter === undefined) {
      inFrontMatter = t === '---';
      if (inFrontMatter) continue;
    } else if (inFrontMatter) {
      if (t === '---') inFrontMatter = false;
      continue;
    }
    if (t && !t.startsWith('%%')) return l;
  }
  return undefined;
}

/** The first flowchart of Task Breakdown: the graph of its nodes and edges, a part of the host's. */
export function readDiagram(model: SpecModel, host: ModelHost): DependencyDiagram | undefined {
  const block = model.codeBlocks.find((b) => b.sectionKey === 'task-breakdown' && isFlowchart(b));
  if (!block) return undefined;
  const build = () => {
    const graph: DependencyDiagram = { block, nodes: [], edges: [], subgraphs: [], groups: [] };
    parseFlowchart(model.text, block.contentStart, block.contentStart + block.value.length, (s, e) => host.span(s, e), graph);
    return graph;
  };
  const { nodes, edges, subgraphs, groups } = host.part(block, 'diagram', block.span.start, block.span.range.start.line, build);
  return { block, nodes, edges, subgraphs, groups };
}

// Hyphens join words of an ID (`PAY-101`) but never start an arrow (`A-->B`, `A-.->B`).
const NODE_ID_PREFIX = /^[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*/;

/** Whether `id` reads back as one node ID of a mermaid flowchart. */
export function isMermaidNodeId(id: string): boolean {
  return NODE_ID_PREFIX.exec(id)?.[0] === id;
}

const SKIP_STATEMENT = /^(graph|flowchart|subgraph|end|classDef|class|style|linkStyle|click|direction|accTitle|accDescr|%%)\b/;
const ARROW =
  /^(?:<)?(?:--\s*[^->|][^>]*?\s*--[->]|==\s*[^=>|][^>]*?\s*==[=>]|-\.\s*[^.>|-][^>]*?\s*\.->|-{2,}[>ox]?|={2,}[>ox]?|-\.+-[>ox]?|~~~)(?:\s*\|[^|]*\|)?/;
const SHAPE_OPEN: Record<string, string> = { '[': ']', '(': ')', '{': '}', '>': ']' };

/** Mermaid flowchart statements: node declarations, chained edges (`A --> B --> C`), `&` groups, labels. */
export function parseFlowchart(text: string, start: number, end: number, span: (s: number, e: number) => Span, graph: DependencyDiagram): void {
  const open: DiagramGroup[] = [];
  const grouped = new Set<string>();
  for (const [offset, stmt] of flowchartStatements(text.slice(start, end))) {
    const trimmed = stmt.trim();
    const sub = /^subgraph\s+([A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*)\s*(?:\[|$)/.exec(trimmed);
    if (sub) graph.subgraphs.push(sub[1]);
    const group = subgraphGroup(trimmed, open.at(-1));
    if (group) {
      graph.groups.push(group);
      open.push(group);
    } else if (trimmed === 'end') open.pop();
    if (!trimmed || SKIP_STATEMENT.test(trimmed)) continue;
    const before = graph.nodes.length;
    new StatementReader(stmt, start + offset, span, graph).readEdges();
    const inside = open.at(-1);
    for (let i = before; inside && i < graph.nodes.length; i++) {
      const id = graph.nodes[i].id;
      if (grouped.has(id)) continue;
      grouped.add(id);
      inside.nodes.push(id);
    }
  }
}

/** The group a `subgraph` statement opens (`subgraph api [API work]`, `subgraph "Phase 1"`), or undefined for another statement. */
function subgraphGroup(statement: string, parent: DiagramGroup | undefined): DiagramGroup | undefined {
  const m = /^subgraph(?:\s+(.*))?$/.exec(statement);
  if (!m) return undefined;
  const rest = (m[1] ?? '').trim();
  const titled = /^([A-Za-z0-9_]+)\s*\[\s*"?(.*?)"?\s*\]$/.exec(rest);
  const id = titled ? titled[1] : rest.replace(/^"(.*)"$/, '$1');
  const label = titled ? titled[2] || id : id;
  return parent ? { id, label, parent: parent.id, nodes: [] } : { id, label, nodes: [] };
}

/** Reads the nodes and edges of one statement, which starts at `base` of the text, into `graph`. */
class StatementReader {
  private i = 0;

  constructor(
    private readonly stmt: string,
    private readonly base: number,
    private readonly span: (s: number, e: number) => Span,
    private readonly graph: DependencyDiagram,
  ) {}

  /** Groups joined by arrows: an edge from each node of a group to each of the next. */
  readEdges(): void {
    let left = this.readGroup();
    for (;;) {
      this.skipWs();
      const arrow = ARROW.exec(this.stmt.slice(this.i));
      if (!arrow || left.length === 0) break;
      this.i += arrow[0].length;
      const right = this.readGroup();
      for (const a of left) for (const b of right) this.graph.edges.push({ from: a, to: b, span: this.span(a.span.start, b.span.end) });
      left = right;
    }
  }

  private skipWs(): void {
    while (this.i < this.stmt.length && /\s/.test(this.stmt[this.i])) this.i++;
  }

  /** Nodes joined by `&`. */
  private readGroup(): GraphNodeRef[] {
    const group: GraphNodeRef[] = [];
    for (;;) {
      const n = this.readNode();
      if (!n) break;
      group.push(n);
      this.skipWs();
      if (this.stmt[this.i] === '&') this.i++;
      else break;
    }
    return group;
  }

  /** An ID, its shape and label (`A[Label]`, `B((x))`) and its `:::class`. */
  private readNode(): GraphNodeRef | undefined {
    this.skipWs();
    const stmt = this.stmt;
    const id = NODE_ID_PREFIX.exec(stmt.slice(this.i));
    if (!id) return undefined;
    const ref = { id: id[0], span: this.span(this.base + this.i, this.base + this.i + id[0].length) };
    this.i += id[0].length;
    const open = stmt[this.i];
    if (open && SHAPE_OPEN[open]) this.skipShape(open, SHAPE_OPEN[open]);
    const cls = /^:::\w+(?:-\w+)*/.exec(stmt.slice(this.i));
    if (cls) this.i += cls[0].length;
    this.graph.nodes.push(ref);
    return ref;
  }

  /** Past a shape that opens at the cursor with `open` and closes with `close`, quoted labels skipped. */
  private skipShape(open: string, close: string): void {
    const stmt = this.stmt;
    let i = this.i;
    let depth = 0;
    let quoted = false;
    for (; i < stmt.length; i++) {
      const c = stmt[i];
      if (c === '"') quoted = !quoted;
      if (quoted) continue;
      if (c === open && open !== '>') depth++;
      else if (c === close || (open === '(' && c === ')') || (open === '{' && c === '}')) {
        depth--;
        if (depth <= 0) {
          i++;
          break;
        }
      } else if (open === '>' && c === ']') {
        i++;
        break;
      }
    }
    // Shapes like [[..]], ((..)) and {{..}} close with the same run of brackets.
    while (i < stmt.length && stmt[i] === close) i++;
    this.i = i;
  }
}

/**
 * A flowchart's statements with their offsets: one per line, or per `;` outside labels;
 * front matter and `%%` comments left out.
 */
export function flowchartStatements(body: string): [number, string][] {
  const out: [number, string][] = [];
  let from = 0;
  const lines = body.split('\n');
  if (lines.find((l) => l.trim() !== '')?.trim() === '---') {
    const open = body.indexOf('---');
    const close = body.indexOf('\n---', open + 3);
    if (close < 0) return out;
    const after = body.indexOf('\n', close + 4);
    from = after < 0 ? body.length : after + 1;
  }
  let stmtStart = from;
  let depth = 0;
  let quoted = false;
  let piped = false;
  const flush = (endAt: number) => {
    if (endAt > stmtStart) out.push([stmtStart, body.slice(stmtStart, endAt)]);
  };
  for (let i = from; i < body.length; i++) {
    const c = body[i];
    if (c === '\n') {
      flush(i);
      stmtStart = i + 1;
      depth = 0;
      quoted = piped = false;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '[' || c === '(' || c === '{') depth++;
    else if (c === ']' || c === ')' || c === '}') depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (c === '|') piped = !piped;
    else if (piped) continue;
    else if (c === ';') {
      flush(i);
      stmtStart = i + 1;
    } else if (c === '%' && body[i + 1] === '%') {
      // A comment runs to the end of the line.
      flush(i);
      const nl = body.indexOf('\n', i);
      i = (nl < 0 ? body.length : nl) - 1;
      stmtStart = nl < 0 ? body.length : nl;
    }
  }
  flush(body.length);
  return out;
}
