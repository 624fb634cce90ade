export { LineIndex } from './model/types';

/** A copy that holds no reference to the (large) string it was sliced from. */
export const detach = (s: string): string => (' ' + s).slice(1);

/** Natural order: T2 before T10 (one collator, shared by every comparison). */
export const compareNatural: (a: string, b: string) => number = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

/** The edit distance of `a` and `b` when it is at most `max`; otherwise some number above `max` (it stops early). */
/** Whether `b` is `a` with two neighbouring characters swapped (`T21` and `T12`). */
export function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2) && a[i] !== a[i + 1];
}

export function levenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    let rowMin = row[0];
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
      if (row[j] < rowMin) rowMin = row[j];
    }
    // Values along a row never drop later on: past the bound now means past it at the end.
    if (rowMin > max) return max + 1;
  }
  return row[b.length];
}
