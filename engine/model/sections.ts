import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Section, Span, SpecModel } from './types';
import { sectionFor } from '../template/lookup';
import { sectionNameOf } from './headingText';

/** Heading texts by node: a node the incremental parser keeps keeps its text. */
const headingTitles = new WeakMap<Heading, string>();

export function headingTitle(h: Heading): string {
  let title = headingTitles.get(h);
  if (title === undefined) headingTitles.set(h, (title = toString(h).trim()));
  return title;
}

/** Adds the headings, the level-2 sections and the title of `headings` (the top-level ones, in order) to the model. */
export function readSections(model: SpecModel, headings: Heading[], span: (start: number, end: number) => Span): void {
  // The next heading of the same or a higher level, for each heading (a stack, not a scan per heading).
  const nextOf: (Heading | undefined)[] = new Array(headings.length);
  for (let i = headings.length - 1, stack: Heading[] = []; i >= 0; i--) {
    while (stack.length && stack[stack.length - 1].depth > headings[i].depth) stack.pop();
    nextOf[i] = stack[stack.length - 1];
    stack.push(headings[i]);
  }
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    const next = nextOf[i];
    const start = h.position!.start.offset!;
    const end = next ? next.position!.start.offset! : model.text.length;
    const title = headingTitle(h);
    const heading = span(start, h.position!.end.offset!);
    const section: Section = { title, depth: h.depth, heading, span: span(start, end) };
    if (h.depth === 2) section.key = (sectionFor(model.schema, sectionNameOf(title)) ?? sectionFor(model.schema, title))?.key;
    model.headings.push(section);
    if (h.depth === 2) model.sections.push(section);
    if (h.depth === 1 && !model.title) model.title = { text: title, span: span(start, h.position!.end.offset!) };
  }
}

/** The last of `list` (in document order) starting at or before `offset`: a binary search. */
function lastAtOrBefore(list: Section[], start: (s: Section) => number, offset: number): Section | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (start(list[mid]) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo ? list[lo - 1] : undefined;
}

/** The level-2 section holding `offset`. */
export function sectionAt(model: SpecModel, offset: number): Section | undefined {
  const found = lastAtOrBefore(model.sections, (s) => s.span.start, offset);
  return found && offset < found.span.end ? found : undefined;
}

/** The nearest heading starting at or before `offset`. */
export function headingAbove(model: SpecModel, offset: number): Section | undefined {
  return lastAtOrBefore(model.headings, (h) => h.heading.start, offset);
}
