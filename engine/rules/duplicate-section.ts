import type { Section } from '../model';
import type { Finding, Rule } from '../rule';
import { headingTextRange, lineOf } from './support/markdown';

export const duplicateSection: Rule = {
  code: 'TS103',
  name: 'duplicate-section',
  defaultSeverity: 'warning',
  description: 'The same template section appears more than once.',
  help: 'Merge the two copies of the section into one.',
  check({ model }) {
    const first = new Map<string, Section>();
    const findings: Finding[] = [];
    for (const s of model.sections) {
      if (!s.key) continue;
      const original = first.get(s.key);
      if (!original) {
        first.set(s.key, s);
        continue;
      }
      const firstRange = headingTextRange(model, original.heading);
      findings.push({
        range: headingTextRange(model, s.heading),
        message: `"${s.title}" repeats the section "${original.title}" of line ${lineOf(firstRange)}: merge the two into one.`,
        related: [{ range: firstRange, message: `First "${original.title}" section` }],
      });
    }
    return findings;
  },
};
