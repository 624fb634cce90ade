import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEMPLATE_TEXT } from '../../../engine/templateText';
import { lines } from '../helpers';
import { actionsFor, applyAction, code, missing, titles } from './helpers';

// ---- sections ----

test('missing section: its template skeleton after the section before it in the template', () => {
  const text = lines('# Technical Spec: X', '', '## Overview', '', 'Text.', '', '## API Design', '', 'None.');
  const { actions } = actionsFor(text, missing('architecture'));
  assert.deepEqual(titles(actions).slice(0, 1), [['Insert section "## Architecture"', true]]);
  const out = applyAction(text, actions[0]);
  const architecture = TEMPLATE_TEXT.slice(
    TEMPLATE_TEXT.indexOf('## Architecture'),
    TEMPLATE_TEXT.indexOf('---', TEMPLATE_TEXT.indexOf('## Architecture')) - 2,
  );
  assert.equal(out, `# Technical Spec: X\n\n## Overview\n\nText.\n\n${architecture}\n\n## API Design\n\nNone.\n`);
});

test('missing section with none before it: before the first section after it; `---` separators are kept', () => {
  const text = lines('# Technical Spec: X', '', '---', '', '## Architecture', '', 'Boxes.', '', '---', '', '## References', '', '- a');
  const { actions } = actionsFor(text, missing('overview'));
  assert.equal(
    applyAction(text, actions[0]),
    lines(
      '# Technical Spec: X',
      '',
      '---',
      '',
      '## Overview',
      '',
      '[1-2 paragraph summary of the technical approach. What are we building and at a high level, how?]',
      '',
      '---',
      '',
      '## Architecture',
      '',
      'Boxes.',
      '',
      '---',
      '',
      '## References',
      '',
      '- a',
    ),
  );
});

test('missing last section: appended after a `---`, the document ending in one line break', () => {
  const text = lines('# Technical Spec: X', '', '## Overview', '', 'Text.', '', '---', '', '## Open Questions / Decisions Needed', '', '- [x] Done');
  const { actions } = actionsFor(text, missing('references'));
  assert.equal(
    applyAction(text, actions[0]),
    text +
      lines('', '---', '', '## References', '', '- [Link to related documentation]', '- [Link to similar implementations]', '- [Link to external API docs]'),
  );
});

test('insert all missing sections: one action, sections in template order, CRLF kept', () => {
  const text = '# Technical Spec: X\r\n\r\n## Overview\r\n\r\nText.\r\n\r\n## Task Breakdown\r\n\r\nLater.';
  const { actions, all } = actionsFor(text, missing('architecture'));
  const insertAll = actions.find((a) => a.title === 'Insert all 10 missing sections')!;
  assert.ok(insertAll, `no insert-all action among ${actions.map((a) => a.title)}`);
  assert.equal(insertAll.diagnostics!.length, all.filter(code('TS101')).length);
  const out = applyAction(text, insertAll);
  assert.ok(!/[^\r]\n/.test(out), 'every line break is CRLF');
  const headings = out.split('\r\n').filter((l) => l.startsWith('## '));
  assert.deepEqual(headings, [
    '## Overview',
    '## Architecture',
    '## Data Model',
    '## API Design',
    '## Task Breakdown',
    '## Security Considerations',
    '## Performance Considerations',
    '## Testing Strategy',
    '## Rollout Plan',
    '## Risks & Mitigations',
    '## Open Questions / Decisions Needed',
    '## References',
  ]);
  assert.ok(out.startsWith('# Technical Spec: X\r\n\r\n## Overview\r\n\r\nText.\r\n\r\n## Architecture\r\n\r\n### C4 Context Diagram\r\n'));
  assert.ok(out.includes('Rel(repo, db, "Queries")\r\n```\r\n\r\n## Data Model\r\n'));
  assert.ok(out.includes('## Task Breakdown\r\n\r\nLater.\r\n\r\n## Security Considerations\r\n'));
  assert.ok(out.endsWith('- [Link to external API docs]\r\n'));
  // The result has every section and nothing else to insert.
  const again = actionsFor(out, code('TS101'));
  assert.deepEqual(again.context, []);
});

test('the template and a complete document have no section to insert', () => {
  const { actions } = actionsFor(TEMPLATE_TEXT, () => true, {}, ['quickfix', 'source.fixAll.techspec']);
  assert.ok(!actions.some((a) => a.title.startsWith('Insert')), actions.map((a) => a.title).join(', '));
});

test('a byte order mark: a section inserted before the first one lands after the title, not before the BOM', () => {
  const text = '\uFEFF# Technical Spec: X\n\n## Architecture\n\nBoxes.\n';
  const { actions } = actionsFor(text, missing('overview'));
  assert.equal(
    applyAction(text, actions[0]),
    '\uFEFF# Technical Spec: X\n\n## Overview\n\n[1-2 paragraph summary of the technical approach. What are we building and at a high level, how?]\n\n## Architecture\n\nBoxes.\n',
  );
});
