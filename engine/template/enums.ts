// Enumerated values as authors write them: any case, and the common short and long forms.

/** Words that mean the same level or answer, lower case; each group's members match each other. */
const SYNONYMS: string[][] = [
  ['med', 'medium', 'mid', 'moderate'],
  ['high', 'hi'],
  ['low', 'lo'],
  ['critical', 'crit'],
  ['yes', 'y'],
  ['no', 'n'],
  ['in review', 'review', 'under review', 'in-review'],
  ['wip', 'work in progress', 'in progress'],
];

const groupOf = new Map<string, number>();
SYNONYMS.forEach((group, i) => group.forEach((w) => groupOf.set(w, i)));

const fold = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The allowed value `value` stands for (same text in any case, or a synonym), or undefined. */
export function matchEnum(value: string, allowed: readonly string[]): string | undefined {
  const v = fold(value);
  const exact = allowed.find((a) => fold(a) === v);
  if (exact !== undefined) return exact;
  const group = groupOf.get(v);
  if (group === undefined) return undefined;
  return allowed.find((a) => groupOf.get(fold(a)) === group);
}

/** The allowed values `value` names as words (a cell that lists several: `Low/Med`). */
export function enumWordsIn(value: string, allowed: readonly string[]): string[] {
  const words = value.split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  const found: string[] = [];
  for (const a of allowed) {
    const hit = words.some((w) => matchEnum(w, [a]) !== undefined) || (a.includes(' ') && fold(value).includes(fold(a)));
    if (hit) found.push(a);
  }
  return found;
}
