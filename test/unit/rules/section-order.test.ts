import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, lines, only } from '../helpers';
import { defaultSchema } from '../../../engine/template/default';
import { withSections } from './helpers';

const ALL = defaultSchema().sections.map((s) => s.title);

const order = (text: string) => only(diagnose(text), 'TS102', 'TS103');

test('sections in the template order, with extra sections between them, are fine', () => {
  assert.deepEqual(order(withSections(...ALL)), []);
  assert.deepEqual(order(withSections('Overview', 'Background', 'Architecture', 'Glossary', 'References')), []);
});

test('TS102: one misplaced section is the one flagged, with where it belongs', () => {
  const ds = order(withSections('Overview', 'Architecture', 'Task Breakdown', 'API Design', 'References'));
  assert.equal(ds.length, 1);
  assert.equal(ds[0].code, 'TS102');
  assert.equal(ds[0].severity, 3);
  assert.deepEqual(at(ds[0]), [11, 3, 11, 13]);
  assert.equal(ds[0].message, '"API Design" is out of the template\'s order: move it before "## Task Breakdown".');
});

test('TS102: References first is one finding, not eleven', () => {
  const ds = order(withSections('References', ...ALL.slice(0, -1)));
  assert.deepEqual(
    ds.map((d) => [d.code, ...at(d)]),
    [['TS102', 2, 3, 2, 13]],
  );
  assert.equal(ds[0].message, '"References" is out of the template\'s order: move it after "## Open Questions / Decisions Needed".');
});

test('TS102: Overview last is flagged and belongs before the first section', () => {
  const ds = order(withSections('Architecture', 'Data Model', 'Overview'));
  assert.deepEqual(
    ds.map((d) => [d.code, ...at(d)]),
    [['TS102', 8, 3, 8, 11]],
  );
  assert.equal(ds[0].message, '"Overview" is out of the template\'s order: move it before "## Architecture".');
});

test('TS102: aliases count as their template section; a reversed pair flags the later one', () => {
  const ds = order(withSections('Summary', 'Risks and Mitigations', 'Rollout'));
  assert.deepEqual(
    ds.map((d) => [d.code, ...at(d)]),
    [['TS102', 8, 3, 8, 10]],
  );
  assert.equal(ds[0].message, '"Rollout" is out of the template\'s order: move it before "## Risks and Mitigations".');
});

test('heading ranges skip a closing # sequence and work on setext headings', () => {
  const ds = order(lines('# T', '', '## Architecture ##', '', 'Overview', '--------', ''));
  assert.deepEqual(
    ds.map((d) => [d.code, ...at(d)]),
    [['TS102', 4, 0, 4, 8]],
  );
});
