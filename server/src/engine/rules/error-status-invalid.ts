import type { Finding, Rule } from '../rule';
import { cellRange, isPlaceholder } from './support/markdown';

/** `404`, `404 Not Found`, `**404**`: a three-digit code from 100 to 599 first. */
const STATUS = /^[1-5]\d\d(?:\s.*)?$/;

export const errorStatusInvalid: Rule = {
  code: 'TS803',
  name: 'error-status-invalid',
  defaultSeverity: 'warning',
  description: "A status in an endpoint's errors table is not an HTTP status code (100-599).",
  check({ model }) {
    const findings: Finding[] = [];
    for (const table of model.tables) {
      if (!/^(http )?status( code)?$/i.test(table.header.cells[0]?.text.trim() ?? '')) continue;
      if (!model.endpoints.some((e) => e.span.start <= table.span.start && table.span.start < e.span.end)) continue;
      for (const row of table.rows) {
        const cell = row.cells[0];
        if (!cell || isPlaceholder(model, cell.span)) continue;
        const value = cell.text.trim();
        if (STATUS.test(value)) continue;
        findings.push({
          range: cellRange(model, cell),
          message: value === ''
            ? 'The status is empty: write the HTTP status code, a number from 100 to 599 like 400.'
            : `"${value}" is not an HTTP status code: write a number from 100 to 599, like 400 or 404.`,
        });
      }
    }
    return findings;
  },
};
