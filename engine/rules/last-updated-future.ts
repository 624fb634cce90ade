import type { Rule } from '../rule';
import { dateProblem } from './support/header';
import { headerField } from '../template/lookup';

export const lastUpdatedFuture: Rule = {
  code: 'TS206',
  name: 'last-updated-future',
  defaultSeverity: 'warning',
  description: 'Last Updated is later than today.',
  help: "Write today's date or an earlier one.",
  check({ model, schema, today }) {
    const field = model.header.lastUpdated;
    if (!headerField(schema, 'lastUpdated') || !field || dateProblem(field.value) || dateProblem(today) || field.value <= today) return [];
    return [
      { range: field.valueSpan.range, message: `${field.label} ${field.value} is in the future (today is ${today}): write the date of the last change.` },
    ];
  },
};
