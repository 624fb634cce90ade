import type { SpecModel } from './model';
import type { GraphModel } from '../protocol';

// Replaced by the preview work.
export function buildGraphModel(_model: SpecModel | undefined, uri: string, version: number): GraphModel {
  return { uri, version, status: 'not-spec', tasks: [], edges: [], cycles: [], unknown: [], criticalPath: [], criticalLines: 0, waves: [], totalLines: 0 };
}
