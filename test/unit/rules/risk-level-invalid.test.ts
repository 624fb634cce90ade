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

test('valid risks pass', () => {
  assert.deepEqual(riskDiags(risks('| Slow parse | Low | Med | Cache |', '| Outage | High | High | Retry with **backoff** |')), []);
});

test('TS701: any case and common synonyms are accepted (Medium, moderate, HIGH, low)', () => {
  assert.deepEqual(riskDiags(risks('| Slow parse | Medium | high | Cache |', '| Outage | moderate | HIGH | Retry |', '| Drift | low | Lo | Pin |')), []);
});

test('TS701: other words are flagged, ranged on the cell, with the nearest level', () => {
  const ds = riskDiags(risks('| Slow parse | Mediun | Hgh | Cache |'));
  assert.deepEqual(
    ds.map((d) => [d.code, ...at(d), d.message]),
    [
      ['TS701', 6, 15, 6, 21, 'Likelihood "Mediun" is not Low, Med or High: write "Med".'],
      ['TS701', 6, 24, 6, 27, 'Impact "Hgh" is not Low, Med or High: write "High".'],
    ],
  );
  assert.equal(ds[0].severity, 2);
});

test('TS701: the template\'s "Low/Med/High" asks to pick one; unknown words and empty cells are flagged', () => {
  const ds = riskDiags(risks('| A | Low/Med/High | Critical | Fix |', '| B |  | L | Fix |'));
  assert.deepEqual(
    ds.map((d) => [d.code, ...at(d), d.message]),
    [
      ['TS701', 6, 6, 6, 18, 'Likelihood "Low/Med/High" lists several levels: keep one of Low, Med or High.'],
      ['TS701', 6, 21, 6, 29, 'Impact "Critical" is not Low, Med or High: write one of them.'],
      ['TS701', 7, 5, 7, 7, 'Likelihood is empty: write Low, Med or High.'],
      ['TS701', 7, 9, 7, 10, 'Impact "L" is not Low, Med or High: write "Low".'],
    ],
  );
});

test('placeholders in the risk table are left to TS301', () => {
  const ds = only(diagnose(risks('| [Risk description] | [Likelihood] | Low | [How to prevent/detect/recover] |')), 'TS701', 'TS702', 'TS301');
  assert.deepEqual(
    ds.map((d) => [d.code, ...at(d)]),
    [
      ['TS301', 6, 2, 6, 20],
      ['TS301', 6, 23, 6, 35],
      ['TS301', 6, 44, 6, 75],
    ],
  );
});

test('tables elsewhere, or in Risks without rating columns, are not risk tables', () => {
  const text = lines(
    '# Technical Spec: X',
    '',
    '## Security Considerations',
    '',
    '| Risk | Likelihood | Impact | Mitigation |',
    '|---|---|---|---|',
    '| A | Huge | Huge |  |',
    '',
    '## Risks & Mitigations',
    '',
    '| Owner | Note |',
    '|---|---|',
    '| Ana | Medium |',
  );
  assert.deepEqual(riskDiags(text), []);
});
