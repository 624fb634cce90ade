// Custom messages between the extension client and the language server, typed once for both.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Plan, PlanStatus } from '../engine';

export type { Plan, PlanEdge, PlanStatus, PlanTask, UnknownDependency } from '../engine';

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
  | { type: 'requestSvg'; requestId: number };

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
  | { type: 'rendered'; uri: string; version: number; status: PlanStatus; nodes: number; ms: number };

/** What the preview keeps across a window reload (vscode.setState, then the panel serializer). */
export interface PreviewState {
  uri: string;
}

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
