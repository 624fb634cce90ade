import type { Rule } from '../rule';
import { dateProblem } from './support/header';
import { isPlaceholder, trimmedRange } from './support/markdown';
import { headerField } from '../template/lookup';

export const lastUpdatedInvalid: Rule = {
  code: 'TS205',
  name: 'last-updated-invalid',
  defaultSeverity: 'warning',
  description: 'Last Updated is not a real YYYY-MM-DD date.',
  help: 'Write the date as YYYY-MM-DD, a real calendar date.',
  check(ctx) {
    const { model, today } = ctx;
    const field = model.header.lastUpdated;
    if (!headerField(ctx.schema, 'lastUpdated') || !field || isPlaceholder(ctx, field.valueSpan)) return [];
    if (field.value === '')
      return [
        {
          range: trimmedRange(model, field.lineSpan),
          message: `${field.label} is empty: write the date of the last change as YYYY-MM-DD (today is ${today}).`,
        },
      ];
    const problem = dateProblem(field.value);
    if (!problem) return [];
    return [{ range: field.valueSpan.range, message: `${field.label} "${field.value}" ${problem}: write the date as YYYY-MM-DD, like ${today}.` }];
  },
};
