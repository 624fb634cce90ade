import { TEMPLATE_TEXT } from './templateText';

export interface TemplateSection {
  /** Stable key used in diagnostics data and settings. */
  key: string;
  /** The heading text as the template writes it. */
  title: string;
  /** Normalized heading texts that count as this section. */
  aliases: string[];
  /** The template's text for this section: heading, body and the trailing rule. */
  skeleton: string;
}

const SECTION_KEYS: [key: string, title: string, aliases: string[]][] = [
  ['overview', 'Overview', ['summary']],
  ['architecture', 'Architecture', []],
  ['data-model', 'Data Model', []],
  ['api-design', 'API Design', ['api']],
  ['task-breakdown', 'Task Breakdown', ['tasks']],
  ['security', 'Security Considerations', ['security']],
  ['performance', 'Performance Considerations', ['performance']],
  ['testing', 'Testing Strategy', ['testing', 'test plan', 'test strategy']],
  ['rollout', 'Rollout Plan', ['rollout']],
  ['risks', 'Risks & Mitigations', ['risks', 'risks and mitigations']],
  ['open-questions', 'Open Questions / Decisions Needed', ['open questions', 'decisions needed', 'open questions and decisions needed']],
  ['references', 'References', []],
];

/** Lower case, `&` as "and", punctuation dropped, white space folded. */
export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function skeletons(): Map<string, string> {
  const out = new Map<string, string>();
  const parts = TEMPLATE_TEXT.split(/^(?=## )/m).slice(1);
  for (const part of parts) {
    const title = part.slice(3, part.indexOf('\n')).trim();
    out.set(normalizeHeading(title), part.endsWith('\n') ? part : part + '\n');
  }
  return out;
}

const skeletonByTitle = skeletons();

export const TEMPLATE_SECTIONS: TemplateSection[] = SECTION_KEYS.map(([key, title, aliases]) => {
  const skeleton = skeletonByTitle.get(normalizeHeading(title));
  if (!skeleton) throw new Error(`template has no section ${title}`);
  return { key, title, aliases: [normalizeHeading(title), ...aliases.map(normalizeHeading)], skeleton };
});

export function templateSectionFor(headingText: string): TemplateSection | undefined {
  const n = normalizeHeading(headingText);
  return TEMPLATE_SECTIONS.find((s) => s.aliases.includes(n));
}

export function templateSection(key: string): TemplateSection | undefined {
  return TEMPLATE_SECTIONS.find((s) => s.key === key);
}

export const STATUS_VALUES = ['Draft', 'In Review', 'Approved'] as const;
export const RISK_LEVELS = ['Low', 'Med', 'High'] as const;
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT'] as const;

/** The template's own placeholder texts: flagged even inside code blocks. */
export const TEMPLATE_PLACEHOLDERS = new Set(
  [...TEMPLATE_TEXT.matchAll(/\[([^\]\n]+)\](?![(\[])/g)].map((m) => m[1]).filter((inner) => !/^[ xX]$/.test(inner) && !/^T\d+:/.test(inner)),
);
