// What the fix tests share: applying actions as an editor does, finding a diagnostic's actions, the defective spec.
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../engine/service';
import { DEFAULT_SETTINGS, type EngineSettings } from '../../../engine/settings';
import type { FixData } from '../../../engine/rule';
import { LineIndex } from '../../../engine/text';
import { lines, SPEC_URI, TODAY } from '../helpers';

/** Applies LSP text edits the way an editor does: all against the original text, none overlapping. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const index = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1].end <= spans[i].start, `edits overlap: ${JSON.stringify(spans)}`);
  for (const s of spans.reverse()) text = text.slice(0, s.start) + s.text + text.slice(s.end);
  return text;
}

export function applyAction(text: string, a: CodeAction): string {
  assert.deepEqual(Object.keys(a.edit?.changes ?? {}), [SPEC_URI], `${a.title} edits one document`);
  return applyEdits(text, a.edit!.changes![SPEC_URI]);
}

/** The code actions for the diagnostics `pick` selects, through the language service as a client asks for them. */
export function actionsFor(text: string, pick: (d: Diagnostic) => boolean, settings: Partial<EngineSettings> = {}, only?: string[]) {
  const service = createLanguageService({ today: () => TODAY });
  const analysis = service.analyze({ uri: SPEC_URI, version: 1, text }, { ...DEFAULT_SETTINGS, ...settings });
  const context = analysis.diagnostics.filter(pick);
  const range: Range = context[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { actions: service.getCodeActions(analysis, range, context, only), context, all: analysis.diagnostics };
}

export const code = (c: string) => (d: Diagnostic) => d.code === c;

/** The missing-section diagnostic of one template section. */
export const missing = (key: string) => (d: Diagnostic) => (d.data as { fix?: { sectionKey?: string } } | undefined)?.fix?.sectionKey === key;

export const titles = (as: CodeAction[]) => as.map((a) => [a.title, a.isPreferred ?? false]);

export const NO_SECTIONS = { rules: { 'missing-section': 'off' as const } };

/** A diagnostic as the rules make it, for fixes whose rule is not the point of the test. */
export function diag(range: Range, rule: string, fix: FixData): Diagnostic {
  return { range, source: 'techspec', message: rule, code: rule, data: { rule, fix } };
}

export const r = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

export const SPEC = lines(
  '# Technical Spec: Billing',
  '',
  '> **Status**: Draft',
  '> **Author**: Ada',
  '',
  '## Overview',
  '',
  'Billing.',
  '',
  '## Task Breakdown',
  '',
  '| ID | Task | Est. Lines | Dependencies | Jira |',
  '|----|------|------------|--------------|------|',
  '| T1 | Migration | ~50 | None | B-1 |',
  '| T2 | Repository | ~150 | T1, T2 | B-2 |',
  '| T3 | Service | ~200 | T2, T12 | B-3 |',
  '',
  '### Task Dependency Graph',
  '',
  '```mermaid',
  'graph LR',
  '    T1[T1: Migration] --> T2[T2: Repository]',
  '```',
);
