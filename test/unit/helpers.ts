import assert from 'node:assert/strict';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { createLanguageService } from '../../engine/service';
import { DEFAULT_SETTINGS, type EngineSettings } from '../../engine/settings';

/** The URI unit fixtures live at: a path that `techspec.files` matches by default. */
export const SPEC_URI = 'file:///w/x.spec.md';
/** The fixed "today" of unit tests (the date gen-spec.mjs writes as Last Updated). */
export const TODAY = '2026-11-25';

/** Every diagnostic the engine reports for `markdown` as a spec document, in document order. */
export function diagnose(markdown: string, settings: Partial<EngineSettings> = {}, today: string = TODAY): Diagnostic[] {
  const service = createLanguageService({ today: () => today });
  return service.analyze({ uri: SPEC_URI, version: 1, text: markdown }, { ...DEFAULT_SETTINGS, ...settings }).diagnostics;
}

/** A document from lines, joined with `\n` and ending with one. */
export function lines(...ls: string[]): string {
  return ls.join('\n') + '\n';
}

/** The cursor marker of fixtures (as in vscode-markdown-languageservice's tests). */
export const CURSOR = '$$';

/** `ls` joined with `\n`, without its one cursor marker, and the position the marker was at. */
export function withCursor(...ls: string[]): { text: string; position: Position } {
  const marked = ls.join('\n');
  const offset = marked.indexOf(CURSOR);
  assert.ok(offset >= 0 && marked.indexOf(CURSOR, offset + 1) < 0, `a fixture needs exactly one cursor marker ${CURSOR}`);
  const text = marked.slice(0, offset) + marked.slice(offset + CURSOR.length);
  const before = text.slice(0, offset);
  return { text, position: { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) } };
}

/** The position of the cursor marker in `marked`, a snippet written exactly once in `text`, here with the marker in it. */
export function cursorIn(text: string, marked: string): Position {
  const snippet = marked.replace(CURSOR, '');
  const at = text.indexOf(snippet);
  assert.ok(at >= 0 && text.indexOf(snippet, at + 1) < 0, `"${snippet}" is not written exactly once in the fixture`);
  return withCursor(text.slice(0, at) + marked + text.slice(at + snippet.length)).position;
}

/** Only the diagnostics of the given codes (TS202) or names (status-invalid). */
export function only(diagnostics: Diagnostic[], ...codes: string[]): Diagnostic[] {
  return diagnostics.filter((d) => codes.includes(String(d.code)) || codes.includes((d.data as { rule?: string } | undefined)?.rule ?? ''));
}

/** `[line, startChar, endLine, endChar]` of a diagnostic, for compact literal assertions. */
export function at(d: Diagnostic): [number, number, number, number] {
  return [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];
}

/** A diagnostic's message as text (LSP 3.18 types also allow MarkupContent). */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/**
 * A spec titled `title` with a Task Breakdown table (header on line 4, rows from line 6) and,
 * when given, a `### Task Dependency Graph` mermaid block after it.
 */
export function taskSpec(title: string, rows: string[], graph?: string[]): string {
  return lines(
    `# Technical Spec: ${title}`,
    '',
    '## Task Breakdown',
    '',
    '| ID | Task | Est. Lines | Dependencies | Jira |',
    '|----|------|------------|--------------|------|',
    ...rows,
    ...(graph ? ['', '### Task Dependency Graph', '', '```mermaid', ...graph, '```'] : []),
  );
}

/**
 * fast-check runs with a fixed seed, so a run of the suite is repeatable (CI included);
 * `FC_SEED=<n> npm run test:unit` explores other inputs.
 */
export const FC_SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261125;
