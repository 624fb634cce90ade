// Custom messages between the extension client and the language server, typed once for both.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Position, TextEdit } from 'vscode-languageserver-protocol';
import type { Plan, PlanStatus, Readiness, SpecSummary } from '../engine';

export type { Plan, PlanEdge, PlanGroup, PlanStatus, PlanTask, Readiness, ReadinessKind, ReadinessProblem, UnknownDependency } from '../engine';

export interface PlanParams {
  uri: string;
}

/** Client → server: the dependency graph of an open document. */
export const PlanRequest = new RequestType<PlanParams, Plan, void>('techspec/plan');

export interface DidAnalyzeParams {
  uri: string;
  version: number;
  /** Whether the document is a tech spec (the client sets its `techspec.isSpec` context key from it). */
  isSpec: boolean;
}

/** Server → client: a document's analysis changed (the preview then asks for the graph again). */
export const DidAnalyzeNotification = new NotificationType<DidAnalyzeParams>('techspec/didAnalyze');

/** Extension → preview webview. */
export type ToPreviewMessage =
  | { type: 'model'; model: Plan }
  /** The task whose row holds the editor's cursor, or null. */
  | { type: 'highlight'; id: string | null }
  /** Asks for the drawing as a standalone SVG document; answered by `svg` with the same requestId. */
  | { type: 'requestSvg'; requestId: number }
  /** Types `query` into the search box (for tests and commands); answered by `searched`. */
  | { type: 'search'; query: string };

/** Preview webview → extension. The extension validates each one: the webview is untrusted. */
export type FromPreviewMessage =
  /** The script is running and wants the model. */
  | { type: 'ready' }
  /** A node was clicked: reveal and select the task's row. */
  | { type: 'reveal'; id: string }
  /** The Export SVG button: save this drawing through a save dialog. */
  | { type: 'exportSvg'; svg: string }
  | { type: 'svg'; requestId: number; svg: string }
  /** A model was drawn (for tests and measurements): how many nodes, and layout plus draw time. */
  | { type: 'rendered'; uri: string; version: number; status: PlanStatus; nodes: number; ms: number }
  /** The search box found `found` (null: nothing) among `matches` tasks, and highlighted the tasks before and after it. */
  | { type: 'searched'; query: string; found: string | null; matches: number; upstream: string[]; downstream: string[] };

/** What the preview keeps across a window reload (vscode.setState, then the panel serializer). */
export interface PreviewState {
  uri: string;
}

export type { ProblemCounts, SpecSummary, TaskSummary } from '../engine';

export interface SpecsParams {
  /** Look at every file again first (the view's Refresh button): only those whose time or size changed are read. */
  rescan?: boolean;
}

/** Client → server: every spec in the workspace folders (the "Tech Specs" view), sorted by URI. */
export const SpecsRequest = new RequestType<SpecsParams, SpecSummary[], void>('techspec/specs');

export interface DidChangeSpecsParams {
  /** Specs whose summary is new or changed. */
  changed: string[];
  /** URIs that are no longer specs of the workspace (deleted, or no spec any more). */
  removed: string[];
}

/** Server → client: the workspace's list of specs changed (sent once the client has asked for it). */
export const DidChangeSpecsNotification = new NotificationType<DidChangeSpecsParams>('techspec/didChangeSpecs');

export interface ReadinessParams {
  uri: string;
}

/** Client → server: what blocks a spec's readiness, for the status bar; null when the document is no spec. */
export const ReadinessRequest = new RequestType<ReadinessParams, Readiness | null, void>('techspec/readiness');

export interface FormatTableParams {
  uri: string;
  position: Position;
}

export interface FormatTableResult {
  /** The version of the document the edits are for: the client applies them only to that version. */
  version: number;
  edits: TextEdit[];
}

/** Client → server (the techspec.formatTable command): edits that format the table at the position; none outside a table. */
export const FormatTableRequest = new RequestType<FormatTableParams, FormatTableResult, void>('techspec/formatTable');

export interface DerivedRulesParams {
  /** The document whose settings (and so whose template) apply; none: the bundled template. */
  uri?: string;
}

export interface DerivedRules {
  /** What was derived from the template, as a markdown document. */
  markdown: string;
}

/** Client → server: the rules derived from the template that applies to a document. */
export const DerivedRulesRequest = new RequestType<DerivedRulesParams, DerivedRules, void>('techspec/derivedRules');
