import type { Html } from 'mdast';
import type { SpecModel } from './types';
import type { ModelHost } from './host';

/** `<!-- techspec-disable-next-line rule… -->` comments. */
export function readDirective(model: SpecModel, node: Html, host: ModelHost): void {
  const re = /<!--\s*techspec-disable-next-line\b([^>]*?)-->/g;
  for (let m = re.exec(node.value); m; m = re.exec(node.value)) {
    const rules = m[1].split(/[\s,]+/).filter(Boolean);
    const directive = { line: node.position!.end.line, rules };
    model.directives.push(host.line(directive));
  }
}
