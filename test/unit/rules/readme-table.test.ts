import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rules } from '../../../engine';

/**
 * The rows of README's rules table (the first table after "### Rules"), as [code, name, default,
 * description]; a code cell must carry the anchor SARIF's helpUri points at (`<a id="ts406"></a>TS406`).
 */
function readmeRules(): string[][] {
  const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n### Rules\n'));
  const all = section.split('\n');
  const start = all.findIndex((l) => l.startsWith('|'));
  const end = all.findIndex((l, i) => i > start && !l.startsWith('|'));
  return all
    .slice(start + 2, end)
    .map((l) =>
      l
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim().replace(/^`|`$/g, '')),
    )
    .map(([code, ...rest]) => {
      const anchored = /^<a id="([a-z0-9]+)"><\/a>(TS\d+)$/.exec(code);
      return [anchored && anchored[1] === anchored[2].toLowerCase() ? anchored[2] : `${code} (no matching anchor)`, ...rest];
    });
}

test("README's rules table lists every rule of the engine, in order, with its code, name, default severity and description", () => {
  const fromEngine = rules.map((r) => [r.code, r.name, r.defaultSeverity, r.description]);
  assert.deepEqual(readmeRules(), fromEngine);
});

test('the rules list says which rules have a quick fix and which of those fix-all applies', () => {
  const fixable = rules.filter((r) => r.fixable).map((r) => `${r.code}${r.inFixAll ? ' (fix-all)' : ''}`);
  assert.deepEqual(fixable, [
    'TS101 (fix-all)',
    'TS201',
    'TS202',
    'TS406 (fix-all)',
    'TS407 (fix-all)',
    'TS409',
    'TS414',
    'TS501 (fix-all)',
    'TS502 (fix-all)',
    'TS503 (fix-all)',
    'TS601',
    'TS901',
    'TS902',
  ]);
  assert.ok(rules.every((r) => r.fixable || !r.inFixAll));
});
