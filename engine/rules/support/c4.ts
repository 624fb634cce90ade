import { c4Diagrams } from '../../c4';
import type { RuleScope } from '../../rule';

/** The document's C4 diagrams, parsed once per model for all the C4 rules. */
export function c4DiagramsOf({ model, cache }: RuleScope): ReturnType<typeof c4Diagrams> {
  return cache.remember('c4-diagrams', model, [], () => c4Diagrams(model));
}
