import { Comparisons, Verdicts } from './verdicts';

/** Texts a text memo holds before it forgets them all (a document's heading titles are far fewer). */
const MAX_TEXTS = 1 << 14;

interface Remembered {
  deps: readonly unknown[];
  value: unknown;
}

/**
 * Everything rules keep from one version of a document to the next, in one place: one cache per
 * document, handed to every rule in its RuleContext. The model memo gives an unchanged part of the
 * document the same object in the next version, so what is computed from such parts is found again
 * by their identity; a keystroke in a 20,000-task spec then costs the rules little more than the
 * part that changed.
 *
 * Three ways to remember:
 * - `passing`: which items of a list pass a test, carried over for the items that did not change;
 * - `remember`: a value derived from one object (a model, or a part the model memo keeps), while
 *   that object lives and its other inputs are the same;
 * - `byText`: a value computed from a string alone.
 * Each is keyed by a slot that names what is computed (a rule's test function, or a string), so
 * that rules never share an entry by accident.
 */
export class RuleCache {
  private readonly comparisons = new Comparisons();
  private readonly verdicts = new Map<Function, Verdicts<object, unknown>>();
  private readonly derived = new Map<string, WeakMap<object, Remembered>>();
  private readonly texts = new Map<Function, Map<string, unknown>>();

  /**
   * Indexes of the items that pass `test`, in order (see Verdicts). `test` may read nothing but the
   * item, its group's head (for grouped lists, whose group starts are `starts`) and `param`. The
   * result is shared: do not change it.
   */
  passing<T extends object, P = undefined>(
    test: (item: T, head: T | undefined, param: P) => boolean,
    items: readonly T[],
    param: P,
    starts?: readonly number[],
  ): readonly number[] {
    let verdicts = this.verdicts.get(test) as Verdicts<T, P> | undefined;
    if (!verdicts) {
      verdicts = new Verdicts(test, this.comparisons);
      this.verdicts.set(test, verdicts as unknown as Verdicts<object, unknown>);
    }
    return verdicts.passing(items, param, starts);
  }

  /**
   * `compute()`, kept while `key` lives and `deps` are the same (compared with ===). `compute` may
   * read only `key`, `deps` and what they determine. The result is shared: do not change it.
   */
  remember<T>(slot: string, key: object, deps: readonly unknown[], compute: () => T): T {
    let byKey = this.derived.get(slot);
    if (!byKey) this.derived.set(slot, (byKey = new WeakMap()));
    const kept = byKey.get(key);
    if (kept && kept.deps.length === deps.length && kept.deps.every((d, i) => d === deps[i])) return kept.value as T;
    const value = compute();
    byKey.set(key, { deps, value });
    return value;
  }

  /** `compute(text)`, remembered by the text: for texts that each version brings anew but mostly repeats. */
  byText<T>(compute: (text: string) => T, text: string): T {
    let known = this.texts.get(compute) as Map<string, T> | undefined;
    if (!known) this.texts.set(compute, (known = new Map()));
    if (known.has(text)) return known.get(text)!;
    if (known.size >= MAX_TEXTS) known.clear();
    const value = compute(text);
    known.set(text, value);
    return value;
  }
}
