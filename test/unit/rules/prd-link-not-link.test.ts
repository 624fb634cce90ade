import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at } from '../helpers';
import { header, headerSpec } from './helpers';

test('TS204: a PRD Link that is not a link; links, autolinks and bare URLs pass', () => {
  for (const ok of [
    '[PRD](https://x.example/prd)',
    '<https://x.example/prd>',
    'https://x.example/prd',
    'www.example.com/prd',
    'See [the PRD](https://x.example/p) (v2)',
    '[PRD](docs/prd/payments.md)',
    '`docs/prd/payments.md`',
    '`../prd/payments.md`',
  ]) {
    assert.deepEqual(header(headerSpec({ prd: ok })), [], ok);
  }
  const [d] = header(headerSpec({ prd: 'the payments PRD' }));
  assert.deepEqual([d.code, ...at(d)], ['TS204', 4, 16, 4, 32]);
  assert.equal(d.message, 'PRD Link "the payments PRD" is not a link: write the PRD\'s URL or a markdown link like [PRD](https://…).');
  // A code span that names no path is no link.
  const [c] = header(headerSpec({ prd: '`payments`' }));
  assert.deepEqual([c.code, ...at(c)], ['TS204', 4, 16, 4, 26]);
  const [e] = header(headerSpec({ prd: '[PRD]()' }));
  assert.deepEqual([e.code, ...at(e)], ['TS204', 4, 16, 4, 23]);
  const [f] = header(headerSpec({ prd: '' }));
  assert.deepEqual([f.code, ...at(f)], ['TS204', 4, 0, 4, 15]);
  assert.deepEqual(header(headerSpec({ prd: null })), [], 'a missing PRD Link line is not flagged');
});
