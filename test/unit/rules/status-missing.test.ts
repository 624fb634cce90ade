import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, lines } from '../helpers';
import { header, headerSpec } from './helpers';

test('TS201: no Status is flagged on the title text; an empty Status on its line', () => {
  const [d, ...rest] = header(headerSpec({ status: null }));
  assert.deepEqual(rest, []);
  assert.equal(d.code, 'TS201');
  assert.deepEqual(at(d), [0, 2, 0, 26]);
  assert.equal(d.severity, 2);
  assert.match(String(d.message), /add "> \*\*Status\*\*: Draft"/);

  const [e] = header(headerSpec({ status: '' }));
  assert.equal(e.code, 'TS201');
  assert.deepEqual(at(e), [2, 0, 2, 13]);
  assert.equal(e.message, 'Status is empty: write Draft, In Review or Approved.');
});

test('TS201 and TS203 on a document without title or header: the first line', () => {
  const ds = header(lines('Just some text.', '', '## Overview'));
  assert.deepEqual(
    ds.map((d) => [d.code, ...at(d)]),
    [
      ['TS201', 0, 0, 0, 15],
      ['TS203', 0, 0, 0, 15],
    ],
  );
});

test('header fields without a blockquote and with the colon inside the bold are read too', () => {
  const text = lines('# Technical Spec: X', '', '**Status:** Done', '**Author:** Bo', '**Last Updated:** 2026-1-1', '', '## Overview');
  assert.deepEqual(
    header(text).map((d) => [d.code, ...at(d)]),
    [
      ['TS202', 2, 12, 2, 16],
      ['TS205', 4, 18, 4, 26],
    ],
  );
});

test('TS201/TS203: a Status or Author given in the front matter counts', () => {
  const text = lines('---', 'status: Draft', 'author: Ana', '---', '', '# Technical Spec: X', '', '## Overview');
  assert.deepEqual(header(text), []);
  const noAuthor = lines('---', 'techspec: true', '---', '# Technical Spec: X');
  assert.deepEqual(
    header(noAuthor).map((d) => [d.code, ...at(d)]),
    [
      ['TS201', 3, 2, 3, 19],
      ['TS203', 3, 2, 3, 19],
    ],
  );
});
