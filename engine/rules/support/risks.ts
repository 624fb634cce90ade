import type { Table, TableRow } from '../../model';
import { columnIndex } from './markdown';

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

const NO_MITIGATION = new Set(['', '-', '—', '–', 'n/a', 'na', 'none', 'tbd', 'todo', '?']);

/** Whether a Mitigation cell's text says there is none (empty, a dash, n/a, TBD…). */
export const isNoMitigation = (text: string): boolean => NO_MITIGATION.has(text.trim().toLowerCase());
