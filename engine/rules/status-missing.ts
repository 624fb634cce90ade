import type { Rule } from '../rule';
import { STATUS_VALUES } from '../template';
import { headerRange } from './support/header';
import { orList, trimmedRange } from './support/markdown';

export const statusMissing: Rule = {
  code: 'TS201',
  name: 'status-missing',
  defaultSeverity: 'warning',
  description: 'The header has no Status (nor the front matter), or it is empty.',
  help: 'Add a `> **Status**: Draft` line (or In Review, Approved) to the header.',
  fixes: ['setStatus'],
  check({ model }) {
    const field = model.header.status;
    if (!field && model.frontMatter.status) return [];
    if (!field) {
      return [{ range: headerRange(model), message: `The header has no Status: add "> **Status**: Draft" under the title (${orList(STATUS_VALUES)}).` }];
    }
    if (field.value === '') {
      return [{ range: trimmedRange(model, field.lineSpan), message: `Status is empty: write ${orList(STATUS_VALUES)}.` }];
    }
    return [];
  },
};
