import type { Rule } from '../rule';

export const missingSection: Rule = {
  code: 'TS101',
  name: 'missing-section',
  defaultSeverity: 'warning',
  description: 'A level-2 section of the template is missing.',
  help: 'Add the missing section where the template puts it; the quick fix or `techspec lint --fix` inserts its skeleton.',
  fixes: ['insertSection'],
  check({ model, schema }) {
    const present = new Set(model.sections.map((s) => s.key));
    const at = model.title?.span.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return schema.sections
      .filter((s) => !s.optional && !present.has(s.key))
      .map((s) => ({
        range: at,
        message: `Missing section "## ${s.title}". Add it where the template puts it (quick fix available).`,
        fix: { kind: 'insertSection', sectionKey: s.key },
      }));
  },
};
