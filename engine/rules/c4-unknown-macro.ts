import { C4_MACROS } from '../c4';
import { c4DiagramsOf } from './support/c4';
import type { Finding, Rule } from '../rule';
import { levenshtein } from '../text';

/** The known macro closest to `name`, when it is close enough to be a typo. */
function closestMacro(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of C4_MACROS.keys()) {
    const distance = levenshtein(name.toLowerCase(), known.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [known, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

export const c4UnknownMacro: Rule = {
  code: 'TS1001',
  name: 'c4-unknown-macro',
  defaultSeverity: 'error',
  description: 'A C4 diagram calls a macro mermaid does not know; the closest known one is suggested.',
  help: "Use a macro from mermaid's C4 list; the message names the closest one.",
  check({ model, cache }) {
    const findings: Finding[] = [];
    for (const { diagram } of c4DiagramsOf({ model, cache })) {
      for (const call of diagram.calls) {
        if (call.spec) continue;
        const suggestion = closestMacro(call.macro);
        const message = suggestion
          ? `Unknown C4 macro "${call.macro}": did you mean ${suggestion}?`
          : `Unknown C4 macro "${call.macro}": use one of mermaid's C4 macros, like Person, System, Container, Component, System_Boundary or Rel.`;
        findings.push({ range: model.lines.range(call.nameStart, call.nameEnd), message });
      }
    }
    return findings;
  },
};
