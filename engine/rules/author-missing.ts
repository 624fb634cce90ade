import type { Rule } from '../rule';
import { headerRange } from './support/header';
import { trimmedRange } from './support/markdown';
import { headerField } from '../template/lookup';

export const authorMissing: Rule = {
  code: 'TS203',
  name: 'author-missing',
  defaultSeverity: 'warning',
  description: 'The header has no Author (nor the front matter), or it is empty.',
  help: "Add the author's name to the header's Author line.",
  check({ model, schema }) {
    const wanted = headerField(schema, 'author');
    if (!wanted) return [];
    const field = model.header.author;
    if (!field && (model.frontMatter.author || model.frontMatter.owner)) return [];
    if (!field) return [{ range: headerRange(model), message: `The header has no ${wanted.label}: add "> **${wanted.label}**: Your Name" under the title.` }];
    if (field.value === '') return [{ range: trimmedRange(model, field.lineSpan), message: `${field.label} is empty: write who owns this spec.` }];
    return [];
  },
};
