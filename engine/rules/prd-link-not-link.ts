import type { Rule } from '../rule';
import { isPlaceholder, trimmedRange } from './support/markdown';
import { headerField } from '../template/lookup';
import { isPathText } from './support/repoLinks';

export const prdLinkNotLink: Rule = {
  code: 'TS204',
  name: 'prd-link-not-link',
  defaultSeverity: 'warning',
  description: 'PRD Link is not a markdown link, a URL or a repository path in a code span.',
  help: 'Write the PRD as a URL, a markdown link like [PRD](https://…) or [PRD](docs/prd.md), or a repository path in a code span.',
  check(ctx) {
    const { model } = ctx;
    const field = model.header.prdLink;
    if (!headerField(ctx.schema, 'prdLink') || !field || isPlaceholder(ctx, field.valueSpan)) return [];
    if (field.value === '') {
      return [
        { range: trimmedRange(model, field.lineSpan), message: `${field.label} is empty: paste the PRD's URL or a markdown link like [PRD](https://…).` },
      ];
    }
    // A link, or a repository path in a code span (TS1103 checks that the file exists).
    const code = /^`([^`]+)`$/.exec(field.value);
    if (field.linked || (code && isPathText(code[1].trim()))) return [];
    return [
      { range: field.valueSpan.range, message: `${field.label} "${field.value}" is not a link: write the PRD's URL or a markdown link like [PRD](https://…).` },
    ];
  },
};
