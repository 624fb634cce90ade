import type { Range } from 'vscode-languageserver-types';
import type { SpecModel } from '../model';
import type { Rule } from '../rule';
import { STATUS_VALUES } from '../template';
import { headingTextRange, orList, trimmedRange } from './support/markdown';

/** Where a missing header field is reported: the title, or the start of the document. */
export function headerRange(model: SpecModel): Range {
  if (model.title) return headingTextRange(model, model.title.span);
  const start = model.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return model.lines.range(start, Math.max(start, model.lines.lineEnd(0)));
}

export const statusMissing: Rule = {
  code: 'TS201',
  name: 'status-missing',
  defaultSeverity: 'warning',
  description: 'The header has no Status (nor the front matter), or it is empty.',
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
