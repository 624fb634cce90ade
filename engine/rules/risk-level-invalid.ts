import type { Finding, Rule } from '../rule';
import { columnEnum } from '../template/lookup';
import { enumWordsIn, matchEnum } from '../template/enums';
import { cellRange, closest, isPlaceholder, orList } from './support/markdown';
import { isBlankRow, riskTables } from './support/risks';

export const riskLevelInvalid: Rule = {
  code: 'TS701',
  name: 'risk-level-invalid',
  defaultSeverity: 'warning',
  description: "A risk's Likelihood or Impact is not one of the template's levels (Low, Med or High in the bundled one).",
  help: "Write one of the levels the template's risk table shows (Low, Med or High in the bundled one).",
  check(ctx) {
    const { model, schema } = ctx;
    const findings: Finding[] = [];
    for (const t of riskTables(model.tables)) {
      for (const row of t.table.rows) {
        if (isBlankRow(row)) continue;
        for (const col of [t.likelihood, t.impact]) {
          const cell = col === undefined ? undefined : row.cells[col];
          if (!cell || isPlaceholder(ctx, cell.span)) continue;
          const value = cell.text.trim();
          const column = t.table.header.cells[col!].text.trim();
          const levels = columnEnum(schema, 'risks', column) ?? schema.riskLevels;
          if (!levels || matchEnum(value, levels) !== undefined) continue;
          const named = enumWordsIn(value, levels);
          let message: string;
          if (value === '') message = `${column} is empty: write ${orList(levels)}.`;
          else if (named.length > 1) message = `${column} "${value}" lists several levels: keep one of ${orList(levels)}.`;
          else {
            const suggestion = named[0] ?? closest(value, levels);
            message = suggestion
              ? `${column} "${value}" is not ${orList(levels)}: write "${suggestion}".`
              : `${column} "${value}" is not ${orList(levels)}: write one of them.`;
          }
          findings.push({ range: cellRange(model, cell), message });
        }
      }
    }
    return findings;
  },
};
