import type { Finding, Rule } from '../rule';

export const tableCellCount: Rule = {
  code: 'TS601',
  name: 'table-cell-count',
  defaultSeverity: 'warning',
  description: 'A table row has more or fewer cells than its header.',
  check({ model }) {
    const findings: Finding[] = [];
    for (const table of model.tables) {
      const expected = table.header.cells.length;
      for (const row of table.rows) {
        const actual = row.cells.length;
        if (actual === expected) continue;
        const message =
          actual < expected
            ? `This row has ${actual} cell${actual === 1 ? '' : 's'} but the header has ${expected}: add the missing cell${expected - actual === 1 ? '' : 's'}.`
            : `This row has ${actual} cells but the header has ${expected}: remove the extra cell${actual - expected === 1 ? '' : 's'}, or write a pipe inside a cell as \\|.`;
        findings.push({ range: row.span.range, message });
      }
    }
    return findings;
  },
};
