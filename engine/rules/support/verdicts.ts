/**
 * Which items of a list pass a test, carried from one version of a document to the next. The model
 * memo hands back the same object for an item whose text did not change, so when the test depends on
 * nothing but the item's own content (and its group's head, and one parameter), an item seen in the
 * last version keeps its verdict. Each version compares the two lists' item identities from both
 * ends, without reading the items, and tests only what lies between the common prefix and suffix.
 *
 * Grouped lists (table rows under their header) give the indexes where groups start, ascending; the
 * item there is the group's head, and every item is tested together with its head.
 *
 * Rules do not make these themselves: RuleCache.passing keeps one per test for the document.
 */
export class Verdicts<T extends object, P = undefined> {
  private items: readonly T[] = [];
  private starts: readonly number[] | undefined;
  private param: P | undefined;
  private hits: number[] = [];

  constructor(
    private readonly test: (item: T, head: T | undefined, param: P) => boolean,
    private readonly comparisons: Comparisons,
  ) {}

  /** Indexes of the items that pass the test, in order. The result is shared: do not change it. */
  passing(items: readonly T[], param: P, starts?: readonly number[]): readonly number[] {
    const old = this.items;
    if (items === old && starts === this.starts && param === this.param) return this.hits;
    const n = items.length;
    const m = old.length;
    const { p, s } = param === this.param && !starts === !this.starts ? this.comparisons.compare(old, this.starts, items, starts) : { p: 0, s: 0 };
    const newEnd = n - s;
    const oldEnd = m - s;
    const hits: number[] = [];
    for (const h of this.hits) {
      if (h >= p) break;
      hits.push(h);
    }
    for (let i = p; i < newEnd; i++) if (this.test(items[i], starts ? items[starts[groupOf(starts, i)]] : undefined, param)) hits.push(i);
    const shift = n - m;
    for (const h of this.hits) if (h >= oldEnd) hits.push(h + shift);
    this.items = items;
    this.starts = starts;
    this.param = param;
    this.hits = hits;
    return hits;
  }
}

/** The index into `starts` of the group item `i` is in (-1 before the first group). */
export function groupOf(starts: readonly number[], i: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

interface Comparison {
  old: readonly object[];
  oldStarts: readonly number[] | undefined;
  items: readonly object[];
  starts: readonly number[] | undefined;
  /** Items in common at the start, and at the end, with the same heads. */
  p: number;
  s: number;
}

/** The last few comparisons of two versions of a list: every rule over the same list compares the same two. */
export class Comparisons {
  private readonly recent: Comparison[] = [];

  compare(old: readonly object[], oldStarts: readonly number[] | undefined, items: readonly object[], starts: readonly number[] | undefined): Comparison {
    for (const c of this.recent) if (c.items === items && c.old === old && c.starts === starts && c.oldStarts === oldStarts) return c;
    const c = common(old, oldStarts, items, starts);
    this.recent.unshift(c);
    this.recent.length = Math.min(this.recent.length, RECENT);
    return c;
  }
}

const RECENT = 4;

function common(old: readonly object[], oldStarts: readonly number[] | undefined, items: readonly object[], starts: readonly number[] | undefined): Comparison {
  const n = items.length;
  const m = old.length;
  const limit = Math.min(n, m);
  let p = 0;
  let s = 0;
  while (p < limit && items[p] === old[p]) p++;
  while (s < limit - p && items[n - 1 - s] === old[m - 1 - s]) s++;
  if (starts && oldStarts) {
    // The prefix ends at the first group start the two lists do not share.
    for (let k = 0; k < Math.max(starts.length, oldStarts.length); k++) {
      const a = k < starts.length ? starts[k] : n;
      const b = k < oldStarts.length ? oldStarts[k] : m;
      if (Math.min(a, b) >= p) break;
      if (a !== b) {
        p = Math.min(a, b);
        break;
      }
    }
    // The suffix keeps its items' heads when the group starts in it are the same, counted from the
    // ends, and no group starts in between (in either list): its items before its first group start
    // have their head before the suffix, the same in both. Otherwise it starts at its first shared head.
    let i = starts.length - 1;
    let j = oldStarts.length - 1;
    let shared = 0;
    let same = true;
    for (;;) {
      const a = i >= 0 && starts[i] >= n - s ? n - starts[i] : 0;
      const b = j >= 0 && oldStarts[j] >= m - s ? m - oldStarts[j] : 0;
      if (!a && !b) break;
      if (a !== b) {
        same = false;
        break;
      }
      shared = a;
      i--;
      j--;
    }
    if (!same || startsWithin(starts, p, n - s) || startsWithin(oldStarts, p, m - s)) s = shared;
  }
  return { old, oldStarts, items, starts, p, s };
}

function startsWithin(starts: readonly number[], from: number, to: number): boolean {
  const k = groupOf(starts, to - 1);
  return k >= 0 && starts[k] >= from;
}
