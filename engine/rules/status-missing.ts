import type { Rule } from '../rule';
import { headerRange } from './support/header';
import { orList, trimmedRange } from './support/markdown';

export const statusMissing: Rule = {
  code: 'TS201',
  name: 'status-missing',
  defaultSeverity: 'warning',
  description: 'The header has no Status (nor the front matter), or it is empty.',
  help: 'Add a `> **Status**: Draft` line (or In Review, Approved) to the header.',
  fixes: ['setStatus'],
  check({ model, schema }) {
    const status = schema.status;
    if (!status) return [];
    const values = status.values.length ? orList(status.values) : 'its value';
    const field = model.header.status;
    if (!field && model.frontMatter.status) return [];
    if (!field) {
      return [
        {
          range: headerRange(model),
          message: `The header has no ${status.label}: add "> **${status.label}**: ${status.values[0] ?? '…'}" under the title (${values}).`,
        },
      ];
    }
    if (field.value === '') {
      return [{ range: trimmedRange(model, field.lineSpan), message: `${status.label} is empty: write ${values}.` }];
    }
    return [];
  },
};
