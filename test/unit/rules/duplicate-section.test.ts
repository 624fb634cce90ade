import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, diagnose, lines, only } from '../helpers';
import { withSections } from './helpers';

const order = (text: string) => only(diagnose(text), 'TS102', 'TS103');

test('TS103: a repeated section is flagged with related information to the first', () => {
  const ds = order(withSections('Overview', 'Architecture', 'Overview'));
  assert.equal(ds.length, 1, 'the repeat is not also reported as out of order');
  const [d] = ds;
  assert.equal(d.code, 'TS103');
  assert.deepEqual(at(d), [8, 3, 8, 11]);
  assert.equal(d.message, '"Overview" repeats the section "Overview" of line 3: merge the two into one.');
  assert.deepEqual(d.relatedInformation, [
    {
      location: { uri: 'file:///w/x.spec.md', range: { start: { line: 2, character: 3 }, end: { line: 2, character: 11 } } },
      message: 'First "Overview" section',
    },
  ]);
});

test('TS103: an alias repeats its section; level-3 headings with a section name do not', () => {
  const ds = order(lines('# T', '## Security Considerations', '### Overview', '## Security', '## Architecture'));
  assert.deepEqual(
    ds.map((d) => [d.code, ...at(d)]),
    [
      ['TS103', 3, 3, 3, 11],
      ['TS102', 4, 3, 4, 15],
    ],
  );
});
