import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parseMarkdown } from '../../engine/parse';
import { FC_SEED } from './helpers';

const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** Pieces of autolink literals (whole, broken, in references, in other case) among markdown syntax. */
const piece = fc.constantFrom(
  'www.',
  'WwW.',
  'http',
  'HTTPS://',
  '://',
  '&#104;',
  '&#116;',
  'mailto:',
  'xmpp:',
  '@',
  'a@b.co',
  '&#64;',
  '&#x40;',
  '&commat;',
  '&#119;',
  '&amp;',
  'w',
  'ww',
  'h',
  'ttp',
  'example',
  '.com',
  '/path',
  '.',
  '-',
  '_',
  '+',
  '*',
  '~',
  '`',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '\\',
  '|',
  ' ',
  '\n',
  '\n\n',
  '# ',
  '- ',
  '| a | b |\n|---|---|\n',
  'ſ',
  'K',
);
const markdown = fc.array(piece, { maxLength: 24 }).map((a) => a.join(''));

test("parseMarkdown gives remark-gfm's tree, with or without the autolink-literal scan", () => {
  fc.assert(
    fc.property(markdown, (text) => assert.deepEqual(parseMarkdown(text), remark.parse(text), JSON.stringify(text))),
    { seed: FC_SEED, numRuns: 3000 },
  );
});

test('text whose links come from character references is still scanned', () => {
  for (const text of ['x&#64;b.co', 'see &#119;ww.example.com', 'a&commat;b.org', 'go to h&#116;tp://example.com']) {
    assert.deepEqual(parseMarkdown(text), remark.parse(text));
    assert.ok(JSON.stringify(parseMarkdown(text)).includes('"type":"link"'), text);
  }
});
