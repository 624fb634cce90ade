import type { Rule } from '../rule';
import { MAX_RELATED } from './support/markdown';
import { isReadyStatus, backTo } from '../template/lookup';

export const approvedWithOpenQuestions: Rule = {
  code: 'TS902',
  name: 'approved-with-open-questions',
  defaultSeverity: 'error',
  description: 'Status is Approved while Open Questions has unchecked items.',
  help: 'Answer and check off the open questions, or set Status back to Draft or In Review.',
  fixes: ['setStatus'],
  check({ model, schema }) {
    const status = model.header.status;
    const open = model.checkboxes.filter((c) => c.sectionKey === 'open-questions' && !c.checked);
    if (!status || !isReadyStatus(schema, status.value) || open.length === 0) return [];
    const count = open.length === 1 ? '1 open question is unchecked' : `${open.length} open questions are unchecked`;
    return [
      {
        range: status.valueSpan.range,
        message: `${status.label} is ${status.value} but ${count}: decide each and check it off, or set ${status.label} back to ${backTo(schema)}.`,
        fix: { kind: 'setStatus' },
        related: open.slice(0, MAX_RELATED).map((c) => ({ range: c.span.range, message: `Open question: ${c.text}` })),
      },
    ];
  },
};
