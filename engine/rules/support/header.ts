import type { Range } from 'vscode-languageserver-types';
import type { SpecModel } from '../../model';
import { headingTextRange } from './markdown';

/** Where a missing header field is reported: the title, or the start of the document. */
export function headerRange(model: SpecModel): Range {
  if (model.title) return headingTextRange(model, model.title.span);
  const start = model.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return model.lines.range(start, Math.max(start, model.lines.lineEnd(0)));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysInMonth(year: number, month: number): number {
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
