import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../engine/service';
import { TEMPLATE_TEXT } from '../../engine/templateText';

const URI = 'file:///w/template.spec.md';

test('an analysis superseded by a newer version of its document refuses to be read', () => {
  const service = createLanguageService({ today: () => '2026-11-25' });
  const v1 = service.analyze({ uri: URI, version: 1, text: TEMPLATE_TEXT });
  const t1 = v1.model!.taskTable!.tasks[0].idCell;
  assert.equal(t1.text, 'T1');
  const line = t1.span.range.start.line;

  const v2 = service.analyze({ uri: URI, version: 2, text: 'A line on top\n' + TEMPLATE_TEXT });
  assert.equal(v2.model!.taskTable!.tasks[0].idCell.span.range.start.line, line + 1);
  assert.equal(v2.model!.taskTable!.tasks[0].idCell.text, 'T1');

  // Version 1's spans now read version 2's text: the analysis says so instead of answering.
  assert.throws(() => v1.model, /version 1 of file:\/\/\/w\/template\.spec\.md is stale: version 2/);
  const position = { line, character: 2 };
  assert.throws(() => service.getHover(v1, position), /is stale/);
  assert.throws(() => service.getDefinition(v1, position), /is stale/);
  assert.throws(() => service.getPlan(v1), /is stale/);
  assert.equal(v1.diagnostics.length > 0, true, 'its diagnostics are a snapshot and stay readable');
});

test('an analysis stays readable when its document is forgotten or analysed anew elsewhere', () => {
  const service = createLanguageService({ today: () => '2026-11-25' });
  const a = service.analyze({ uri: URI, version: 1, text: TEMPLATE_TEXT });
  service.analyze({ uri: 'file:///w/other.spec.md', version: 1, text: TEMPLATE_TEXT });
  assert.equal(a.model!.taskTable!.tasks[0].idCell.text, 'T1');
  service.forget(URI);
  service.analyze({ uri: URI, version: 2, text: 'A line on top\n' + TEMPLATE_TEXT });
  // Forgetting dropped the memo the model shared its parts with: nothing moves them any more.
  assert.equal(a.model!.taskTable!.tasks[0].idCell.text, 'T1');
});
