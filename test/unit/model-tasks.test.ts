import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dependencyWords, parseEstLines, taskColumnOf } from '../../engine/model/tasks';

test('dependencyWords: IDs with bold and code markup, "none" words, and "and" left out', () => {
  assert.deepEqual(dependencyWords('**T1**, `T2` and T3; None'), [
    { id: 'T1', start: 2, wordStart: 0, wordEnd: 6, none: false },
    { id: 'T2', start: 9, wordStart: 8, wordEnd: 12, none: false },
    { id: 'T3', start: 17, wordStart: 17, wordEnd: 19, none: false },
    { id: 'None', start: 21, wordStart: 21, wordEnd: 25, none: true },
  ]);
});

test('task columns and estimated lines', () => {
  assert.equal(taskColumnOf('Task ID'), 'id');
  assert.equal(taskColumnOf('Dependencies'), 'deps');
  assert.equal(parseEstLines('100-200 lines'), 200);
  assert.equal(parseEstLines('lots'), undefined);
});
