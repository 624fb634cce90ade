import type { Rule } from '../rule';
import { lineOf, MAX_RELATED } from './support/markdown';
import { backTo, isReadyStatus } from '../template/lookup';

export const approvedWithPlaceholders: Rule = {
  code: 'TS901',
  name: 'approved-with-placeholders',
  defaultSeverity: 'error',
  description: 'Status is Approved while template placeholders remain.',
  help: 'Replace the remaining placeholders, or set Status back to Draft or In Review.',
  fixes: ['setStatus'],
  check({ model, schema }) {
    const status = model.header.status;
    const found = model.placeholders;
    if (!status || !isReadyStatus(schema, status.value) || found.length === 0) return [];
    const count = found.length === 1 ? '1 template placeholder remains' : `${found.length} template placeholders remain`;
    return [
      {
        range: status.valueSpan.range,
        message: `${status.label} is ${status.value} but ${count} (the first, ${found[0].text}, on line ${lineOf(found[0].span.range)}): fill them in, or set ${status.label} back to ${backTo(schema)}.`,
        fix: { kind: 'setStatus' },
        related: found.slice(0, MAX_RELATED).map((p) => ({ range: p.span.range, message: `Placeholder ${p.text}` })),
      },
    ];
  },
};
