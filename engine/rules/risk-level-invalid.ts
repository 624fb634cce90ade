import type { Finding, Rule } from '../rule';
import { RISK_LEVELS } from '../template';
import { cellRange, closest, isPlaceholder, orList } from './support/markdown';
import { isBlankRow, riskTables } from './support/risks';
import { enumValue } from './support/enums';

export const riskLevelInvalid: Rule = {
  code: 'TS701',
  name: 'risk-level-invalid',
  defaultSeverity: 'warning',
  description: "A risk's Likelihood or Impact is not Low, Med or High (any case; Medium counts as Med).",
  help: 'Write Low, Med or High.',
  check(ctx) {
    const { model } = ctx;
    const findings: Finding[] = [];
    for (const t of riskTables(model.tables)) {
      for (const row of t.table.rows) {
        if (isBlankRow(row)) continue;
        for (const col of [t.likelihood, t.impact]) {
          const cell = col === undefined ? undefined : row.cells[col];
          if (!cell || isPlaceholder(ctx, cell.span)) continue;
          const value = cell.text.trim();
          if (enumValue(value, RISK_LEVELS)) continue;
          const column = t.table.header.cells[col!].text.trim();
          const named = RISK_LEVELS.filter((l) => new RegExp(`(^|[^a-z])${l}`, 'i').test(value));
          let message: string;
          if (value === '') message = `${column} is empty: write ${orList(RISK_LEVELS)}.`;
          else if (named.length > 1) message = `${column} "${value}" lists several levels: keep one of ${orList(RISK_LEVELS)}.`;
          else {
            const suggestion = closest(value, RISK_LEVELS);
            message = suggestion
              ? `${column} "${value}" is not ${orList(RISK_LEVELS)}: write "${suggestion}".`
              : `${column} "${value}" is not ${orList(RISK_LEVELS)}: write one of them.`;
          }
          findings.push({ range: cellRange(model, cell), message });
        }
      }
    }
    return findings;
  },
};
