import type { Rule } from '../rule';
import { isPlaceholder, trimmedRange } from './support/markdown';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why `value` is not a real YYYY-MM-DD date, or undefined when it is one. */
export function dateProblem(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'is not a YYYY-MM-DD date';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `has no month ${m[2]}`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `is not a real date (${MONTHS[month - 1]} ${year} has ${days} days)`;
  return undefined;
}

export const lastUpdatedInvalid: Rule = {
  code: 'TS205',
  name: 'last-updated-invalid',
  defaultSeverity: 'warning',
  description: 'Last Updated is not a real YYYY-MM-DD date.',
  check({ model, today }) {
    const field = model.header.lastUpdated;
    if (!field || isPlaceholder(model, field.valueSpan)) return [];
    if (field.value === '') return [{ range: trimmedRange(model, field.lineSpan), message: `Last Updated is empty: write the date of the last change as YYYY-MM-DD (today is ${today}).` }];
    const problem = dateProblem(field.value);
    if (!problem) return [];
    return [{ range: field.valueSpan.range, message: `Last Updated "${field.value}" ${problem}: write the date as YYYY-MM-DD, like ${today}.` }];
  },
};
