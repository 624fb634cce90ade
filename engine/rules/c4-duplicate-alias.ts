import { aliasOf, type C4Arg } from '../c4';
import { c4DiagramsOf } from './support/c4';
import type { Finding, Rule } from '../rule';

export const c4DuplicateAlias: Rule = {
  code: 'TS1003',
  name: 'c4-duplicate-alias',
  defaultSeverity: 'warning',
  description: 'Two elements or boundaries of one C4 diagram define the same alias.',
  help: 'Give one of the two elements another alias, and update the relations that meant it.',
  check({ model, cache }) {
    const findings: Finding[] = [];
    for (const { diagram } of c4DiagramsOf({ model, cache })) {
      const first = new Map<string, C4Arg>();
      for (const call of diagram.calls) {
        if (call.spec?.kind !== 'element' && call.spec?.kind !== 'boundary') continue;
        const alias = aliasOf(call);
        if (!alias || alias.value === '') continue;
        const earlier = first.get(alias.value);
        if (!earlier) {
          first.set(alias.value, alias);
          continue;
        }
        findings.push({
          range: model.lines.range(alias.start, alias.end),
          message: `The alias "${alias.value}" is already defined in this diagram: give this ${call.macro} another alias.`,
          related: [{ range: model.lines.range(earlier.start, earlier.end), message: `"${alias.value}" is first defined here.` }],
        });
      }
    }
    return findings;
  },
};
