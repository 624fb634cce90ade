import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../engine/model';
import { getHover } from '../../engine/hover';
import { cursorIn, taskSpec, withCursor } from './helpers';

const text = taskSpec(
  'Hover',
  ['| T1 | Create the table | ~50 | None | |', '| T2 | Add the <b>repository</b> | lots | T1 | |', '| T10 | Ship it | ~120 | T2, T1, T9 | |'],
  ['graph LR', '  T1 --> T2 --> T10', '  T1 --> T10'],
);
const model = buildModel(text);
/** The hover at the cursor marker of `marked`, a snippet of `text`. */
const at = (marked: string) => getHover(model, cursorIn(text, marked));

test('hover on an ID cell: title, estimate, what it needs and what needs it', () => {
  assert.deepEqual(at('| T$$1 | Create'), {
    contents: { kind: 'markdown', value: '**T1** Create the table\n\nEst. Lines: ~50\n\nDepends on: none · Needed by: T2, T10' },
    range: { start: { line: 6, character: 2 }, end: { line: 6, character: 4 } },
  });
});

test('hover on a dependency and on a graph node names that task', () => {
  assert.deepEqual(at('T$$2, T1, T9'), {
    contents: { kind: 'markdown', value: '**T2** Add the \\<b\\>repository\\</b\\>\n\nEst. Lines: lots\n\nDepends on: T1 · Needed by: T10' },
    range: { start: { line: 8, character: 25 }, end: { line: 8, character: 27 } },
  });
  assert.equal((at('T2 --> T$$10')?.contents as { value: string }).value.split('\n')[0], '**T10** Ship it');
});

test('hover on an unknown dependency says so; elsewhere there is none', () => {
  assert.deepEqual(at('T9$$ |')?.contents, { kind: 'markdown', value: '**T9** is no task of the Task Breakdown table.' });
  assert.equal(at('Sh$$ip'), undefined);
  assert.equal(at('# T$$echnical'), undefined);
  assert.equal(getHover(buildModel(''), withCursor('$$').position), undefined);
});
