import type { Finding, Rule } from '../rule';
import { isBlankRow, isNoMitigation, riskTables } from './support/risks';

export const riskWithoutMitigation: Rule = {
  code: 'TS702',
  name: 'risk-without-mitigation',
  defaultSeverity: 'warning',
  description: 'A risk in Risks & Mitigations has no mitigation.',
  help: 'Write in the Mitigation column how to prevent, detect or recover from the risk.',
  check({ model }) {
    const findings: Finding[] = [];
    for (const t of riskTables(model.tables)) {
      if (t.mitigation === undefined) continue;
      for (const row of t.table.rows) {
        if (isBlankRow(row)) continue;
        if (!isNoMitigation(row.cells[t.mitigation]?.text ?? '')) continue;
        const risk = row.cells[t.risk];
        const name = risk?.text.trim();
        findings.push({
          range: name ? risk!.span.range : row.span.range,
          message: `${name ? `Risk "${name}"` : 'This risk'} has no mitigation: write in the Mitigation column how to prevent, detect or recover from it.`,
        });
      }
    }
    return findings;
  },
};
