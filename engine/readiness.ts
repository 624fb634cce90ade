// Readiness: what stands between a spec and review, for the status bar: its errors, missing
// sections, open questions, placeholders and an absent or invalid Status.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { SpecModel } from './model';

export type ReadinessKind = 'error' | 'missing-section' | 'open-question' | 'placeholder' | 'status';

export interface ReadinessProblem {
  kind: ReadinessKind;
  /** One line saying what it is. */
  message: string;
  range: Range;
}

export interface Readiness {
  /** The Status as written, or null when there is none. */
  status: string | null;
  ready: boolean;
  /** The status bar's text, with its codicon: `$(checklist) Draft · 2 errors · 3 open questions` or `$(pass) Ready for review`. */
  text: string;
  /** In the order the text counts them. */
  problems: ReadinessProblem[];
}

/** Rules whose findings have a kind of their own; every other error counts as an error. */
const KIND_OF_RULE: Record<string, ReadinessKind> = {
  'missing-section': 'missing-section',
  placeholder: 'placeholder',
  'status-missing': 'status',
  'status-invalid': 'status',
};

const ORDER: ReadinessKind[] = ['error', 'missing-section', 'open-question', 'placeholder', 'status'];
const NOUN: Record<Exclude<ReadinessKind, 'status'>, [string, string]> = {
  error: ['error', 'errors'],
  'missing-section': ['missing section', 'missing sections'],
  'open-question': ['open question', 'open questions'],
  placeholder: ['placeholder', 'placeholders'],
};
/** Counts the status bar shows at most (short text); the problems of the other kinds are summed up as "+N more". */
const MAX_PARTS = 2;
const MAX_STATUS_LENGTH = 24;

const ruleOf = (d: Diagnostic) => (d.data as { rule?: unknown } | undefined)?.rule;
const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

/** The readiness of a spec from its model and the diagnostics its settings gave (rules turned off do not count). */
export function readinessOf(model: SpecModel, diagnostics: readonly Diagnostic[]): Readiness {
  const problems: ReadinessProblem[] = [];
  for (const d of diagnostics) {
    const rule = ruleOf(d);
    const kind = typeof rule === 'string' ? KIND_OF_RULE[rule] : undefined;
    if (kind) problems.push({ kind, message: messageOf(d), range: d.range });
    else if (d.severity === DiagnosticSeverity.Error) problems.push({ kind: 'error', message: messageOf(d), range: d.range });
  }
  for (const c of model.checkboxes) {
    if (c.sectionKey === 'open-questions' && !c.checked)
      problems.push({ kind: 'open-question', message: c.text.trim() || '(empty question)', range: c.span.range });
  }
  problems.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.range.start.line - b.range.start.line);

  const written = (model.header.status?.value ?? model.frontMatter.status ?? '').trim();
  const status = written || null;
  const shownStatus = !status ? 'No status' : status.length > MAX_STATUS_LENGTH ? `${status.slice(0, MAX_STATUS_LENGTH - 1)}…` : status;
  if (!problems.length) {
    return { status, ready: true, text: status === 'Approved' ? '$(pass) Approved' : '$(pass) Ready for review', problems };
  }
  const parts: { text: string; count: number }[] = [];
  for (const kind of ORDER) {
    if (kind === 'status') continue;
    const n = problems.filter((p) => p.kind === kind).length;
    if (n) parts.push({ text: `${n} ${NOUN[kind][n === 1 ? 0 : 1]}`, count: n });
  }
  const shown = parts.slice(0, MAX_PARTS).map((p) => p.text);
  const rest = parts.slice(MAX_PARTS).reduce((sum, p) => sum + p.count, 0);
  if (rest) shown.push(`+${rest} more`);
  return { status, ready: false, text: ['$(checklist) ' + shownStatus, ...shown].join(' · '), problems };
}
