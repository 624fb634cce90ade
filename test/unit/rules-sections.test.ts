import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, lines, only } from './helpers';
import { TEMPLATE_SECTIONS } from '../../engine/template';

/** A spec with the given level-2 headings, each with one line of body; heading i is on line 2 + 3i. */
const withSections = (...titles: string[]) => lines('# Technical Spec: X', '', ...titles.flatMap((t) => [`## ${t}`, 'Body.', '']));
const ALL = TEMPLATE_SECTIONS.map((s) => s.title);
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
  assert.deepEqual(ds.map((d) => [d.code, ...at(d)]), [['TS102', 2, 3, 2, 13]]);
  assert.equal(ds[0].message, '"References" is out of the template\'s order: move it after "## Open Questions / Decisions Needed".');
});

test('TS102: Overview last is flagged and belongs before the first section', () => {
  const ds = order(withSections('Architecture', 'Data Model', 'Overview'));
  assert.deepEqual(ds.map((d) => [d.code, ...at(d)]), [['TS102', 8, 3, 8, 11]]);
  assert.equal(ds[0].message, '"Overview" is out of the template\'s order: move it before "## Architecture".');
});

test('TS102: aliases count as their template section; a reversed pair flags the later one', () => {
  const ds = order(withSections('Summary', 'Risks and Mitigations', 'Rollout'));
  assert.deepEqual(ds.map((d) => [d.code, ...at(d)]), [['TS102', 8, 3, 8, 10]]);
  assert.equal(ds[0].message, '"Rollout" is out of the template\'s order: move it before "## Risks and Mitigations".');
});

test('TS103: a repeated section is flagged with related information to the first', () => {
  const ds = order(withSections('Overview', 'Architecture', 'Overview'));
  assert.equal(ds.length, 1, 'the repeat is not also reported as out of order');
  const [d] = ds;
  assert.equal(d.code, 'TS103');
  assert.deepEqual(at(d), [8, 3, 8, 11]);
  assert.equal(d.message, '"Overview" repeats the section "Overview" of line 3: merge the two into one.');
  assert.deepEqual(d.relatedInformation, [
    { location: { uri: 'file:///w/x.spec.md', range: { start: { line: 2, character: 3 }, end: { line: 2, character: 11 } } }, message: 'First "Overview" section' },
  ]);
});

test('TS103: an alias repeats its section; level-3 headings with a section name do not', () => {
  const ds = order(lines('# T', '## Security Considerations', '### Overview', '## Security', '## Architecture'));
  assert.deepEqual(ds.map((d) => [d.code, ...at(d)]), [['TS103', 3, 3, 3, 11], ['TS102', 4, 3, 4, 15]]);
});

test('heading ranges skip a closing # sequence and work on setext headings', () => {
  const ds = order(lines('# T', '', '## Architecture ##', '', 'Overview', '--------', ''));
  assert.deepEqual(ds.map((d) => [d.code, ...at(d)]), [['TS102', 4, 0, 4, 8]]);
});
