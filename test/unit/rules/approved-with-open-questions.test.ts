import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, lines, only } from '../helpers';
import { HEAD } from './helpers';

test('TS902: Approved while Open Questions has unchecked items; checked ones and other sections do not count', () => {
  const text = lines(
    ...HEAD,
    '## Testing Strategy',
    '- [ ] not a question',
    '',
    '## Open Questions / Decisions Needed',
    '',
    '- [x] Which queue?',
    '- [ ] Which region?',
  );
  const ds = only(diagnose(text), 'TS901', 'TS902');
  assert.equal(ds.length, 1);
  const [d] = ds;
  assert.equal(d.code, 'TS902');
  assert.equal(d.severity, 1);
  assert.deepEqual(at(d), [2, 14, 2, 22]);
  assert.equal(d.message, 'Status is Approved but 1 open question is unchecked: decide each and check it off, or set Status back to In Review.');
  assert.deepEqual(
    d.relatedInformation?.map((r) => [r.message, r.location.range.start.line]),
    [['Open question: Which region?', 13]],
  );
});
