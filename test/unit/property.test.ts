import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Range } from 'vscode-languageserver-types';
import { createLanguageService } from '../../engine/service';
import { TEMPLATE_TEXT } from '../../engine/templateText';
import { LineIndex } from '../../engine/text';
import { FC_SEED } from './helpers';

const service = createLanguageService({ today: () => '2026-11-25' });

/** Fragments that stress the parser and the rules: table syntax, fences, IDs, headings, garbage. */
const fragment = fc.oneof(
  fc.constantFrom(
    '|',
    '\\|',
    '`',
    '```',
    '```mermaid\n',
    '\n',
    '\r\n',
    '\r',
    '# ',
    '## ',
    '#### ',
    '> ',
    '- [ ] ',
    '[',
    ']',
    '(',
    ')',
    'T1',
    'T2, T3',
    'None',
    '-->',
    ' & ',
    '**Status**: ',
    'Approved',
    '~',
    '---\n',
    '\u0000',
    '\uFEFF',
    'é',
    '🎉',
    '\t',
    '<!-- techspec-disable-next-line -->\n',
  ),
  fc.string({ maxLength: 6 }),
);

const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.array(fragment, { maxLength: 4 }).map((a) => a.join('')) });

function inside(range: Range, lines: LineIndex): boolean {
  const ok = (p: Range['start']) => p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineText(p.line).length;
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ok(range.start) && ok(range.end) && ordered;
}

test('random edits of the template never make the engine throw, and every range stays inside the document', () => {
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
      let text = TEMPLATE_TEXT;
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
      }
      const analysis = service.analyze({ uri: 'file:///w/x.spec.md', version: 1, text });
      const lines = new LineIndex(text);
      for (const d of analysis.diagnostics) {
        assert.ok(inside(d.range, lines), `${d.code} range ${JSON.stringify(d.range)} is outside the document`);
        for (const r of d.relatedInformation ?? []) assert.ok(inside(r.location.range, lines), `${d.code} related range outside`);
      }
      const end = lines.positionAt(text.length);
      for (const position of [{ line: 0, character: 0 }, end, lines.positionAt(Math.floor(text.length / 2))]) {
        service.getCompletions(analysis, position);
      }
      service.getCodeActions(analysis, { start: { line: 0, character: 0 }, end }, analysis.diagnostics);
      service.getCodeActions(analysis, { start: { line: 0, character: 0 }, end }, analysis.diagnostics, ['source.fixAll.techspec']);
      service.getPlan(analysis);
    }),
    { numRuns: 150, seed: FC_SEED },
  );
});
