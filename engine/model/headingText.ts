// What a heading says once its numbering is set aside: `## 1. Overview`, `## 2) Architecture`,
// `## 3.1 Events`, `## A. Risks`, `## IV. Rollout` count as the section they name; and the names
// teams commonly give a template section (`Launch Plan` for Rollout Plan).

const NUMBERING = /^(?:\d+(?:\.\d+)*[.)]?|[A-Z][.)]|[IVXLC]+[.)])\s+(?=\S)/;

/** Common names of the template's sections, lower case, to the template's title. */
const COMMON_NAMES = new Map([
  ['launch plan', 'Rollout Plan'],
  ['release plan', 'Rollout Plan'],
  ['deployment plan', 'Rollout Plan'],
  ['rollout and launch', 'Rollout Plan'],
  ['implementation plan', 'Task Breakdown'],
  ['work breakdown', 'Task Breakdown'],
  ['risks and mitigation', 'Risks & Mitigations'],
]);

/** The heading text without a leading section number or letter, a common name replaced by the template's. */
export function sectionNameOf(title: string): string {
  const text = title.replace(NUMBERING, '');
  return COMMON_NAMES.get(text.toLowerCase().replace(/&/g, 'and').replace(/\s+/g, ' ').trim()) ?? text;
}
