import type { Section } from '../model';
import type { Rule } from '../rule';
import { sectionOrder as templateOrder } from '../template/lookup';
import { headingTextRange } from './support/markdown';

/** Indexes (into `ranks`) of a longest strictly increasing subsequence, preferring the earliest positions. */
function longestIncreasing(ranks: number[]): Set<number> {
  const n = ranks.length;
  // best[i]: length of the longest increasing run starting at i; built from the end so ties keep early items.
  const best = new Array<number>(n).fill(1);
  const next = new Array<number>(n).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) {
      if (ranks[j] > ranks[i] && best[j] + 1 > best[i]) {
        best[i] = best[j] + 1;
        next[i] = j;
      }
    }
  }
  let start = -1;
  for (let i = 0; i < n; i++) if (start < 0 || best[i] > best[start]) start = i;
  const keep = new Set<number>();
  for (let i = start; i >= 0; i = next[i]) keep.add(i);
  return keep;
}

export const sectionOrder: Rule = {
  code: 'TS102',
  name: 'section-order',
  defaultSeverity: 'information',
  description: "Template sections are not in the template's order.",
  help: "Move the sections into the template's order.",
  check({ model, schema }) {
    const order = templateOrder(schema);
    // First occurrence of each template section; repeats are duplicate-section's business.
    const seen = new Set<string>();
    const placed: Section[] = [];
    for (const s of model.sections) {
      if (!s.key || seen.has(s.key) || !order.has(s.key)) continue;
      seen.add(s.key);
      placed.push(s);
    }
    const ranks = placed.map((s) => order.get(s.key!)!);
    // The fewest sections to move: everything outside one longest in-order run.
    const keep = longestIncreasing(ranks);
    const findings = [];
    for (let i = 0; i < placed.length; i++) {
      if (keep.has(i)) continue;
      const kept = [...keep].sort((a, b) => a - b);
      const before = kept.find((k) => ranks[k] > ranks[i]);
      const after = [...kept].reverse().find((k) => ranks[k] < ranks[i]);
      const where = before !== undefined ? `before "## ${placed[before].title}"` : `after "## ${placed[after!].title}"`;
      findings.push({
        range: headingTextRange(model, placed[i].heading),
        message: `"${placed[i].title}" is out of the template's order: move it ${where}.`,
      });
    }
    return findings;
  },
};
