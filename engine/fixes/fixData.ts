import type { Diagnostic } from 'vscode-languageserver-types';
import type { DiagnosticData, FixData, FixKind } from '../rule';
import { RULES } from '../rules';

/** Fix kinds that need nothing but the diagnostic's range. */
const NEEDS_NO_DATA: ReadonlySet<FixKind> = new Set(['setStatus', 'removeDependency', 'regenerateGraph', 'formatTable', 'breakCycle', 'removeInvisible']);

/** By rule name: the fix its findings get when they carry none (its one fix kind, when that needs no data). */
const IMPLIED = new Map(RULES.flatMap((r) => (r.fixes?.length === 1 && NEEDS_NO_DATA.has(r.fixes[0]) ? [[r.name, { kind: r.fixes[0] } as FixData]] : [])));

function dataOf(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as DiagnosticData | undefined;
  return data && typeof data === 'object' && typeof data.rule === 'string' ? data : undefined;
}

/** The fix a diagnostic offers, if any. */
export function fixOf(d: Diagnostic): FixData | undefined {
  const data = dataOf(d);
  return data?.fix ?? (data ? IMPLIED.get(data.rule) : undefined);
}
