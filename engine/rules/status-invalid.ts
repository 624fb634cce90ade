import type { Rule } from '../rule';
import { STATUS_VALUES } from '../template';
import { closest, isPlaceholder, orList } from './support/markdown';

export const statusInvalid: Rule = {
  code: 'TS202',
  name: 'status-invalid',
  defaultSeverity: 'warning',
  description: 'Status is not exactly one of Draft, In Review or Approved.',
  help: 'Write exactly Draft, In Review or Approved.',
  fixes: ['setStatus'],
  check(ctx) {
    const { model } = ctx;
    const field = model.header.status;
    if (!field || field.value === '' || isPlaceholder(ctx, field.valueSpan)) return [];
    const value = field.value;
    if ((STATUS_VALUES as readonly string[]).includes(value)) return [];
    const named = STATUS_VALUES.filter((s) => new RegExp(`(^|[^a-z])${s}($|[^a-z])`, 'i').test(value));
    let message: string;
    if (named.length > 1) message = `Status lists ${named.length} values: keep exactly one of ${orList(STATUS_VALUES)}.`;
    else {
      const suggestion = named[0] ?? closest(value, STATUS_VALUES);
      message = suggestion
        ? `Status "${value}" is not one of ${orList(STATUS_VALUES)}: write "${suggestion}".`
        : `Status "${value}" is not one of ${orList(STATUS_VALUES)}: write one of them.`;
    }
    return [{ range: field.valueSpan.range, message, fix: { kind: 'setStatus' } }];
  },
};
