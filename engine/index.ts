// The engine's public API: everything the language server, the command line and other hosts use.
// Pure: no vscode, no LSP connection, no file system, no clock.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { buildModel, type SpecModel } from './model';
import { computeDiagnostics } from './diagnostics';
import { FIX_ALL_KIND, FIX_ALL_KINDS, freshAnalysis, getCodeActions } from './fixes';
import { buildPlan, type Plan } from './plan';
import { RULES } from './rules';
import { DEFAULT_SETTINGS, type EngineSettings } from './settings';
import { isTechSpec } from './specFile';
import { summarizeSpec, type SpecSummary } from './specSummary';
import { schemaOf } from './template/default';

export { createLanguageService } from './service';
export type { Analysis, LanguageService, LanguageServiceOptions, SpecDocument } from './service';
export type { RenameOutcome } from './navigation';
export type { EngineHost } from './rule';
export { DEFAULT_SETTINGS, validateSettings } from './settings';
export type { EngineSettings, RuleSetting, SeverityName } from './settings';
export { anchorGlobs, isTechSpec } from './specFile';
export { DIAGNOSTIC_SOURCE } from './diagnostics';
export { FIX_ALL_KIND } from './fixes';
export { parseMarkdown } from './parse';
export { buildPlan } from './plan';
export { canFormatFixCellCount, formatTableAt, formatTablesInRange } from './tableFormat';
export type { Plan, PlanEdge, PlanGroup, PlanStatus, PlanTask, UnknownDependency } from './plan';
export { codeLenses, isLensData, lensFacts, resolveLensCommand, SHOW_GRAPH_COMMAND, SHOW_LOCATIONS_COMMAND } from './lenses';
export type { LensData, LensFacts } from './lenses';
export { readinessOf } from './readiness';
export type { Readiness, ReadinessKind, ReadinessProblem } from './readiness';
export { getDocumentLinks, ticketUrlProblem } from './links';
export type { LinkOptions } from './links';
export type { SpecModel } from './model';
export { countProblems, matchesQuery, summarizeSpec, taskSymbols } from './specSummary';
export type { ProblemCounts, SpecSummary, TaskSummary, TaskSymbol } from './specSummary';

/** What one-shot calls need to know about the document. */
export interface LintOptions {
  /** Names the document in diagnostics' related information, and decides with `settings.files` whether it is a spec. */
  uri: string;
  settings?: EngineSettings;
  /** Today as YYYY-MM-DD (the engine reads no clock). */
  today: string;
  /** Lint even when the document is not recognised as a tech spec (its path, front matter or title). */
  force?: boolean;
  /** Whether a file exists, relative to the document's folder: links to repository paths are checked with it (see EngineHost). */
  fileExists?(path: string, documentUri: string): boolean | undefined;
}

/** A rule as documentation and reports (README's table, SARIF's rules) describe it. */
export interface RuleInfo {
  /** Stable code, like TS406. */
  code: string;
  /** Stable kebab-case name. */
  name: string;
  defaultSeverity: EngineSettings['rules'][string];
  description: string;
  /** What the author should do about a finding. */
  help: string;
  /** Whether some of its findings offer a quick fix. */
  fixable: boolean;
  /** Whether `source.fixAll.techspec` (and `fixAll`) applies that fix. */
  inFixAll: boolean;
}

/** Every rule, in code order. */
export const rules: readonly RuleInfo[] = RULES.map(({ code, name, defaultSeverity, description, help, fixes = [] }) => ({
  code,
  name,
  defaultSeverity,
  description,
  help,
  fixable: fixes.length > 0,
  inFixAll: fixes.some((k) => FIX_ALL_KINDS.has(k)),
}));

/** The model of a spec, built once with nothing kept: undefined when the document is no tech spec. */
export function analyzeText(text: string, options: LintOptions): { model?: SpecModel; diagnostics: Diagnostic[] } {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  if (!options.force && !isTechSpec(options.uri, text, settings.files)) return { diagnostics: [] };
  const model = buildModel(text, undefined, undefined, schemaOf(settings));
  return { model, diagnostics: computeDiagnostics(model, settings, options.today, options.uri, options) };
}

/** The diagnostics of one document, with nothing kept between calls. A document that is no tech spec gets none. */
export function lint(text: string, options: LintOptions): Diagnostic[] {
  return analyzeText(text, options).diagnostics;
}

/** The edits of `source.fixAll.techspec`: the safe fixes, none overlapping. Empty when nothing is to fix. */
export function fixAll(text: string, options: LintOptions): TextEdit[] {
  const { model, diagnostics } = analyzeText(text, options);
  if (!model) return [];
  const none = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const reanalyze = freshAnalysis(options.settings ?? DEFAULT_SETTINGS, options.today, options.uri);
  const [action] = getCodeActions(model, options.uri, none, [], diagnostics, [FIX_ALL_KIND], { quickFix: reanalyze, fixAll: reanalyze });
  return action?.edit?.changes?.[options.uri] ?? [];
}

/** The text with the edits applied (edits as LSP gives them: ranges in the original text, not overlapping). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('techspec:edit', 'markdown', 0, text), edits as TextEdit[]);
}

/** The task dependency plan (tasks, edges, waves, critical path) of one document. */
export function planOf(text: string, options: LintOptions & { version?: number }): Plan {
  return buildPlan(analyzeText(text, options).model, options.uri, options.version ?? 0);
}

/** What the workspace index keeps of one spec on disk; undefined when the document is no tech spec. */
export function summarizeText(text: string, options: LintOptions): SpecSummary | undefined {
  const { model, diagnostics } = analyzeText(text, options);
  return model && summarizeSpec(options.uri, model, diagnostics, buildPlan(model, options.uri, 0));
}

// The template as the schema specs are checked against.
export { deriveTemplate, describeTemplate, defaultSchema, schemaOf } from './template/index';
export type { TemplateSchema, TemplateOptions, TaskRole } from './template/index';
export { TEMPLATE_TEXT } from './templateText';

// The .techspec.jsonc loader, for the command line and (later) the language server.
export { CONFIG_FILE_NAME, ConfigError, findConfigFile, loadConfig, loadConfigFile, parseConfigText } from './config';
export type { ConfigHost, LoadedConfig } from './config';
