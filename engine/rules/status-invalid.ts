import type { Rule } from '../rule';
import { enumWordsIn, matchEnum } from '../template/enums';
import { closest, isPlaceholder, orList } from './support/markdown';

export const statusInvalid: Rule = {
  code: 'TS202',
  name: 'status-invalid',
  defaultSeverity: 'warning',
  description: "Status is not one of the template's values (Draft, In Review or Approved in the bundled one).",
  help: "Write one of the template's Status values (Draft, In Review or Approved in the bundled one).",
  fixes: ['setStatus'],
  check(ctx) {
    const { model, schema } = ctx;
    const values = schema.status?.values ?? [];
    const field = model.header.status;
    if (!values.length || !field || field.value === '' || isPlaceholder(ctx, field.valueSpan)) return [];
    const value = field.value;
    const label = schema.status!.label;
    if (matchEnum(value, values) !== undefined) return [];
    const named = enumWordsIn(value, values);
    let message: string;
    if (named.length > 1) message = `${label} lists ${named.length} values: keep exactly one of ${orList(values)}.`;
    else {
      const suggestion = named[0] ?? closest(value, values);
      message = suggestion
        ? `${label} "${value}" is not one of ${orList(values)}: write "${suggestion}".`
        : `${label} "${value}" is not one of ${orList(values)}: write one of them.`;
    }
    return [{ range: field.valueSpan.range, message, fix: { kind: 'setStatus' } }];
  },
};
