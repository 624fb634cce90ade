// Custom messages between the extension client and the language server, typed once for both.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-types';

export interface GraphTask {
  id: string;
  title: string;
  /** Est. Lines as a number, or null when the cell is empty or not a number. */
  estLines: number | null;
  jira?: string;
  /** The task's row in the document. */
  range: Range;
  /** The ID cell, for selecting the task in the editor. */
  idRange: Range;
}

export interface GraphEdgeInfo {
  /** The task that must be done first. */
  from: string;
  /** The task that depends on `from`. */
  to: string;
  inCycle: boolean;
  critical: boolean;
  /** A longer chain of dependencies already orders the two tasks: the edge adds no constraint (only set between tasks in waves). */
  implied: boolean;
}

export interface UnknownDependency {
  /** The ID that names no task. */
  id: string;
  /** The task whose Dependencies cell names it. */
  from: string;
}

export type GraphStatus = 'ok' | 'not-spec' | 'no-task-breakdown' | 'empty-table';

/** The task dependency graph of one spec: everything the preview draws, computed on the server. */
export interface GraphModel {
  uri: string;
  version: number;
  status: GraphStatus;
  /** Says what is wrong when status is not ok, for the panel to show. */
  message?: string;
  tasks: GraphTask[];
  edges: GraphEdgeInfo[];
  /** Each dependency cycle once, as the path of its members (first not repeated). */
  cycles: string[][];
  unknown: UnknownDependency[];
  /** The longest path weighted by Est. Lines, in order; empty when cycles make it undefined. */
  criticalPath: string[];
  criticalLines: number;
  /** Groups of tasks that can run in parallel once the waves before them are done. */
  waves: string[][];
  totalLines: number;
}

export interface GraphParams {
  uri: string;
}

/** Client → server: the dependency graph of an open document. */
export const GraphRequest = new RequestType<GraphParams, GraphModel, void>('techspec/graph');

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
  | { type: 'model'; model: GraphModel }
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
  | { type: 'rendered'; uri: string; version: number; status: GraphStatus; nodes: number; ms: number };

/** What the preview keeps across a window reload (vscode.setState, then the panel serializer). */
export interface PreviewState {
  uri: string;
}
