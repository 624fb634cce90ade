import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, lines, only } from '../helpers';

/** A spec titled on line 0 with these level-2 sections, each with a line of body. */
const withSections = (...titles: string[]) => lines('# Technical Spec: Payments', '', ...titles.flatMap((t) => [`## ${t}`, 'Body.', '']));

const ALL_BUT_TWO = [
  'Overview',
  'Data Model',
  'API Design',
  'Security Considerations',
  'Performance Considerations',
  'Testing Strategy',
  'Rollout Plan',
  'Risks & Mitigations',
  'Open Questions / Decisions Needed',
  'References',
];

test('TS101: each missing template section, on the title, with the insertSection fix for its key', () => {
  const ds = only(diagnose(withSections(...ALL_BUT_TWO)), 'TS101');
  assert.deepEqual(
    ds.map((d) => [...at(d), d.message]),
    [
      [0, 0, 0, 26, 'Missing section "## Architecture". Add it where the template puts it (quick fix available).'],
      [0, 0, 0, 26, 'Missing section "## Task Breakdown". Add it where the template puts it (quick fix available).'],
    ],
  );
  assert.deepEqual(
    ds.map((d) => d.data),
    [
      { rule: 'missing-section', fix: { kind: 'insertSection', sectionKey: 'architecture' } },
      { rule: 'missing-section', fix: { kind: 'insertSection', sectionKey: 'task-breakdown' } },
    ],
  );
});

test('TS101: a document without a title reports every section at its start', () => {
  const ds = only(diagnose(lines('Just text.')), 'TS101');
  assert.equal(ds.length, 12);
  assert.ok(ds.every((d) => at(d).join() === '0,0,0,0'));
});

test('TS101: every template section present, in any order, some under an alias: nothing', () => {
  const all = ['Architecture', 'Tasks', ...ALL_BUT_TWO.map((t) => (t === 'Overview' ? 'Summary' : t))].reverse();
  assert.deepEqual(only(diagnose(withSections(...all)), 'TS101'), []);
});
