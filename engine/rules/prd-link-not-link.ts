import type { Rule } from '../rule';
import { isPlaceholder, trimmedRange } from './support/markdown';
import { headerField } from '../template/lookup';

export const prdLinkNotLink: Rule = {
  code: 'TS204',
  name: 'prd-link-not-link',
  defaultSeverity: 'warning',
  description: 'PRD Link is not a markdown link or URL.',
  help: 'Write the PRD as a URL or a markdown link like [PRD](https://…).',
  check(ctx) {
    const { model } = ctx;
    const field = model.header.prdLink;
    if (!headerField(ctx.schema, 'prdLink') || !field || isPlaceholder(ctx, field.valueSpan)) return [];
    if (field.value === '') {
      return [{ range: trimmedRange(model, field.lineSpan), message: `${field.label} is empty: paste the PRD's URL or a markdown link like [PRD](https://…).` }];
    }
    if (field.linked) return [];
    return [
      { range: field.valueSpan.range, message: `${field.label} "${field.value}" is not a link: write the PRD's URL or a markdown link like [PRD](https://…).` },
    ];
  },
};
