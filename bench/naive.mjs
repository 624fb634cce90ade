// One naive baseline run, timed inside this process (module loading excluded): prints milliseconds.
//   node bench/naive.mjs remark FILE         unified + remark-parse + remark-gfm, the whole text
//   node bench/naive.mjs markdownlint FILE   markdownlint's lint of the whole text, default rules
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { lint } from 'markdownlint/sync';

const [kind, file] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const start = performance.now();
if (kind === 'remark') unified().use(remarkParse).use(remarkGfm).parse(text);
else if (kind === 'markdownlint') lint({ strings: { doc: text } });
else throw new Error(`unknown baseline ${kind}`);
console.log((performance.now() - start).toFixed(1));
