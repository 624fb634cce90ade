import type { C4Call } from '../c4';
import { c4DiagramsOf } from './support/c4';
import type { SpecModel } from '../model';
import type { Finding, Rule } from '../rule';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What is wrong with the call's arguments, if anything. */
function argumentFinding(model: SpecModel, call: C4Call): Finding | undefined {
  const spec = call.spec!;
  const name = model.lines.range(call.nameStart, call.nameEnd);
  if (!call.closed) return { range: name, message: `This ${call.macro}( is not closed: add ) after its last argument.` };
  const positional = call.args.filter((a) => !a.name);
  const named = new Set(call.args.filter((a) => a.name).map((a) => a.name!));
  const missing = spec.params.slice(positional.length, spec.required).filter((p) => !named.has(p));
  if (missing.length > 0) {
    return {
      range: name,
      message: `${call.macro} needs at least ${plural(spec.required, 'argument')} (${spec.params.slice(0, spec.required).join(', ')}) but has ${positional.length}: add ${missing.join(', ')}.`,
    };
  }
  if (positional.length > spec.params.length) {
    const extra = positional.slice(spec.params.length);
    const takes = spec.params.length === 0 ? 'takes no arguments' : `takes at most ${plural(spec.params.length, 'argument')} (${spec.params.join(', ')})`;
    return {
      range: model.lines.range(extra[0].start, extra[extra.length - 1].end),
      message: `${call.macro} ${takes}: remove the extra ${extra.length === 1 ? 'one' : 'ones'}, or join text split by a comma into one "quoted" argument.`,
    };
  }
  return undefined;
}

export const c4ArgumentCount: Rule = {
  code: 'TS1004',
  name: 'c4-argument-count',
  defaultSeverity: 'error',
  description: 'A C4 macro has fewer arguments than it needs, more positional ones than it takes, or no closing parenthesis.',
  help: "Give the macro the arguments mermaid's C4 syntax lists for it (alias, label, then optional ones), and close its parenthesis.",
  check({ model, cache }) {
    const findings: Finding[] = [];
    for (const { diagram } of c4DiagramsOf({ model, cache })) {
      for (const call of diagram.calls) {
        const finding = call.spec && argumentFinding(model, call);
        if (finding) findings.push(finding);
      }
    }
    return findings;
  },
};
