import type { Endpoint, SpecModel } from './types';

/** Headings of the API Design section that name an endpoint (`GET /users`, or any level-4 heading). */
export function readEndpoints(model: SpecModel): Endpoint[] {
  const out: Endpoint[] = [];
  const api = model.sections.filter((s) => s.key === 'api-design').map((s) => [s.span.start, s.span.end]);
  for (const h of model.headings) {
    if (h.depth < 3) continue;
    const start = h.span.start;
    if (!api.some(([from, to]) => start >= from && start < to)) continue;
    const text = h.title;
    const looksLikeEndpoint = h.depth >= 4 || /^[A-Za-z]+\s+\//.test(text) || /^(?:#+\s*)?`/.test(model.text.slice(h.heading.start, h.heading.end));
    if (!looksLikeEndpoint) continue;
    const m = /^([A-Za-z]+)\s+(\/\S*)$/.exec(text.trim());
    out.push({ heading: h.heading, text, method: m?.[1], path: m?.[2], span: h.span });
  }
  return out;
}
