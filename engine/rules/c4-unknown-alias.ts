import { aliasOf, callsOfKind, relationEnds } from '../c4';
import { c4DiagramsOf } from './support/c4';
import type { Finding, Rule } from '../rule';

export const c4UnknownAlias: Rule = {
  code: 'TS1002',
  name: 'c4-unknown-alias',
  defaultSeverity: 'warning',
  description: 'A C4 relation names an alias that no element or boundary of its diagram defines.',
  help: 'Define the alias with an element or boundary in the same diagram, or name one that exists.',
  check({ model, cache }) {
    const findings: Finding[] = [];
    for (const { diagram } of c4DiagramsOf({ model, cache })) {
      const defined = new Set<string>();
      for (const call of [...callsOfKind(diagram, 'element'), ...callsOfKind(diagram, 'boundary')]) {
        const alias = aliasOf(call);
        if (alias) defined.add(alias.value);
      }
      for (const call of callsOfKind(diagram, 'relation')) {
        for (const end of relationEnds(call)) {
          if (!end || end.value === '' || defined.has(end.value)) continue;
          findings.push({
            range: model.lines.range(end.start, end.end),
            message: `No element or boundary of this diagram has the alias "${end.value}": define it (like System(${end.value}, "Name")), or use an existing alias.`,
          });
        }
      }
    }
    return findings;
  },
};
