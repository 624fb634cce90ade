import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, lines, only } from '../helpers';

/** The Risks & Mitigations table, header on line 4, rows from line 6. */
const risks = (...rows: string[]) =>
  lines(
    '# Technical Spec: X',
    '',
    '## Risks & Mitigations',
    '',
    '| Risk | Likelihood | Impact | Mitigation |',
    '|------|------------|--------|------------|',
    ...rows,
  );

const riskDiags = (text: string) => only(diagnose(text), 'TS701', 'TS702');

test('TS702: a risk with an empty, "None" or missing mitigation is flagged on the risk cell', () => {
  const ds = riskDiags(risks('| Data loss | Low | High |  |', '| Drift | Low | Low | TBD |', '| Outage | Low | High |'));
  assert.deepEqual(
    ds.filter((d) => d.code === 'TS702').map((d) => [d.code, ...at(d)]),
    [
      ['TS702', 6, 2, 6, 11],
      ['TS702', 7, 2, 7, 7],
      ['TS702', 8, 2, 8, 8],
    ],
  );
  assert.equal(ds[0].message, 'Risk "Data loss" has no mitigation: write in the Mitigation column how to prevent, detect or recover from it.');
});

test('TS702: a row with no risk name is ranged on the row; an all-blank row is no risk', () => {
  const ds = riskDiags(risks('|  | Low | Low |  |', '|  |  |  |  |'));
  assert.deepEqual(
    ds.map((d) => [d.code, ...at(d)]),
    [['TS702', 6, 0, 6, 19]],
  );
  assert.equal(ds[0].message, 'This risk has no mitigation: write in the Mitigation column how to prevent, detect or recover from it.');
});
