import type { HeaderField } from '../model';
import type { Rule } from '../rule';

const HEADER_HINT: Record<HeaderField['key'], string> = {
  status: 'Draft, In Review or Approved',
  author: "the author's name",
  prdLink: 'a link to the PRD, like [PRD](https://…)',
  lastUpdated: 'the date of the last change as YYYY-MM-DD',
};

export const placeholder: Rule = {
  code: 'TS301',
  name: 'placeholder',
  defaultSeverity: 'warning',
  description: 'A template placeholder like [Feature Name] is still in the document.',
  help: 'Replace the placeholder with the real content, or delete it.',
  check({ model }) {
    const fields = Object.values(model.header);
    const title = model.title?.span;
    return model.placeholders.map((p) => {
      const field = fields.find((f) => f.valueSpan.start <= p.span.start && p.span.end <= f.valueSpan.end);
      let what = 'the real content, or delete it';
      if (field) what = HEADER_HINT[field.key];
      else if (p.text === '[Feature Name]' || (title && title.start <= p.span.start && p.span.end <= title.end)) what = "the feature's name";
      return { range: p.span.range, message: `Template placeholder ${p.text} is still here: replace it with ${what}.` };
    });
  },
};
