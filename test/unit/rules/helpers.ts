// Fixtures and views of diagnostics that several rules' tests share.
import type { Diagnostic } from 'vscode-languageserver-types';
import { at, diagnose, lines, only, taskSpec } from '../helpers';

export const HEADER_CODES = ['TS201', 'TS202', 'TS203', 'TS204', 'TS205', 'TS206'];

export const header = (text: string, today?: string) => only(diagnose(text, {}, today), ...HEADER_CODES);

/** A spec whose header lines are given (null leaves the field out); header fields are lines 2-5. */
export function headerSpec(fields: { status?: string | null; author?: string | null; prd?: string | null; date?: string | null } = {}): string {
  const f = { status: 'Draft', author: 'Ana Lima', prd: '[PRD](https://example.com/prd/1)', date: '2026-11-20', ...fields };
  return lines(
    '# Technical Spec: Payments',
    '',
    ...(f.status === null ? [] : [`> **Status**: ${f.status}`]),
    ...(f.author === null ? [] : [`> **Author**: ${f.author}`]),
    ...(f.prd === null ? [] : [`> **PRD Link**: ${f.prd}`]),
    ...(f.date === null ? [] : [`> **Last Updated**: ${f.date}`]),
    '',
    '## Overview',
    '',
    'Text.',
  );
}

export const HEAD = [
  '# Technical Spec: X',
  '',
  '> **Status**: Approved',
  '> **Author**: Ana',
  '> **PRD Link**: https://x.example/prd',
  '> **Last Updated**: 2026-11-20',
  '',
];

/** Lines under "### New Endpoints"; the first given line is line 5. */
export const api = (...body: string[]) => lines('# Technical Spec: X', '', '## API Design', '', '### New Endpoints', ...body);

export const codes = (text: string, ...c: string[]) => only(diagnose(text), ...c);

/** A spec with the given level-2 headings, each with one line of body; heading i is on line 2 + 3i. */
export const withSections = (...titles: string[]) => lines('# Technical Spec: X', '', ...titles.flatMap((t) => [`## ${t}`, 'Body.', '']));

/** The Task Breakdown and dependency graph rules: TS4xx and TS5xx. */
export const TASK_CODE = /^TS[45]\d\d$/;

/** A spec whose Task Breakdown table (header on line 4) has these rows, from line 6 on; no graph. */
export const tasksSpec = (...rows: string[]) => taskSpec('Tasks', rows);

export const R1 = '| T1 | Migrate | ~50 | None | J-1 |';

export const R2 = '| T2 | Repo | ~150 | T1 | J-2 |';

/** Table header on line 4, rows from line 6; with the default rows the graph's first line is line 15. */
export const graphSpec = (rows: string[], graph?: string[]) => taskSpec('Graph', rows, graph);

export const ROWS = ['| T1 | Migrate | ~50 | None | |', '| T2 | Repo | ~150 | T1 | |', '| T3 | Service | ~200 | T1, T2 | |', '| T4 | API | ~100 | T3 | |'];

/** `code [line, char, endLine, endChar] message` of each diagnostic, for whole-result assertions. */
export const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${JSON.stringify(at(d))} ${d.message}`);

export const related = (d: Diagnostic) =>
  d.relatedInformation?.map((r) => [
    r.location.range.start.line,
    r.location.range.start.character,
    r.location.range.end.line,
    r.location.range.end.character,
    r.message,
  ]);
