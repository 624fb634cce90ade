// The plain report formats: stylish (for people), json, github (workflow annotations) and junit.
import type { Diagnostic } from 'vscode-languageserver-types';
import { rules } from '../../engine';
import type { FileReport } from './lintFile';

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'] as const;
const ruleName = new Map(rules.map((r) => [r.code, r.name]));

export function severityName(d: Diagnostic): (typeof SEVERITY)[number] {
  return SEVERITY[d.severity ?? 1];
}

export function codeOf(d: Diagnostic): string {
  return String(d.code ?? '');
}

/** The message as plain text (LSP 3.18 allows markup there too). */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** `file:line:col severity code message`, 1-based; coloured only when asked (a TTY). */
export function stylish(reports: readonly FileReport[], color: boolean): string {
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const colours = { error: 31, warning: 33, info: 36, hint: 90, '': 0 };
  const out: string[] = [];
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const where = `${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const severity = severityName(d);
      out.push(`${paint(1, where)} ${paint(colours[severity], severity)} ${paint(90, codeOf(d))} ${messageOf(d)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

export function json(reports: readonly FileReport[]): string {
  const files = reports.map((r) => ({
    file: r.path,
    ...(r.error ? { error: r.error } : {}),
    problems: r.diagnostics.map((d) => ({
      code: codeOf(d),
      rule: ruleName.get(codeOf(d)) ?? null,
      severity: severityName(d),
      message: messageOf(d),
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      related: (d.relatedInformation ?? []).map((i) => ({
        file: i.location.uri,
        line: i.location.range.start.line + 1,
        column: i.location.range.start.character + 1,
        message: i.message,
      })),
    })),
  }));
  return JSON.stringify(files, null, 2) + '\n';
}

/** GitHub workflow commands: one `::error`/`::warning`/`::notice` annotation per problem. */
export function github(reports: readonly FileReport[]): string {
  const command = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice', '': 'error' };
  const out: string[] = [];
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const props = [
        `file=${escapeProperty(r.path)}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(codeOf(d))}`,
      ];
      out.push(`::${command[severityName(d)]} ${props.join(',')}::${escapeData(messageOf(d))}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** JUnit XML: a test case per file, failing with its errors and warnings. */
export function junit(reports: readonly FileReport[]): string {
  const cases = reports.map((r) => {
    const problems = r.diagnostics.map(
      (d) => `${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d)} ${codeOf(d)} ${messageOf(d)}`,
    );
    if (r.error) problems.unshift(r.error);
    const body = problems.length
      ? `\n      <failure message="${xml(`${problems.length} problem(s)`)}" type="techspec">${xml(problems.join('\n'))}</failure>\n    `
      : '';
    return `    <testcase classname="techspec" name="${xml(r.path)}">${body}</testcase>`;
  });
  const failures = reports.filter((r) => r.diagnostics.length || r.error).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="techspec" tests="${reports.length}" failures="${failures}">`,
    `  <testsuite name="techspec" tests="${reports.length}" failures="${failures}" errors="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
