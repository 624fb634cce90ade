import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { SpecModel } from '../model';
import type { FixData } from '../rule';
import { sectionByKey } from '../template/lookup';
import { action, withEol, type Edit } from './edit';
import { fixOf } from './fixData';

/** Keys of the sections that the diagnostics say are missing and the model agrees are, in template order. */
export function missingKeys(model: SpecModel, diagnostics: Diagnostic[]): string[] {
  const present = new Set(model.sections.map((s) => s.key));
  const wanted = new Set(diagnostics.map((d) => fixOf(d)).flatMap((f) => (f?.kind === 'insertSection' ? [f.sectionKey] : [])));
  return model.schema.sections.filter((s) => wanted.has(s.key) && !present.has(s.key)).map((s) => s.key);
}

/** Insert the one section, and all missing ones when more are. */
export function insertSectionFixes(
  model: SpecModel,
  uri: string,
  d: Diagnostic,
  fix: Extract<FixData, { kind: 'insertSection' }>,
  all: Diagnostic[],
): CodeAction[] {
  const section = sectionByKey(model.schema, fix.sectionKey);
  if (!section || model.sections.some((s) => s.key === section.key)) return [];
  const out = [action(model, uri, `Insert section "## ${section.title}"`, insertSections(model, [section.key]), [d], true)];
  const missing = all.filter((o) => fixOf(o)?.kind === 'insertSection');
  const keys = missingKeys(model, missing);
  if (keys.length > 1) out.push(action(model, uri, `Insert all ${keys.length} missing sections`, insertSections(model, keys), missing));
  return out;
}

const RULE_LINE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** The text before `offset` ends with a thematic break (`---`), blank lines aside. */
function endsWithRule(text: string, offset: number): boolean {
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  const start = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1)) + 1;
  return RULE_LINE.test(text.slice(start, end));
}

/** What to add so that the text before `offset` ends with a blank line (nothing when only white space is before it). */
function blankLineBefore(text: string, offset: number, eol: string): string {
  let breaks = 0;
  let i = offset;
  for (; i > 0 && /\s/.test(text[i - 1]) && breaks < 2; i--) {
    const c = text[i - 1];
    if (c === '\n' || (c === '\r' && text[i] !== '\n')) breaks++;
  }
  if (breaks >= 2 || text.slice(0, i).trim() === '') return '';
  return breaks === 1 ? eol : eol + eol;
}

/**
 * Where the template puts each of `keys`: after the last present section that comes before in
 * template order, else before the first present one that comes after. Offset → keys, in template order.
 */
function placesOf(model: SpecModel, keys: string[]): Map<number, string[]> {
  const order = new Map(model.schema.sections.map((s, i) => [s.key, i]));
  const present = model.sections.filter((s) => s.key !== undefined && order.has(s.key));
  const groups = new Map<number, string[]>();
  for (const key of [...keys].sort((a, b) => order.get(a)! - order.get(b)!)) {
    const i = order.get(key)!;
    const before = present.filter((s) => order.get(s.key!)! < i);
    const after = present.filter((s) => order.get(s.key!)! > i);
    let offset: number;
    if (before.length) offset = Math.max(...before.map((s) => s.span.end));
    else if (after.length) offset = Math.min(...after.map((s) => s.heading.start));
    else offset = model.text.length;
    if (!groups.has(offset)) groups.set(offset, []);
    groups.get(offset)!.push(key);
  }
  return groups;
}

/** Inserts the template skeletons of `keys` where the template puts them; sections that land at the same place share one edit. */
export function insertSections(model: SpecModel, keys: string[]): Edit[] {
  const { text } = model;
  const eol = model.lines.eol;
  // Documents that separate sections with `---` get one between the new sections too.
  const usesRules = model.sections.some((s, i) => i > 0 && endsWithRule(text, s.heading.start));
  const edits: Edit[] = [];
  for (const [offset, group] of placesOf(model, keys)) {
    const bodies = group.map((k) => withEol(model, sectionByKey(model.schema, k)!.skeleton.replace(/\s*(?:\n---\s*)?$/, '')));
    const atEnd = text.slice(offset).trim() === '';
    let insert: string;
    if (atEnd) {
      // Appended: a rule before each new section (unless one is there already), none after the last.
      const empty = text.slice(0, offset).trim() === '';
      const rule = (i: number) => (usesRules && !(i === 0 && (empty || endsWithRule(text, offset))) ? `---${eol}${eol}` : '');
      insert = (empty ? '' : blankLineBefore(text, offset, eol)) + bodies.map((b, i) => rule(i) + b).join(eol + eol) + eol;
    } else {
      const sep = usesRules ? `${eol}${eol}---${eol}${eol}` : eol + eol;
      insert = blankLineBefore(text, offset, eol) + bodies.map((b) => b + sep).join('');
    }
    edits.push({ start: offset, end: offset, text: insert });
  }
  return edits;
}
