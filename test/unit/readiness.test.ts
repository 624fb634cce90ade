import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../engine/model';
import { readinessOf } from '../../engine/readiness';
import { diagnose, lines } from './helpers';

const readiness = (text: string) => readinessOf(buildModel(text), diagnose(text));

const READY = lines(
  '# Technical Spec: Ready',
  '',
  '> **Status**: In Review',
  '',
  '## Task Breakdown',
  '',
  '| ID | Task | Est. Lines | Dependencies | Jira |',
  '|----|------|------------|--------------|------|',
  '| T1 | One | ~10 | None | |',
  '',
  '## Open Questions / Decisions Needed',
  '',
  '- [x] Settled',
);

test('nothing blocks: Ready for review, or Approved when it says so', () => {
  // Missing sections are not readiness problems when the rule is off.
  const text = READY;
  const r = readinessOf(buildModel(text), diagnose(text, { rules: { 'missing-section': 'off', 'author-missing': 'off' } }));
  assert.deepEqual(r, { status: 'In Review', ready: true, text: '$(pass) Ready for review', problems: [] });
  const approved = text.replace('In Review', 'Approved');
  assert.equal(readinessOf(buildModel(approved), diagnose(approved, { rules: { 'missing-section': 'off' } })).text, '$(pass) Approved');
});

test('errors, missing sections, open questions and placeholders are counted, at most two kinds shown and the rest summed up', () => {
  const text = READY.replace('| T1 | One | ~10 | None | |', '| T1 | One | ~10 | T9 | |\n| T2 | [Task] | ~10 | T8 | |').replace(
    '- [x] Settled',
    '- [ ] Which queue?\n- [ ] Who owns it?',
  );
  const r = readiness(text);
  assert.equal(r.ready, false);
  assert.equal(r.text, '$(checklist) In Review · 2 errors · 10 missing sections · +3 more');
  assert.deepEqual(
    r.problems.filter((p) => p.kind !== 'missing-section').map((p) => [p.kind, p.range.start.line, p.message]),
    [
      ['error', 8, 'Unknown dependency "T9": no task has this ID. Did you mean T2?'],
      ['error', 9, 'Unknown dependency "T8": no task has this ID. Did you mean T1?'],
      ['open-question', 13, 'Which queue?'],
      ['open-question', 14, 'Who owns it?'],
      ['placeholder', 9, 'Template placeholder [Task] is still here: replace it with the real content, or delete it.'],
    ],
  );
});

test('no Status: the text says so and the quick pick lists it', () => {
  const text = READY.replace('> **Status**: In Review\n', '');
  const r = readinessOf(buildModel(text), diagnose(text, { rules: { 'missing-section': 'off', 'author-missing': 'off' } }));
  assert.equal(r.text, '$(checklist) No status');
  assert.deepEqual(
    r.problems.map((p) => p.kind),
    ['status'],
  );
});

test('a long Status is cut short in the text', () => {
  const text = READY.replace('In Review', 'Waiting for the platform team to review');
  const r = readinessOf(buildModel(text), diagnose(text, { rules: { 'missing-section': 'off', 'author-missing': 'off' } }));
  // Not a Status value either: the quick pick lists that.
  assert.equal(r.text, '$(checklist) Waiting for the platfor…');
  assert.deepEqual(
    r.problems.map((p) => p.kind),
    ['status'],
  );
  assert.equal(r.status, 'Waiting for the platform team to review');
});
