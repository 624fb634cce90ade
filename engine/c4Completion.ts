import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { aliasOf, c4DiagramOf, relationAliasStart, type C4Call, type C4Diagram } from './c4';
import type { CodeBlock, SpecModel } from './model';

/** The argument index at `offset` inside the call's parentheses, or undefined inside a quoted string. */
function argumentIndexAt(text: string, call: C4Call, offset: number): number | undefined {
  let index = 0;
  let depth = 0;
  let quoted = false;
  for (let i = text.indexOf('(', call.nameEnd) + 1; i < offset; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) index++;
  }
  return quoted ? undefined : index;
}

/** The relation whose parentheses hold `offset`. */
function relationAt(diagram: C4Diagram, offset: number): C4Call | undefined {
  return diagram.calls.find((c) => c.spec?.kind === 'relation' && c.nameEnd < offset && offset <= (c.closed ? c.end - 1 : c.end));
}

/** Aliases of the diagram's elements and boundaries, in the order they are defined. */
function aliasItems(model: SpecModel, diagram: C4Diagram, start: number, end: number): CompletionItem[] {
  const range = model.lines.range(start, end);
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const call of diagram.calls) {
    const kind = call.spec?.kind;
    const alias = (kind === 'element' || kind === 'boundary') && aliasOf(call);
    if (!alias || alias.value === '' || seen.has(alias.value)) continue;
    seen.add(alias.value);
    const label = call.args[1]?.value;
    items.push({
      label: alias.value,
      kind: kind === 'boundary' ? CompletionItemKind.Module : CompletionItemKind.Reference,
      detail: label ? `${call.macro}: ${label}` : call.macro,
      sortText: String(items.length).padStart(5, '0'),
      textEdit: { range, newText: alias.value },
    });
  }
  return items;
}

/** Aliases to complete when `offset` is in the first two alias arguments of a Rel-like macro of a C4 block. */
export function c4Completions(model: SpecModel, block: CodeBlock, offset: number): CompletionItem[] {
  const diagram = c4DiagramOf(model, block);
  const call = diagram && relationAt(diagram, offset);
  if (!call) return [];
  const index = argumentIndexAt(model.text, call, offset);
  const first = relationAliasStart(call.macro);
  if (index === undefined || index < first || index > first + 1) return [];
  const { text } = model;
  let start = offset;
  while (start > 0 && /\w/.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && /\w/.test(text[end])) end++;
  return aliasItems(model, diagram, start, end);
}
