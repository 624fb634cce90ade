// Enumerations as authors write them: any case, and common synonyms (`Medium` for `Med`).

/** Common synonyms of the template's values, lower case. */
const SYNONYMS: Record<string, readonly string[]> = {
  low: ['lo', 'minor'],
  med: ['medium', 'mid', 'moderate'],
  high: ['hi', 'major'],
};

/** The allowed value `value` stands for, ignoring case and accepting common synonyms; undefined when none. */
export function enumValue<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  const v = value.trim().toLowerCase();
  return allowed.find((a) => {
    const key = a.toLowerCase();
    return key === v || SYNONYMS[key]?.includes(v);
  });
}
