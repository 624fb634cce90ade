import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../../engine/service';
import { TODAY } from '../helpers';
import { actionsFor, applyAction, diag, NO_SECTIONS, r, SPEC } from './helpers';

test('a README gets no code actions', () => {
  const service = createLanguageService({ today: () => TODAY });
  const analysis = service.analyze({ uri: 'file:///w/README.md', version: 1, text: '# Readme\n\n## Install\n' });
  assert.deepEqual(
    service.getCodeActions(
      analysis,
      r(0, 0, 0, 0),
      [diag(r(0, 0, 0, 8), 'missing-section', { kind: 'insertSection', sectionKey: 'overview' })],
      ['source.fixAll'],
    ),
    [],
  );
});

test("every quick fix on a spec full of defects resolves a problem of its diagnostic's code", () => {
  const text = SPEC.replace('**Status**: Draft', '**Status**: Drafty').replace(
    '| T3 | Service | ~200 | T2, T12 | B-3 |',
    '| T3 | Service | ~200 | T2, T12, T3, T77 | B-3 |\n| T4 | API | ~100 | T3 | B-4 |',
  );
  const { all } = actionsFor(text, () => false, NO_SECTIONS);
  const count = (t: string, c: string) => actionsFor(t, () => false, NO_SECTIONS).all.filter((d) => d.code === c).length;
  const checked: string[] = [];
  for (const d of all) {
    const { actions } = actionsFor(
      text,
      (o) => o.code === d.code && o.range.start.line === d.range.start.line && o.range.start.character === d.range.start.character,
      NO_SECTIONS,
    );
    const before = count(text, String(d.code));
    for (const a of actions) {
      assert.ok(count(applyAction(text, a), String(d.code)) < before, `${a.title} leaves every ${d.code}`);
      checked.push(`${d.code} ${a.title}`);
    }
  }
  assert.deepEqual(checked, [
    'TS202 Set Status to Draft',
    'TS202 Set Status to In Review',
    'TS202 Set Status to Approved',
    'TS407 Remove T2 from the dependencies of T2',
    'TS501 Regenerate the Task Dependency Graph from the table',
    'TS406 Replace T12 with T1',
    'TS406 Remove T12 from the dependencies of T3',
    'TS407 Remove T3 from the dependencies of T3',
    'TS406 Add a row for task T77',
    'TS501 Regenerate the Task Dependency Graph from the table',
  ]);
});
