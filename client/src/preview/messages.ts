// Validation of what the preview webview posts: its script is untrusted, so nothing is taken on faith.
import type { FromPreviewMessage, Plan, PlanStatus } from '../../../protocol';

/** Larger drawings than this are refused rather than written. */
export const MAX_SVG_LENGTH = 50_000_000;

/** A search result names at most this many tasks, each at most this long; longer ones are refused. */
const MAX_IDS = 1_000_000;
const MAX_ID_LENGTH = 10_000;

const STATUSES: readonly PlanStatus[] = ['ok', 'not-spec', 'no-task-breakdown', 'empty-table'];

/** The message if it has the shape the protocol declares, else undefined. */
export function parsePreviewMessage(raw: unknown): FromPreviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  const svg = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_SVG_LENGTH && /^<svg[\s>]/.test(v);
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return typeof m.id === 'string' ? { type: 'reveal', id: m.id } : undefined;
    case 'exportSvg':
      return svg(m.svg) ? { type: 'exportSvg', svg: m.svg } : undefined;
    case 'svg':
      return Number.isInteger(m.requestId) && svg(m.svg) ? { type: 'svg', requestId: m.requestId as number, svg: m.svg } : undefined;
    case 'rendered':
      if (typeof m.uri !== 'string' || !Number.isInteger(m.version) || !STATUSES.includes(m.status as PlanStatus)) return undefined;
      if (!Number.isInteger(m.nodes) || typeof m.ms !== 'number') return undefined;
      return { type: 'rendered', uri: m.uri, version: m.version as number, status: m.status as PlanStatus, nodes: m.nodes as number, ms: m.ms };
    case 'searched': {
      const ids = (v: unknown): v is string[] => Array.isArray(v) && v.length <= MAX_IDS && v.every((x) => typeof x === 'string' && x.length <= MAX_ID_LENGTH);
      if (typeof m.query !== 'string' || m.query.length > MAX_ID_LENGTH || !(m.found === null || typeof m.found === 'string')) return undefined;
      if (!Number.isInteger(m.matches) || (m.matches as number) < 0 || !ids(m.upstream) || !ids(m.downstream)) return undefined;
      return {
        type: 'searched',
        query: m.query,
        found: m.found as string | null,
        matches: m.matches as number,
        upstream: m.upstream,
        downstream: m.downstream,
      };
    }
    default:
      return undefined;
  }
}

/** The task a reveal message names, if the model has it: an ID that is no task does nothing. */
export function taskToReveal(model: Plan | undefined, id: string) {
  return model?.tasks.find((t) => t.id === id);
}

/** The task whose table row holds `line`, if any. */
export function taskAtLine(model: Plan | undefined, line: number) {
  return model?.tasks.find((t) => t.range.start.line <= line && line <= t.range.end.line);
}

/** A model with nothing to draw and a message saying why, for when the server cannot give one. */
export function messageModel(uri: string, message: string): Plan {
  return {
    uri,
    version: 0,
    status: 'not-spec',
    message,
    tasks: [],
    edges: [],
    cycles: [],
    unknown: [],
    criticalPath: [],
    criticalLines: 0,
    waves: [],
    totalLines: 0,
    groups: [],
  };
}
