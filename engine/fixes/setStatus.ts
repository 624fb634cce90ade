import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { HeaderField, SpecModel } from '../model';
import { backTo, isReadyStatus } from '../template/lookup';
import { levenshtein } from '../text';
import { action } from './edit';

/** One action per other Status value, or per value to add when the header has no Status. */
export function setStatusFixes(model: SpecModel, uri: string, d: Diagnostic): CodeAction[] {
  const status = model.header.status;
  return status ? changeStatus(model, uri, d, status) : addStatus(model, uri, d);
}

function changeStatus(model: SpecModel, uri: string, d: Diagnostic, status: HeaderField): CodeAction[] {
  const values = model.schema.status?.values ?? [];
  if (!values.length) return [];
  const current = status.value.toLowerCase();
  const closest = values.map((v) => ({ v, dist: levenshtein(current, v.toLowerCase()) })).sort((a, b) => a.dist - b.dist)[0];
  // Ready too early (placeholders, open questions) goes back a step; a typo to its value.
  let preferred: string = isReadyStatus(model.schema, status.value)
    ? backTo(model.schema)
    : closest.dist <= Math.floor(closest.v.length / 2)
      ? closest.v
      : values[0];
  if (preferred === status.value) preferred = '';
  const { start, end } = status.valueSpan;
  const space = status.value === '' && model.text[start - 1] === ':' ? ' ' : '';
  return values
    .filter((v) => v !== status.value)
    .map((v) => action(model, uri, `Set ${model.schema.status!.label} to ${v}`, [{ start, end, text: space + v }], [d], v === preferred));
}

function addStatus(model: SpecModel, uri: string, d: Diagnostic): CodeAction[] {
  const values = model.schema.status?.values ?? [];
  const label = model.schema.status?.label ?? 'Status';
  const eol = model.lines.eol;
  const fields = Object.values(model.header);
  const quoted = fields.length === 0 || fields.some((f) => /^\s*>/.test(model.text.slice(f.lineSpan.start, f.lineSpan.end)));
  const line = (v: string) => `${quoted ? '> ' : ''}**${label}**: ${v}`;
  let at: number;
  let make: (v: string) => string;
  if (model.headerAnchor && fields.length) {
    at = model.headerAnchor.start;
    make = (v) => eol + line(v);
  } else if (model.headerAnchor) {
    at = model.headerAnchor.start;
    make = (v) => eol + eol + line(v);
  } else {
    at = 0;
    make = (v) => line(v) + eol + eol;
  }
  return values.map((v) => action(model, uri, `Add ${label}: ${v}`, [{ start: at, end: at, text: make(v) }], [d], v === values[0]));
}
