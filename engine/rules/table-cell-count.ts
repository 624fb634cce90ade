import type { TableRow } from '../model';
import type { Finding, Rule } from '../rule';
import { tableRows } from './support/markdown';
import { groupOf } from './support/verdicts';

const miscounted = (row: TableRow, header: TableRow | undefined) => row !== header && row.cells.length !== header!.cells.length;

export const tableCellCount: Rule = {
  code: 'TS601',
  name: 'table-cell-count',
  defaultSeverity: 'warning',
  description: 'A table row has more or fewer cells than its header.',
  help: "Give the row as many cells as the table's header.",
  fixes: ['formatTable'],
  check(ctx) {
    const { rows, starts } = tableRows(ctx);
    const findings: Finding[] = [];
    for (const i of ctx.cache.passing(miscounted, rows, undefined, starts)) {
      const row = rows[i];
      const expected = rows[starts[groupOf(starts, i)]].cells.length;
      const actual = row.cells.length;
      const message =
        actual < expected
          ? `This row has ${actual} cell${actual === 1 ? '' : 's'} but the header has ${expected}: add the missing cell${expected - actual === 1 ? '' : 's'}.`
          : `This row has ${actual} cells but the header has ${expected}: remove the extra cell${actual - expected === 1 ? '' : 's'}, or write a pipe inside a cell as \\|.`;
      findings.push({ range: row.span.range, message });
    }
    return findings;
  },
};
