// A small parser of mermaid's C4 diagrams (C4Context … C4Deployment): mermaid's own needs a browser.
// It knows the macros of https://mermaid.js.org/syntax/c4.html and their parameters, and reads
// calls, boundaries' `{ }` blocks and the keyword lines (title, accTitle, accDescr).
import type { CodeBlock, SpecModel } from './model';

export const C4_DIAGRAM_TYPES = ['C4Context', 'C4Container', 'C4Component', 'C4Dynamic', 'C4Deployment'] as const;

/** element: defines an alias; boundary: defines one and may open a `{ }` block; relation: links two aliases. */
export type C4Kind = 'element' | 'boundary' | 'relation' | 'style';

export interface C4Macro {
  kind: C4Kind;
  /** Parameter names in order; the first `required` must be given. */
  params: readonly string[];
  required: number;
}

const PERSON = ['alias', 'label', 'descr', 'sprite', 'tags', 'link'];
const WITH_TECHN = ['alias', 'label', 'techn', 'descr', 'sprite', 'tags', 'link'];
const WITH_TYPE = ['alias', 'label', 'type', 'descr', 'sprite', 'tags', 'link'];
const BOUNDARY = ['alias', 'label', 'tags', 'link'];
const REL = ['from', 'to', 'label', 'techn', 'descr', 'sprite', 'tags', 'link'];
const ELEMENT_STYLE = ['elementName', 'bgColor', 'fontColor', 'borderColor', 'shadowing', 'shape', 'sprite', 'techn', 'legendText', 'legendSprite'];

const macros = (names: string[], macro: C4Macro) => names.map((name) => [name, macro] as const);

/** Every macro mermaid's C4 diagrams know, by name. */
export const C4_MACROS: ReadonlyMap<string, C4Macro> = new Map<string, C4Macro>([
  ...macros(['Person', 'Person_Ext'], { kind: 'element', params: PERSON, required: 2 }),
  ...macros(['System', 'SystemDb', 'SystemQueue', 'System_Ext', 'SystemDb_Ext', 'SystemQueue_Ext'], { kind: 'element', params: PERSON, required: 2 }),
  ...macros(['Container', 'ContainerDb', 'ContainerQueue', 'Container_Ext', 'ContainerDb_Ext', 'ContainerQueue_Ext'], {
    kind: 'element',
    params: WITH_TECHN,
    required: 2,
  }),
  ...macros(['Component', 'ComponentDb', 'ComponentQueue', 'Component_Ext', 'ComponentDb_Ext', 'ComponentQueue_Ext'], {
    kind: 'element',
    params: WITH_TECHN,
    required: 2,
  }),
  ...macros(['Boundary'], { kind: 'boundary', params: ['alias', 'label', 'type', 'tags', 'link'], required: 2 }),
  ...macros(['Enterprise_Boundary', 'System_Boundary', 'Container_Boundary'], { kind: 'boundary', params: BOUNDARY, required: 2 }),
  ...macros(['Deployment_Node', 'Node', 'Node_L', 'Node_R'], { kind: 'boundary', params: WITH_TYPE, required: 2 }),
  ...macros(['Rel', 'BiRel', 'Rel_U', 'Rel_Up', 'Rel_D', 'Rel_Down', 'Rel_L', 'Rel_Left', 'Rel_R', 'Rel_Right', 'Rel_Back'], {
    kind: 'relation',
    params: REL,
    required: 3,
  }),
  ...macros(['RelIndex'], { kind: 'relation', params: ['index', 'from', 'to', 'label', 'tags', 'link'], required: 4 }),
  ...macros(['UpdateElementStyle', 'UpdateBoundaryStyle'], { kind: 'style', params: ELEMENT_STYLE, required: 1 }),
  ...macros(['AddElementTag'], { kind: 'style', params: ['tagStereo', ...ELEMENT_STYLE.slice(1)], required: 1 }),
  ...macros(['AddRelTag'], {
    kind: 'style',
    params: ['tagStereo', 'textColor', 'lineColor', 'lineStyle', 'sprite', 'techn', 'legendText', 'legendSprite'],
    required: 1,
  }),
  ...macros(['UpdateRelStyle'], { kind: 'style', params: ['from', 'to', 'textColor', 'lineColor', 'offsetX', 'offsetY'], required: 2 }),
  ...macros(['UpdateLayoutConfig'], { kind: 'style', params: ['c4ShapeInRow', 'c4BoundaryInRow'], required: 0 }),
  ...macros(['RoundedBoxShape', 'EightSidedShape', 'DashedLine', 'DottedLine', 'BoldLine'], { kind: 'style', params: [], required: 0 }),
]);

const MACRO_BY_LOWER_NAME = new Map([...C4_MACROS].map(([name, macro]) => [name.toLowerCase(), { name, macro }]));

/** The macro of a name; mermaid's C4 lexer ignores case. */
export function c4MacroOf(name: string): { name: string; macro: C4Macro } | undefined {
  return MACRO_BY_LOWER_NAME.get(name.toLowerCase());
}

export interface C4Arg {
  /** As written, trimmed: quotes and a `$name=` prefix kept. */
  raw: string;
  /** Without the `$name=` prefix and the surrounding quotes. */
  value: string;
  /** The parameter a `$name=value` argument names. */
  name?: string;
  start: number;
  end: number;
}

export interface C4Call {
  macro: string;
  /** Undefined for an unknown macro. */
  spec?: C4Macro;
  nameStart: number;
  nameEnd: number;
  args: C4Arg[];
  /** Just past the `)`, or the end of the line when the call is not closed. */
  end: number;
  closed: boolean;
}

export interface C4Diagram {
  type: string;
  title?: string;
  /** Every macro call, known or not, in order. */
  calls: C4Call[];
  /** `{` that no `}` closes. */
  unclosedBraces: number[];
  /** `}` with no `{` open. */
  strayCloses: number[];
  /** `{` that follows no boundary. */
  strayOpens: number[];
}

/** Maps an offset in the parsed text to the offset the diagram reports (the document's). */
export type OffsetMap = (offset: number) => number;

/** The diagram type a mermaid text starts with (after blank lines, `%%` comments and front matter), if it is C4. */
export function c4TypeOf(text: string): string | undefined {
  const frontMatter = /^\s*---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  // Line by line up to the first statement: a dependency diagram's block can hold thousands of lines.
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/y;
  lineRe.lastIndex = frontMatter ? frontMatter[0].length : 0;
  while (lineRe.lastIndex < text.length) {
    const trimmed = lineRe.exec(text)![0].trim();
    if (trimmed === '' || trimmed.startsWith('%%')) continue;
    const word = /^[A-Za-z0-9]+/.exec(trimmed)?.[0];
    return C4_DIAGRAM_TYPES.find((t) => t === word);
  }
  return undefined;
}

/** A diagram's calls by kind. */
export const callsOfKind = (diagram: C4Diagram, kind: C4Kind): C4Call[] => diagram.calls.filter((c) => c.spec?.kind === kind);

/** The alias an element or boundary defines. */
export const aliasOf = (call: C4Call): C4Arg | undefined => (call.args[0]?.name ? undefined : call.args[0]);

/** The index in `args` of a relation's first alias (RelIndex has its index first). */
export const relationAliasStart = (macro: string): number => (macro.toLowerCase() === 'relindex' ? 1 : 0);

/** The two aliases a relation links; undefined where one is missing or given by name. */
export function relationEnds(call: C4Call): (C4Arg | undefined)[] {
  const first = relationAliasStart(call.macro);
  return [call.args[first], call.args[first + 1]].map((a) => (a && !a.name ? a : undefined));
}

/** Parses a C4 diagram; undefined when the text is no C4 diagram. */
export function parseC4(text: string, toDoc: OffsetMap = (o) => o): C4Diagram | undefined {
  const type = c4TypeOf(text);
  if (!type) return undefined;
  return new C4Parser(text, toDoc, type).parse();
}

/** The C4 diagram of a mermaid code block, with document offsets. */
export function c4DiagramOf(model: SpecModel, block: CodeBlock): C4Diagram | undefined {
  if (block.lang?.toLowerCase() !== 'mermaid') return undefined;
  return parseC4(block.value, blockOffsetMap(model, block));
}

/** Every C4 diagram of the document, with its block. */
export function c4Diagrams(model: SpecModel): { block: CodeBlock; diagram: C4Diagram }[] {
  const found: { block: CodeBlock; diagram: C4Diagram }[] = [];
  for (const block of model.codeBlocks) {
    const diagram = c4DiagramOf(model, block);
    if (diagram) found.push({ block, diagram });
  }
  return found;
}

/**
 * Offsets in a code block's value to document offsets. The value drops the indentation of lists and
 * blockquotes, so each of its lines sits at the end of the document line it came from.
 */
export function blockOffsetMap(model: SpecModel, block: CodeBlock): OffsetMap {
  const { lines } = model;
  const valueLineStarts = [0];
  const lineLengths: number[] = [];
  const breaks = /\r\n|\r|\n/g;
  let last = 0;
  for (let m = breaks.exec(block.value); m; m = breaks.exec(block.value)) {
    lineLengths.push(m.index - last);
    last = m.index + m[0].length;
    valueLineStarts.push(last);
  }
  lineLengths.push(block.value.length - last);
  const firstDocLine = lines.positionAt(block.contentStart).line;
  return (offset) => {
    let line = valueLineStarts.length - 1;
    while (line > 0 && valueLineStarts[line] > offset) line--;
    const docLine = firstDocLine + line;
    if (docLine >= lines.lineCount) return block.span.end;
    const prefix = Math.max(0, lines.lineText(docLine).length - lineLengths[line]);
    return Math.min(lines.lineStarts[docLine] + prefix + (offset - valueLineStarts[line]), lines.lineEnd(docLine));
  };
}

const isLineBreak = (c: string | undefined) => c === '\n' || c === '\r';

class C4Parser {
  private i = 0;
  private readonly diagram: C4Diagram;
  /** Open `{`: the offset, and whether no boundary opened it (already reported as stray). */
  private readonly open: { offset: number; stray: boolean }[] = [];
  /** The boundary whose `{` may come next. */
  private boundaryPending = false;

  constructor(
    private readonly text: string,
    private readonly toDoc: OffsetMap,
    type: string,
  ) {
    this.diagram = { type, calls: [], unclosedBraces: [], strayCloses: [], strayOpens: [] };
  }

  parse(): C4Diagram {
    const { text } = this;
    while (this.i < text.length) {
      const c = text[this.i];
      if (/\s/.test(c)) this.i++;
      else if (text.startsWith('%%', this.i)) this.skipLine();
      else if (c === '{') this.openBrace();
      else if (c === '}') this.closeBrace();
      else if (/[A-Za-z_]/.test(c)) this.statement();
      else this.skipLine();
    }
    this.diagram.unclosedBraces.push(...this.open.filter((o) => !o.stray).map((o) => this.toDoc(o.offset)));
    return this.diagram;
  }

  private skipLine(): void {
    while (this.i < this.text.length && !isLineBreak(this.text[this.i])) this.i++;
  }

  private openBrace(): void {
    const stray = !this.boundaryPending;
    if (stray) this.diagram.strayOpens.push(this.toDoc(this.i));
    this.open.push({ offset: this.i, stray });
    this.boundaryPending = false;
    this.i++;
  }

  private closeBrace(): void {
    if (this.open.pop() === undefined) this.diagram.strayCloses.push(this.toDoc(this.i));
    this.boundaryPending = false;
    this.i++;
  }

  /** A word: a keyword line, a macro call, or text mermaid would reject (skipped). */
  private statement(): void {
    const { text } = this;
    const nameStart = this.i;
    while (this.i < text.length && /\w/.test(text[this.i])) this.i++;
    const name = text.slice(nameStart, this.i);
    this.boundaryPending = false;
    if (name === 'title') {
      const lineStart = this.i;
      this.skipLine();
      this.diagram.title = text.slice(lineStart, this.i).trim();
      return;
    }
    if (name === 'accDescr' && /^[ \t]*\{/.test(text.slice(this.i))) {
      const close = text.indexOf('}', this.i);
      this.i = close < 0 ? text.length : close + 1;
      return;
    }
    let j = this.i;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (text[j] !== '(') {
      this.skipLine();
      return;
    }
    const call = this.call(name, nameStart, j);
    this.diagram.calls.push(call);
    this.boundaryPending = call.spec?.kind === 'boundary';
  }

  /** The call whose `(` is at `paren`: arguments split at commas outside quotes and nested parentheses. */
  private call(macro: string, nameStart: number, paren: number): C4Call {
    const { text } = this;
    const args: C4Arg[] = [];
    let argStart = paren + 1;
    let depth = 0;
    let j = paren + 1;
    let closed = false;
    for (; j < text.length && !isLineBreak(text[j]); j++) {
      const c = text[j];
      if (c === '"') {
        const close = text.slice(j + 1).search(/["\r\n]/);
        if (close >= 0 && text[j + 1 + close] === '"') j += 1 + close;
        else j = text.length;
      } else if (c === '(') depth++;
      else if (c === ')' && depth > 0) depth--;
      else if (c === ')' || (c === ',' && depth === 0)) {
        args.push(this.arg(argStart, j));
        argStart = j + 1;
        if (c === ')') {
          closed = true;
          break;
        }
      }
    }
    if (!closed) args.push(this.arg(argStart, Math.min(j, text.length)));
    this.i = closed ? j + 1 : Math.min(j, text.length);
    // `Foo()` has no arguments, not one empty one.
    if (args.length === 1 && args[0].raw === '') args.pop();
    const spec = c4MacroOf(macro)?.macro;
    return { macro, spec, nameStart: this.toDoc(nameStart), nameEnd: this.toDoc(nameStart + macro.length), args, end: this.toDoc(this.i), closed };
  }

  private arg(from: number, to: number): C4Arg {
    const slice = this.text.slice(from, to);
    const start = from + (slice.length - slice.trimStart().length);
    const raw = slice.trim();
    const named = /^\$(\w+)\s*=\s*([\s\S]*)$/.exec(raw);
    const unquote = (s: string) => (s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s);
    return {
      raw,
      value: unquote(named ? named[2] : raw),
      name: named?.[1],
      start: this.toDoc(start),
      end: this.toDoc(start + raw.length),
    };
  }
}
