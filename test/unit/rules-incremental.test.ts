// Rules carry verdicts from one version of a document to the next in its RuleCache (support/cache.ts):
// per list item, per task graph numbering, per endpoint heading text. These tests type through versions in one
// parser and model memo, as the language service does, and compare each version's diagnostics with a
// from-scratch analysis run afterwards (interleaving the two would make every version start afresh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-types';
import { IncrementalParser, type IncrementalOptions } from '../../engine/incremental';
import { buildModel } from '../../engine/model';
import { ModelMemo } from '../../engine/incremental';
import { computeDiagnostics } from '../../engine/diagnostics';
import { DEFAULT_SETTINGS, type EngineSettings } from '../../engine/settings';
import { RuleCache } from '../../engine/rules/support/cache';
import { FC_SEED, SPEC_URI, TODAY } from './helpers';

/** Small batches and tables split from 2 rows up, so that short documents exercise every path. */
const TINY: Partial<IncrementalOptions> = { batchChars: 120, rowBatch: 3, minSplitRows: 2 };

interface Version {
  text: string;
  settings?: Partial<EngineSettings>;
}

/** Each version's diagnostics, typed through in order; then checked against from-scratch analyses. */
function typeThrough(versions: Version[], options: Partial<IncrementalOptions> = {}): Diagnostic[][] {
  const parser = new IncrementalParser(options);
  const memo = new ModelMemo();
  const typed = versions.map(({ text, settings }) => {
    const root = parser.parse(text);
    memo.hint(parser.takeDiff());
    // A copy: ranges are the model's, and the memo moves them in place when it reuses a part.
    return structuredClone(computeDiagnostics(buildModel(text, root, memo), { ...DEFAULT_SETTINGS, ...settings }, TODAY, SPEC_URI));
  });
  versions.forEach(({ text, settings }, i) => {
    const scratch = computeDiagnostics(buildModel(text), { ...DEFAULT_SETTINGS, ...settings }, TODAY, SPEC_URI);
    assert.deepStrictEqual(typed[i], scratch, `version ${i} differs from a from-scratch analysis: ${JSON.stringify(text.slice(0, 200))}…`);
  });
  return typed;
}

/** How many diagnostics of `code` each version has. */
const counts = (typed: Diagnostic[][], code: string) => typed.map((ds) => ds.filter((d) => d.code === code).length);

/** Versions from `base`, each one replacing a piece of the previous (the piece must be there). */
function edits(base: string, steps: [from: string, to: string][]): string[] {
  const out = [base];
  for (const [from, to] of steps) {
    const prev = out[out.length - 1];
    assert.ok(prev.includes(from), `"${from}" is not in the previous version`);
    out.push(prev.replace(from, to));
  }
  return out;
}

const SPEC = execFileSync(process.execPath, ['bench/gen-spec.mjs', '--tasks', '30', '--defects'], { encoding: 'utf8' });
const ERRORS_ROW = '| 409 | CONFLICT | Resource already exists |';

for (const [name, options] of [
  ['default batches', {}],
  ['tiny batches', TINY],
] as const) {
  test(`TS803: a status cell edited to a non-status and back, and the header renamed, with ${name}`, () => {
    const typed = typeThrough(
      edits(SPEC, [
        [ERRORS_ROW, '| 40x | CONFLICT | Resource already exists |'],
        ['| 40x | CONFLICT |', '| 409 | CONFLICT |'],
        ['| Status | Code | Description |', '| Kind | Code | Description |'],
        ['| 400 | INVALID_INPUT |', '| 4xx | INVALID_INPUT |'],
        ['| Kind | Code | Description |', '| Status | Code | Description |'],
        ['| 4xx | INVALID_INPUT |', '| [Code] | INVALID_INPUT |'],
      ]).map((text) => ({ text })),
      options,
    );
    assert.deepEqual(counts(typed, 'TS803'), [0, 1, 0, 0, 0, 1, 0]);
  });

  test(`TS601: a header that changes the expected cell count, a table split by a new header, with ${name}`, () => {
    const typed = typeThrough(
      edits(SPEC, [
        // A column more in the header: every row of the table is now short of one.
        [
          '| ID | Task | Est. Lines | Dependencies | Jira |\n|----|------|------------|--------------|------|',
          '| ID | Task | Est. Lines | Dependencies | Jira | X |\n|----|------|------------|--------------|------|---|',
        ],
        [
          '| ID | Task | Est. Lines | Dependencies | Jira | X |\n|----|------|------------|--------------|------|---|',
          '| ID | Task | Est. Lines | Dependencies | Jira |\n|----|------|------------|--------------|------|',
        ],
        // A two-column table in the middle of the task table: the rows after it fall under its header.
        ['| T20 |', '\n| A | B |\n|---|---|\n| T20 |'],
        ['\n| A | B |\n|---|---|\n| T20 |', '| T20 |'],
        [ERRORS_ROW, '| 409 | CONFLICT |'],
        ['| 409 | CONFLICT |', ERRORS_ROW],
      ]).map((text) => ({ text })),
      options,
    );
    const [base, wider, back, split, joined, short, fixed] = counts(typed, 'TS601');
    assert.ok(wider > base + 25, `a wider header makes the rows short: ${base} → ${wider}`);
    assert.equal(back, base);
    assert.ok(split > base + 5, `the rows under the two-column header have too many cells: ${base} → ${split}`);
    assert.deepEqual([joined, short, fixed], [base, base + 1, base]);
  });

  test(`TS405, TS408, TS410, TS411: task rows edited back and forth, and maxTaskLines changed, with ${name}`, () => {
    const texts = edits(SPEC, [
      ['| T12 | Implement component 12', '|  | Implement component 12'],
      ['|  | Implement component 12', '| T12 | Implement component 12'],
      ['| T13 | Implement component 13 with `code` and **bold** text |', '| T13 |  |'],
      ['| T13 |  |', '| T13 | Implement component 13 with `code` and **bold** text |'],
      ['| ~171 |', '| lots |'],
      ['| lots |', '| ~1710 |'],
      ['| ~1710 |', '| ~171 |'],
      ['| T14, T8 |', '| None, T14, T8 |'],
      ['| None, T14, T8 |', '| T14, T8 |'],
    ]);
    const versions: Version[] = texts.map((text) => ({ text }));
    versions.push({ text: texts[0], settings: { maxTaskLines: 200 } }, { text: texts[0] });
    const typed = typeThrough(versions, options);
    assert.deepEqual(
      counts(typed, 'TS405').map((n) => n - counts(typed, 'TS405')[0]),
      [0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0],
    );
    assert.deepEqual(
      counts(typed, 'TS410').map((n) => n - counts(typed, 'TS410')[0]),
      [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0],
    );
    const large = counts(typed, 'TS411');
    assert.equal(large[6], large[0] + 1);
    assert.ok(large[10] > large[0] + 5, `maxTaskLines 200 flags more tasks: ${large[0]} → ${large[10]}`);
    assert.equal(large[11], large[0]);
    assert.deepEqual(
      counts(typed, 'TS408').map((n) => n - counts(typed, 'TS408')[0]),
      [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0],
    );
  });

  test(`TS804: a json block edited to invalid, valid, empty and back, and its language changed, with ${name}`, () => {
    const block = '{ "field1": "string", "field2": 1 }';
    const typed = typeThrough(
      edits(SPEC, [
        [block, '{ "field1": "string", "field2": 1, }'],
        ['"field2": 1, }', '"field2": 1 }'],
        [block, ''],
        ['```json\n\n```', '```JSON\n{ oops }\n```'],
        ['```JSON\n{ oops }\n```', '```text\n{ oops }\n```'],
        ['```text\n{ oops }\n```', '```json\n' + block + '\n```'],
      ]).map((text) => ({ text })),
      options,
    );
    const base = counts(typed, 'TS804')[0];
    assert.deepEqual(counts(typed, 'TS804'), [base, base + 1, base, base + 1, base + 1, base, base]);
  });

  test(`TS403, TS407, TS503, TS801, TS802: IDs, dependencies, graph nodes and endpoint headings edited back and forth, with ${name}`, () => {
    const typed = typeThrough(
      edits(SPEC, [
        ['| T21 |', '| T20 |'],
        ['| T20 | Implement component 21', '| T21 | Implement component 21'],
        ['| T17, T11 |', '| T17, T11, T18 |'],
        ['| T17, T11, T18 |', '| T17, T11 |'],
        ['graph LR\n', 'graph LR\n    Q1 --> T1\n'],
        ['graph LR\n    Q1 --> T1\n', 'graph LR\n'],
        ['#### `POST /api/v1/resource1`', '#### `post /api/v1/resource1`'],
        ['#### `post /api/v1/resource1`', '#### `POST /api/v1/resource0`'],
        [
          '#### `POST /api/v1/resource0`\n\n**Request**:\n```json\n{ "field1": "string", "field2": 1 }',
          '#### `POST /api/v1/resource1`\n\n**Request**:\n```json\n{ "field1": "string", "field2": 1 }',
        ],
      ]).map((text) => ({ text })),
      options,
    );
    const delta = (code: string) => counts(typed, code).map((n) => n - counts(typed, code)[0]);
    assert.deepEqual(delta('TS403'), [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    // Row T21 depends on T20: while it is a second T20, it depends on itself.
    assert.deepEqual(delta('TS407'), [0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(delta('TS503'), [0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    assert.deepEqual(delta('TS801'), [0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    assert.deepEqual(delta('TS802'), [0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
  });
}

// Fragments that make and unmake what the rules with carried verdicts look at.
const fragment = fc.constantFrom(
  '\n',
  '\n\n',
  '|',
  ' | ',
  '| 40x |',
  '| 404 |',
  '| Status | Code |\n|---|---|\n',
  '| A | B |\n|---|---|\n',
  '|---|\n',
  '| T9 | x | ~10 | T1 | j |\n',
  '| | | | | |\n',
  '| T3 | y | ~900 | None, T2 | j |\n',
  'T3',
  '~5000',
  'lots',
  'None',
  '```json\n{,}\n```\n',
  '```json\n',
  '```\n',
  '{ "a": 1 }',
  ',',
  '#### GET /x\n',
  '#### get /x\n',
  '#### `POST /api/v1/resource0`\n',
  'Q9 --> T1\n',
  '[Code]',
);
const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 40 }),
  insert: fc.array(fragment, { maxLength: 3 }).map((a) => a.join('')),
  lineStart: fc.boolean(),
});

test('random edit sequences: every version as a from-scratch analysis finds it', () => {
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.nat({ max: 3 }), (steps, tiny, settingsAt) => {
      let text = SPEC;
      const versions: Version[] = [{ text }];
      for (const e of steps) {
        let at = e.at % (text.length + 1);
        if (e.lineStart) at = text.lastIndexOf('\n', at - 1) + 1;
        text = text.slice(0, at) + e.insert + text.slice(at + (e.lineStart ? 0 : e.remove));
        versions.push({ text, settings: versions.length === settingsAt ? { maxTaskLines: 150 } : undefined });
      }
      typeThrough(versions, tiny ? TINY : {});
    }),
    { numRuns: 60, seed: FC_SEED },
  );
});

/** An item of the Verdicts property test: what the test reads is `value`, plus its head's for grouped lists. */
interface Item {
  value: number;
}

test('RuleCache.passing: over random versions of a list, flat and grouped, what passes is what a fresh filter finds', () => {
  const pool: Item[] = Array.from({ length: 12 }, (_, i) => ({ value: i }));
  // Each version splices the last one: a prefix and a suffix in common, as typing gives. An entry
  // that starts a group heads it (the first entry always does).
  const splice = fc.record({
    at: fc.nat(),
    remove: fc.nat({ max: 4 }),
    insert: fc.array(fc.record({ item: fc.nat({ max: pool.length - 1 }), starts: fc.boolean() }), { maxLength: 4 }),
    param: fc.constantFrom(2, 2, 2, 3),
  });
  const initial = fc.array(fc.record({ item: fc.nat({ max: pool.length - 1 }), starts: fc.boolean() }), { maxLength: 16 });
  fc.assert(
    fc.property(initial, fc.array(splice, { minLength: 1, maxLength: 10 }), fc.boolean(), (first, splices, grouped) => {
      const pass = (item: Item, head: Item | undefined, param: number) => (item.value + (head ? head.value : 0)) % param === 0;
      const cache = new RuleCache();
      let entries = first;
      for (const { at, remove, insert, param } of [{ at: 0, remove: 0, insert: [], param: 2 }, ...splices]) {
        const from = at % (entries.length + 1);
        entries = [...entries.slice(0, from), ...insert, ...entries.slice(from + remove)];
        const items = entries.map((e) => pool[e.item]);
        const starts = grouped ? entries.flatMap((e, i) => (i === 0 || e.starts ? [i] : [])) : undefined;
        const headOf = (i: number) => (starts ? items[starts.filter((k) => k <= i).pop()!] : undefined);
        const expected = items.flatMap((item, i) => (pass(item, headOf(i), param) ? [i] : []));
        assert.deepEqual(cache.passing(pass, items, param, starts), expected, JSON.stringify({ entries, param }));
      }
    }),
    { numRuns: 500, seed: FC_SEED },
  );
});
