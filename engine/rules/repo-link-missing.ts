import type { Finding, Rule } from '../rule';
import { repoLinks } from './support/repoLinks';

/** Links checked per analysis at most: each is one question to the host's file system. */
const MAX_CHECKED = 200;

export const repoLinkMissing: Rule = {
  code: 'TS1103',
  name: 'repo-link-missing',
  defaultSeverity: 'warning',
  description: 'A link to a repository path (a markdown link, or a path in a code span as PRD Link or under References) names no file in the workspace.',
  help: "Fix the path (it is relative to the spec's folder), or add the file it names.",
  check(ctx) {
    const { model, host, uri } = ctx;
    if (!host.fileExists) return [];
    const out: Finding[] = [];
    for (const link of repoLinks(ctx).slice(0, MAX_CHECKED)) {
      let path = link.path;
      try {
        path = decodeURIComponent(path);
      } catch {
        // Not percent-encoding after all: the path as written.
      }
      if (host.fileExists(path, uri) !== false) continue;
      out.push({
        range: model.lines.range(link.start, link.end),
        message: `No file "${link.path}" in the workspace (the path is relative to this spec's folder). Fix the path, or add the file.`,
      });
    }
    return out;
  },
};
