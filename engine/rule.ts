import type { Range } from 'vscode-languageserver-types';
import type { SpecModel } from './model';
import type { RuleCache } from './rules/support/cache';
import type { EngineSettings, SeverityName } from './settings';
import type { TemplateSchema } from './template/schema';

/** What a fix needs, carried on the diagnostic so code actions never re-parse. */
export type FixData =
  | { kind: 'insertSection'; sectionKey: string }
  | { kind: 'setStatus' }
  | { kind: 'replaceDependency'; suggestion: string }
  | { kind: 'removeDependency' }
  | { kind: 'addTaskRow'; taskId: string }
  /** Regenerate the dependency diagram (the kind's name is kept: diagnostics carry it). */
  | { kind: 'regenerateGraph' }
  /** Format the table, which pads a row that has too few cells. */
  | { kind: 'formatTable' }
  /** Remove one dependency of a cycle: one fix per edge, never in fix-all. */
  | { kind: 'breakCycle' }
  /** Delete the invisible characters in the finding's range. */
  | { kind: 'removeInvisible' };

export type FixKind = FixData['kind'];

export interface Finding {
  range: Range;
  message: string;
  fix?: FixData;
  /** Ranges elsewhere in the same document that explain the finding. */
  related?: { range: Range; message: string }[];
}

export interface RuleContext {
  model: SpecModel;
  settings: EngineSettings;
  /** The template the spec is checked against (the model's). */
  schema: TemplateSchema;
  /** Today as YYYY-MM-DD: the engine reads no clock. */
  today: string;
  /** What rules keep from one version of the document to the next (every rule caches through it). */
  cache: RuleCache;
  /** The document's URI: relative links resolve against it. */
  uri: string;
  /** What the host can tell about the workspace (the engine itself reads no files). */
  host: EngineHost;
}

/** Optional capabilities of the host (CLI, server); each may be missing, and may not know. */
export interface EngineHost {
  /**
   * Whether the file at `path` (as a link in the document writes it, percent-decoded, relative to the
   * folder of the document `documentUri`) exists; undefined when the host cannot tell (then nothing is reported).
   */
  fileExists?(path: string, documentUri: string): boolean | undefined;
}

/** What the rules' shared helpers read: the model, and the cache they keep what they derive in. */
export type RuleScope = Pick<RuleContext, 'model' | 'cache'>;

export interface Rule {
  /** Stable code, like TS406. */
  code: string;
  /** Stable kebab-case name. */
  name: string;
  defaultSeverity: SeverityName;
  /** One line saying what it flags, for docs and reports. */
  description: string;
  /** What the author should do about a finding (SARIF's help text, the command line's help). */
  help: string;
  /**
   * The kinds of quick fix its findings offer. A finding names its fix in `Finding.fix`; it may leave
   * it out when the rule has one kind of fix and that kind needs no data.
   */
  fixes?: readonly FixKind[];
  check(ctx: RuleContext): Finding[];
}

export interface DiagnosticData {
  rule: string;
  fix?: FixData;
}
