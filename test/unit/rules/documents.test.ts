import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { at, diagnose, lines, only } from '../helpers';
import { TEMPLATE_TEXT } from '../../../engine/templateText';
import { buildModel } from '../../../engine/model';
import { RuleCache } from '../../../engine/rules/support/cache';
import { RULES } from '../../../engine/rules';
import { DEFAULT_SETTINGS } from '../../../engine/settings';

/** The codes of the rules these tests cover (sections, header, placeholders, tables, risks, API design, readiness). */
const OURS = [
  'TS102',
  'TS103',
  'TS201',
  'TS202',
  'TS203',
  'TS204',
  'TS205',
  'TS206',
  'TS301',
  'TS601',
  'TS701',
  'TS702',
  'TS801',
  'TS802',
  'TS803',
  'TS804',
  'TS901',
  'TS902',
];

const ours = (text: string, today?: string) => only(diagnose(text, {}, today), ...OURS);

const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${at(d).join(',')}`);

/** The template's diagnostics: its placeholders, the Status line (pick one) and the risk levels (pick one). Nothing else. */
const TEMPLATE_EXPECTED = [
  'TS301 0,18,0,32',
  'TS202 2,14,2,42',
  'TS301 3,14,3,20',
  'TS301 4,16,4,29',
  'TS301 5,20,5,26',
  'TS301 11,0,11,97',
  'TS301 23,29,23,43',
  'TS301 45,32,45,46',
  'TS301 110,2,110,9',
  'TS301 110,12,110,20',
  'TS301 110,41,110,71',
  'TS301 155,2,155,12',
  'TS301 155,15,155,28',
  'TS301 155,40,155,56',
  'TS301 165,48,165,54',
  'TS301 166,57,166,63',
  'TS301 167,65,167,71',
  'TS301 168,42,168,48',
  'TS301 169,41,169,47',
  'TS301 170,43,170,49',
  'TS301 171,41,171,47',
  'TS301 191,19,191,48',
  'TS301 192,18,192,42',
  'TS301 193,20,193,46',
  'TS301 194,21,194,44',
  'TS301 202,32,202,70',
  'TS301 203,39,203,70',
  'TS301 204,26,204,49',
  'TS301 248,2,248,20',
  'TS701 248,23,248,35',
  'TS701 248,38,248,50',
  'TS301 248,53,248,84',
  'TS301 254,6,254,48',
  'TS301 255,6,255,42',
  'TS301 261,2,261,33',
  'TS301 262,2,262,35',
  'TS301 263,2,263,29',
];

/** The repository's copy of ../shared/bench/gen-spec.mjs (the same file), so that these run wherever the checkout is. */
const GEN_SPEC = resolve(import.meta.dirname, '../../../bench/gen-spec.mjs');

test('the template yields its placeholders, the Status to pick and the risk levels to pick, nothing else', () => {
  assert.deepEqual(brief(ours(TEMPLATE_TEXT)), TEMPLATE_EXPECTED);
});

test('the template with CRLF line endings yields the same diagnostics', () => {
  assert.deepEqual(brief(ours(TEMPLATE_TEXT.replace(/\n/g, '\r\n'))), TEMPLATE_EXPECTED);
});

test('the template with a byte order mark: the same, first-line ranges one code unit later', () => {
  const shifted = TEMPLATE_EXPECTED.map((s) => s.replace(/^(TS\d+) 0,(\d+),0,(\d+)$/, (_, c, a, b) => `${c} 0,${Number(a) + 1},0,${Number(b) + 1}`));
  assert.equal(shifted[0], 'TS301 0,19,0,33');
  assert.deepEqual(brief(ours('\uFEFF' + TEMPLATE_TEXT)), shifted);
});

test('the complete fixture spec yields nothing from these rules', () => {
  assert.deepEqual(brief(ours(readFileSync(resolve(import.meta.dirname, '../../fixtures/clean.spec.md'), 'utf8'))), []);
});

test('gen-spec --tasks 20 (a filled-in spec) yields nothing from these rules; its planted task defects are not ours either', () => {
  const gen = (...args: string[]) => execFileSync(process.execPath, [GEN_SPEC, ...args], { encoding: 'utf8' });
  assert.deepEqual(brief(ours(gen('--tasks', '20'))), []);
  assert.deepEqual(brief(ours(gen('--tasks', '20', '--defects'))), []);
});

test('an empty file: Status and Author missing, at the start, and nothing else', () => {
  for (const text of ['', '\n', '\r\n\r\n']) {
    assert.deepEqual(brief(ours(text)), ['TS201 0,0,0,0', 'TS203 0,0,0,0'], JSON.stringify(text));
  }
  assert.deepEqual(brief(ours('\uFEFF')), ['TS201 0,1,0,1', 'TS203 0,1,0,1'], 'after a lone byte order mark');
});

test('non-ASCII titles and headings: ranges count UTF-16 code units', () => {
  const text = lines(
    '# Technical Spec: 🚀 Überweisung [Feature Name]',
    '',
    '> **Status**: Entwurf',
    '',
    '## Überblick',
    '',
    '## Architecture',
    '',
    '## Overview',
    '',
    '### 日本語 `GET /x`',
  );
  assert.deepEqual(brief(ours(text)), ['TS203 0,2,0,47', 'TS301 0,33,0,47', 'TS202 2,14,2,21', 'TS102 8,3,8,11']);
});

test('a spec with no tables and no code: only the header findings', () => {
  const text = lines(
    '# Technical Spec: Plain',
    '',
    '> **Status**: Draft',
    '> **Author**: Bo',
    '',
    '## Overview',
    '',
    'Prose only.',
    '',
    '## API Design',
    '',
    'None yet.',
    '',
    '## Risks & Mitigations',
    '',
    'None known.',
  );
  assert.deepEqual(brief(ours(text)), []);
});

test('rules never throw on garbage, and every range stays inside the document', () => {
  const garbage = [
    '|',
    '| |\n|-|',
    '|a|\n|-|\n|b|c|d|',
    '#',
    '# \n## \n### ',
    '```json',
    '```json\n',
    '```json\n{',
    '> **Status**:',
    '**Status**',
    '> **Last Updated**: 9999-99-99',
    '\u0000\u0001\u0002',
    '\uD800[x]\uDC00',
    '\r',
    '\r\r\r| A |\r|---|\r| 1 | 2 |',
    '[[[[[[[]]]]]]]',
    '[' + 'a'.repeat(5000) + ']',
    '<!-- techspec-disable-next-line -->',
    '## API Design\n#### \n#### ``\n#### GET\n#### GET /\n| Status |\n|---|\n| |',
    '## Risks & Mitigations\n| Likelihood |\n|---|\n||',
    '---\ntitle: x\n---\n',
    '- [ ] \n## Open Questions\n- [ ]',
    '> ```json\n> {\n```',
    '~~~json\n{"a":}\n~~~',
    '    ```json\n    {',
    '## Overview\n## Overview\n## Overview',
    TEMPLATE_TEXT.slice(0, 1234),
    TEMPLATE_TEXT.replace(/\|/g, ''),
    TEMPLATE_TEXT.replace(/\n/g, ''),
    TEMPLATE_TEXT.split('').reverse().join(''),
  ];
  const mine = RULES.filter((r) => OURS.includes(r.code));
  assert.equal(mine.length, OURS.length, 'every covered rule is registered');
  for (const text of garbage) {
    const model = buildModel(text);
    const lastLine = model.lines.lineCount - 1;
    for (const rule of mine) {
      const findings = rule.check({
        model,
        settings: DEFAULT_SETTINGS,
        schema: model.schema,
        today: '2026-11-25',
        cache: new RuleCache(),
        uri: 'file:///w/x.spec.md',
        host: {},
      });
      for (const f of [...findings, ...findings.flatMap((x) => x.related ?? [])]) {
        const { start, end } = f.range;
        assert.ok(
          start.line >= 0 && end.line <= lastLine && (start.line < end.line || start.character <= end.character),
          `${rule.code} range out of order on ${JSON.stringify(text.slice(0, 40))}`,
        );
        assert.ok(end.character <= model.lines.lineText(end.line).length, `${rule.code} range past the line end on ${JSON.stringify(text.slice(0, 40))}`);
      }
    }
  }
});

test('rule names and codes work in settings and disable comments', () => {
  const text = lines(
    '# Technical Spec: X',
    '',
    '<!-- techspec-disable-next-line status-invalid -->',
    '> **Status**: Done',
    '> **Author**: [Name]',
    '',
    '## Overview',
    '',
    '<!-- techspec-disable-next-line TS301 -->',
    '[Summary]',
    '[More]',
  );
  assert.deepEqual(brief(ours(text)), ['TS301 4,14,4,20', 'TS301 10,0,10,6']);
  const ds = only(diagnose(text, { rules: { placeholder: 'off', TS202: 'error' } }), ...OURS);
  assert.deepEqual(brief(ds), []);
  const severities = only(diagnose(lines('# Technical Spec: X', '> **Status**: Done'), { rules: { 'status-invalid': 'hint' } }), 'TS202');
  assert.deepEqual(
    severities.map((d) => d.severity),
    [4],
  );
});
