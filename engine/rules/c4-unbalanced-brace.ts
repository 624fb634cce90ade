import { c4DiagramsOf } from './support/c4';
import type { Finding, Rule } from '../rule';

export const c4UnbalancedBrace: Rule = {
  code: 'TS1005',
  name: 'c4-unbalanced-brace',
  defaultSeverity: 'error',
  description: "A C4 boundary's { is never closed, a } closes nothing, or a { follows no boundary.",
  help: "Close every boundary's { with a }, and open { only after a boundary macro.",
  check({ model, cache }) {
    const findings: Finding[] = [];
    const at = (offset: number) => model.lines.range(offset, offset + 1);
    for (const { diagram } of c4DiagramsOf({ model, cache })) {
      for (const offset of diagram.unclosedBraces) {
        findings.push({ range: at(offset), message: "This boundary's { is never closed: add } after its last element." });
      }
      for (const offset of diagram.strayCloses) {
        findings.push({ range: at(offset), message: 'This } closes no boundary: remove it, or open the boundary with { after its macro.' });
      }
      for (const offset of diagram.strayOpens) {
        findings.push({
          range: at(offset),
          message:
            'Only a boundary (System_Boundary, Container_Boundary, Enterprise_Boundary, Boundary, Deployment_Node or Node) opens a { block: put it after one, or remove it.',
        });
      }
    }
    return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  },
};
