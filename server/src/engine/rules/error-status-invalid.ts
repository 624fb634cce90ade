import type { Endpoint } from '../model';
import type { Finding, Rule } from '../rule';
import { cellRange, isPlaceholder } from './support/markdown';

/** `404`, `404 Not Found`, `**404**`: a three-digit code from 100 to 599 first. */
const STATUS = /^[1-5]\d\d(?:\s.*)?$/;

/**
 * Whether an offset lies inside some endpoint's section. Endpoints come in document order (their
 * headings'), so the one with the furthest end among those starting at or before the offset decides.
 */
function endpointCover(endpoints: readonly Endpoint[]): (offset: number) => boolean {
  const reach: number[] = [];
  for (const e of endpoints) reach.push(Math.max(e.span.end, reach.length ? reach[reach.length - 1] : -Infinity));
  return (offset) => {
    let lo = 0;
    let hi = endpoints.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (endpoints[mid].span.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && offset < reach[lo - 1];
  };
}

export const errorStatusInvalid: Rule = {
  code: 'TS803',
  name: 'error-status-invalid',
  defaultSeverity: 'warning',
  description: "A status in an endpoint's errors table is not an HTTP status code (100-599).",
  check({ model }) {
    const findings: Finding[] = [];
    const inEndpoint = endpointCover(model.endpoints);
    for (const table of model.tables) {
      if (!/^(http )?status( code)?$/i.test(table.header.cells[0]?.text.trim() ?? '')) continue;
      if (!inEndpoint(table.span.start)) continue;
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
