import type { SpecModel, Span } from './types';
import { isTemplatePlaceholder } from '../template/lookup';

/** `[Name]`-style placeholders in `source` (at `base` of the text); in code, only the template's own. */
export function findPlaceholders(model: SpecModel, source: string, base: number, span: (s: number, e: number) => Span, inCode: boolean): void {
  const re = /\[([^\[\]\n]+)\](?![(\[:])/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const inner = m[1];
    if (source[m.index - 1] === '\\' || source[m.index + m[0].length - 2] === '\\') continue;
    if (/^[ xX]$/.test(inner) || inner.startsWith('^')) continue;
    if (inCode && !isTemplatePlaceholder(model.schema, inner)) continue;
    model.placeholders.push({ text: m[0], span: span(base + m.index, base + m.index + m[0].length) });
  }
}
