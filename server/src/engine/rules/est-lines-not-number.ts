import type { Rule } from '../rule';

export const estLinesNotNumber: Rule = {
  code: 'TS410',
  name: 'est-lines-not-number',
  defaultSeverity: 'warning',
  description: 'Est. Lines is not a number of lines (like ~150).',
  check({ model }) {
    return (model.taskTable?.tasks ?? [])
      // Empty cells are left alone, and so are template placeholders, which the placeholder rule reports.
      .filter((t) => t.estLines === undefined && t.estCell && t.estCell.text !== '' && !/^\[[^\]]*\]$/.test(t.estCell.raw))
      .map((t) => ({
        range: t.estCell!.span.range,
        message: `Est. Lines "${t.estCell!.text}" is not a number. Write an estimate like ~150.`,
      }));
  },
};
