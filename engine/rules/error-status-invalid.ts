import type { Endpoint, TableRow } from '../model';
import type { Finding, Rule } from '../rule';
import { cellRange, isPlaceholder, tableRows } from './support/markdown';
import { groupOf } from './support/verdicts';

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

/** A header naming an HTTP status column first. */
const STATUS_HEADER = /^(http )?status( code)?$/i;

/** Rows of a status table whose status is not one (placeholders and where the table is are checked later). */
function notStatus(row: TableRow, header: TableRow | undefined): boolean {
  if (row === header || !STATUS_HEADER.test(header!.cells[0]?.text.trim() ?? '')) return false;
  const cell = row.cells[0];
  return cell !== undefined && !STATUS.test(cell.text.trim());
}

export const errorStatusInvalid: Rule = {
  code: 'TS803',
  name: 'error-status-invalid',
  defaultSeverity: 'warning',
  description: "A status in an endpoint's errors table is not an HTTP status code (100-599).",
  help: 'Write an HTTP status code from 100 to 599, like 404.',
  check(ctx) {
    const { model } = ctx;
    const { rows, starts } = tableRows(ctx);
    const findings: Finding[] = [];
    let inEndpoint: ((offset: number) => boolean) | undefined;
    for (const i of ctx.cache.passing(notStatus, rows, undefined, starts)) {
      const cell = rows[i].cells[0];
      inEndpoint ??= endpointCover(model.endpoints);
      if (!inEndpoint(model.tables[groupOf(starts, i)].span.start) || isPlaceholder(ctx, cell.span)) continue;
      const value = cell.text.trim();
      findings.push({
        range: cellRange(model, cell),
        message:
          value === ''
            ? 'The status is empty: write the HTTP status code, a number from 100 to 599 like 400.'
            : `"${value}" is not an HTTP status code: write a number from 100 to 599, like 400 or 404.`,
      });
    }
    return findings;
  },
};
