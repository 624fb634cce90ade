import type { Table, TableRow } from '../model';
import type { Finding, Rule } from '../rule';
import { RISK_LEVELS } from '../template';
import { cellRange, closest, columnIndex, isPlaceholder, orList } from './support/markdown';

/** The tables of Risks & Mitigations that rate risks, with the columns the risk rules read. */
export function riskTables(tables: Table[]): { table: Table; risk: number; likelihood?: number; impact?: number; mitigation?: number }[] {
  return tables
    .filter((t) => t.sectionKey === 'risks')
    .map((table) => ({
      table,
      risk: columnIndex(table, /^risks?\b/i) ?? 0,
      likelihood: columnIndex(table, /^(likelihood|probability)\b/i),
      impact: columnIndex(table, /^(impact|severity)\b/i),
      mitigation: columnIndex(table, /^mitigations?\b/i),
    }))
    .filter((t) => t.likelihood !== undefined || t.impact !== undefined || t.mitigation !== undefined);
}

/** A row whose cells are all blank is no risk at all. */
export const isBlankRow = (row: TableRow): boolean => row.cells.every((c) => c.text.trim() === '');

export const riskLevelInvalid: Rule = {
  code: 'TS701',
  name: 'risk-level-invalid',
  defaultSeverity: 'warning',
  description: 'A risk\'s Likelihood or Impact is not Low, Med or High.',
  check({ model }) {
    const findings: Finding[] = [];
    for (const t of riskTables(model.tables)) {
      for (const row of t.table.rows) {
        if (isBlankRow(row)) continue;
        for (const col of [t.likelihood, t.impact]) {
          const cell = col === undefined ? undefined : row.cells[col];
          if (!cell || isPlaceholder(model, cell.span)) continue;
          const value = cell.text.trim();
          if ((RISK_LEVELS as readonly string[]).includes(value)) continue;
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
