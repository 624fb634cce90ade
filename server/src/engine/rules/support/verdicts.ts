/**
 * Which items of a list pass a test, carried from one version of a document to the next. The model
 * memo hands back the same object for an item whose text did not change, so when the test depends on
 * nothing but the item's own content (and its group's head, and one parameter), an item seen in the
 * last version keeps its verdict. Each version compares the two lists' item identities from both
 * ends, without reading the items, and tests only what lies between the common prefix and suffix.
 *
 * Grouped lists (table rows under their header) mark each group's head: `heads[i]` is the index of
 * item i's head, i itself for a head. An item is tested together with its head.
 */
export class Verdicts<T extends object, P = undefined> {
  private items: readonly T[] = [];
  private heads: Int32Array | undefined;
  private param: P | undefined;
  private hits: number[] = [];

  constructor(private readonly test: (item: T, head: T | undefined, param: P) => boolean) {}

  /** Indexes of the items that pass the test, in order. The result is shared: do not change it. */
  passing(items: readonly T[], param: P, heads?: Int32Array): readonly number[] {
    const old = this.items;
    if (items === old && heads === this.heads && param === this.param) return this.hits;
    const n = items.length;
    const m = old.length;
    const { p, s } = param === this.param && !heads === !this.heads ? common(old, this.heads, items, heads) : { p: 0, s: 0 };
    const newEnd = n - s;
    const oldEnd = m - s;
    const hits: number[] = [];
    for (const h of this.hits) {
      if (h >= p) break;
      hits.push(h);
    }
    for (let i = p; i < newEnd; i++) if (this.test(items[i], heads ? items[heads[i]] : undefined, param)) hits.push(i);
    const shift = n - m;
    for (const h of this.hits) if (h >= oldEnd) hits.push(h + shift);
    this.items = items;
    this.heads = heads;
    this.param = param;
    this.hits = hits;
    return hits;
  }
}

interface Comparison {
  old: readonly object[];
  oldHeads: Int32Array | undefined;
  items: readonly object[];
  heads: Int32Array | undefined;
  /** Items in common at the start, and at the end (where a suffix item's head may have changed, none). */
  p: number;
  s: number;
}

/** The last few comparisons: every rule over the same list compares the same two versions of it. */
const recent: Comparison[] = [];
const RECENT = 4;

function common(old: readonly object[], oldHeads: Int32Array | undefined, items: readonly object[], heads: Int32Array | undefined): Comparison {
  for (const c of recent) if (c.items === items && c.old === old && c.heads === heads && c.oldHeads === oldHeads) return c;
  const n = items.length;
  const m = old.length;
  const limit = Math.min(n, m);
  let p = 0;
  let s = 0;
  if (heads && oldHeads) {
    while (p < limit && items[p] === old[p] && (heads[p] === p) === (oldHeads[p] === p)) p++;
    while (s < limit - p && items[n - 1 - s] === old[m - 1 - s] && (heads[n - 1 - s] === n - 1 - s) === (oldHeads[m - 1 - s] === m - 1 - s)) s++;
    // A suffix item keeps its head unless a head came or went in between: then the suffix's items
    // up to its first head are tested again.
    if (hasHead(oldHeads, p, m - s) || hasHead(heads, p, n - s)) {
      let j = n - s;
      while (j < n && heads[j] !== j) j++;
      s = n - j;
    }
  } else {
    while (p < limit && items[p] === old[p]) p++;
    while (s < limit - p && items[n - 1 - s] === old[m - 1 - s]) s++;
  }
  const c = { old, oldHeads, items, heads, p, s };
  recent.unshift(c);
  recent.length = Math.min(recent.length, RECENT);
  return c;
}

function hasHead(heads: Int32Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (heads[i] === i) return true;
  return false;
}
