import type { CodeAction, CompletionItem, Diagnostic, DocumentHighlight, Hover, Location, Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Root } from 'mdast';
import { buildModel, type SpecModel } from './model';
import { IncrementalParser } from './incremental';
import { ModelMemo } from './incremental';
import { computeDiagnostics } from './diagnostics';
import { DEFAULT_SETTINGS, type EngineSettings } from './settings';
import { isTechSpec } from './specFile';
import { freshAnalysis, getCodeActions } from './fixes';
import { getCompletions } from './completion';
import { getHover } from './hover';
import { getDefinition, getDocumentHighlights, getReferences, prepareRename, rename, type RenameOutcome } from './navigation';
import { buildPlan, type Plan } from './plan';
import { schemaOf } from './template/default';
import type { TemplateSchema } from './template/schema';

export interface SpecDocument {
  uri: string;
  version: number;
  text: string;
}

export interface Analysis {
  uri: string;
  version: number;
  /**
   * Undefined when the document is not a tech spec: it then gets nothing from us. Valid until the
   * next analyze() of the same document: that one moves the parts the two models share, so reading
   * it afterwards throws (the service methods refuse such an analysis the same way).
   */
  readonly model?: SpecModel;
  diagnostics: Diagnostic[];
}

export interface LanguageServiceOptions {
  /** Today as YYYY-MM-DD; the engine reads no clock of its own. */
  today(): string;
  /** Whether a file exists, relative to the document's folder: links to repository paths are checked with it (see EngineHost). */
  fileExists?(path: string, documentUri: string): boolean | undefined;
}

export interface LanguageService {
  /** `parsed`: roots of sourcesToParse's sources, parsed elsewhere; the parse uses them instead of parsing those. */
  analyze(doc: SpecDocument, settings?: EngineSettings, parsed?: Iterable<readonly [source: string, root: Root]>): Analysis;
  /**
   * The remark sources analyze(doc) would parse now, when they total at least `minChars` (none
   * otherwise, nor for a document that is no tech spec): cheap when little changed since the last analysis.
   */
  sourcesToParse(doc: SpecDocument, settings: EngineSettings | undefined, minChars: number): string[];
  /**
   * Packs the parts of the document's tree that the last analysis did not just read into less memory:
   * call once its results are out (~0.5 s after opening a 20,000-task spec, next to nothing per keystroke).
   */
  compact(uri: string): void;
  /** Drops what analyze() keeps of a document between versions (call when it closes). */
  forget(uri: string): void;
  getCodeActions(analysis: Analysis, range: Range, diagnostics: Diagnostic[], only?: string[]): CodeAction[];
  getCompletions(analysis: Analysis, position: Position): CompletionItem[];
  getHover(analysis: Analysis, position: Position): Hover | undefined;
  /** The ID cell of the task named under the cursor (an ID cell, a dependency or a graph node). */
  getDefinition(analysis: Analysis, position: Position): Location[];
  getReferences(analysis: Analysis, position: Position, includeDeclaration: boolean): Location[];
  getDocumentHighlights(analysis: Analysis, position: Position): DocumentHighlight[];
  prepareRename(analysis: Analysis, position: Position): RenameOutcome<{ range: Range; placeholder: string }>;
  rename(analysis: Analysis, position: Position, newName: string, settings?: EngineSettings): RenameOutcome<WorkspaceEdit>;
  getPlan(analysis: Analysis): Plan;
}

interface DocumentState {
  parser: IncrementalParser;
  memo: ModelMemo;
  version: { version: number } | undefined;
  /** The template the memo's parts were read against. */
  schema?: TemplateSchema;
  /** The settings of the last analysis: fixes are verified with them. */
  settings: EngineSettings;
  /** Whether the last text had lone \r line ends (the next analysis then starts afresh). */
  loneCr?: boolean;
}

const LONE_CR = /\r(?!\n)/;

function hasLoneCarriageReturn(text: string): boolean {
  return text.includes('\r') && LONE_CR.test(text);
}

/** The analysis with its model, readable while it is the last one built with the state's memo. */
function withModel(analysis: Omit<Analysis, 'model'>, model: SpecModel, state: DocumentState): Analysis {
  const built = { version: analysis.version };
  state.version = built;
  return Object.defineProperty(analysis, 'model', {
    enumerable: true,
    get: () => {
      if (state.version !== built) throw staleError(analysis, state.version!.version);
      return model;
    },
  });
}

function staleError(analysis: Omit<Analysis, 'model'>, newer: number): Error {
  return new Error(
    `techspec: the analysis of version ${analysis.version} of ${analysis.uri} is stale: version ${newer} was analyzed since, ` +
      'and the models share parts that now answer for it. Use the latest analysis.',
  );
}

const NOT_A_SPEC = 'This markdown file is not a tech spec (see techspec.files): it has no task IDs to rename.';

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  // Per document: a version re-parses, and rebuilds the model of, only the parts that changed.
  // `version`: of the last analysis, whose model alone is current.
  const parsers = new Map<string, DocumentState>();
  const stateOf = (uri: string) => {
    let state = parsers.get(uri);
    if (!state) {
      const parser = new IncrementalParser();
      const memo = new ModelMemo(parser);
      parsers.set(uri, (state = { parser, memo, version: undefined, settings: DEFAULT_SETTINGS }));
    }
    return state;
  };
  // Quick fixes are verified by analysing the fixed text incrementally, against the last fix verified:
  // one document at a time, so it holds at most one more tree.
  let shadow: { service: LanguageService; uri?: string; version: number } | undefined;
  const verifier = () => {
    const s = (shadow ??= { service: createLanguageService(options), version: 0 });
    return {
      check(uri: string, text: string, settings: EngineSettings, today: string) {
        if (s.uri !== uri) {
          if (s.uri) s.service.forget(s.uri);
          s.uri = uri;
        }
        const a = s.service.analyze({ uri, version: ++s.version, text }, settings);
        // A fix that makes the text no spec by its title still answers for its findings.
        return a.model ? { model: a.model, diagnostics: a.diagnostics } : freshAnalysis(settings, today, uri)(text);
      },
    };
  };
  return {
    analyze(doc, settings = DEFAULT_SETTINGS, parsed) {
      const base = { uri: doc.uri, version: doc.version };
      if (!isTechSpec(doc.uri, doc.text, settings.files)) {
        parsers.delete(doc.uri);
        return { ...base, diagnostics: [] };
      }
      const schema = schemaOf(settings);
      let state = stateOf(doc.uri);
      // Parts read against another template (sections, task columns) are not reused; nor parts of or
      // for a text with lone \r line ends: reuse across such texts disagreed with a fresh analysis in
      // the fuzzer (test/unit/positions.test.ts); the cause in the incremental parser or model reuse is not found yet.
      const loneCr = hasLoneCarriageReturn(doc.text);
      if ((state.schema !== undefined && state.schema !== schema) || loneCr || state.loneCr) {
        parsers.delete(doc.uri);
        state = stateOf(doc.uri);
      }
      state.schema = schema;
      state.settings = settings;
      state.loneCr = loneCr;
      // Positions inside top-level nodes and table rows are settled only where the model reads them.
      const root = parsed ? state.parser.parseWith(doc.text, parsed, { settled: false }) : state.parser.parse(doc.text, { settled: false });
      state.memo.hint(state.parser.takeDiff());
      const model = buildModel(doc.text, root, state.memo, schema);
      const diagnostics = computeDiagnostics(model, settings, options.today(), doc.uri, options);
      return withModel({ ...base, diagnostics }, model, state);
    },
    sourcesToParse(doc, settings = DEFAULT_SETTINGS, minChars) {
      return isTechSpec(doc.uri, doc.text, settings.files) ? stateOf(doc.uri).parser.sourcesFor(doc.text, minChars) : [];
    },
    compact(uri) {
      parsers.get(uri)?.parser.pack();
    },
    forget(uri) {
      parsers.delete(uri);
    },
    getCodeActions(analysis, range, diagnostics, only) {
      const model = analysis.model;
      if (!model) return [];
      const settings = parsers.get(analysis.uri)?.settings ?? DEFAULT_SETTINGS;
      const today = options.today();
      return getCodeActions(model, analysis.uri, range, diagnostics, analysis.diagnostics, only, {
        quickFix: (text) => verifier().check(analysis.uri, text, settings, today),
        fixAll: freshAnalysis(settings, today, analysis.uri),
      });
    },
    getCompletions(analysis, position) {
      return analysis.model ? getCompletions(analysis.model, position) : [];
    },
    getHover(analysis, position) {
      return analysis.model ? getHover(analysis.model, position) : undefined;
    },
    getDefinition(analysis, position) {
      return analysis.model ? getDefinition(analysis.model, analysis.uri, position) : [];
    },
    getReferences(analysis, position, includeDeclaration) {
      return analysis.model ? getReferences(analysis.model, analysis.uri, position, includeDeclaration) : [];
    },
    getDocumentHighlights(analysis, position) {
      return analysis.model ? getDocumentHighlights(analysis.model, position) : [];
    },
    prepareRename(analysis, position) {
      return analysis.model ? prepareRename(analysis.model, position) : { refusal: NOT_A_SPEC };
    },
    rename(analysis, position, newName, settings = DEFAULT_SETTINGS) {
      return analysis.model ? rename(analysis.model, analysis.uri, position, newName, settings) : { refusal: NOT_A_SPEC };
    },
    getPlan(analysis) {
      return buildPlan(analysis.model, analysis.uri, analysis.version);
    },
  };
}
