// The plan at a glance: code lenses (resolved lazily), document links, table formatting and the
// readiness the status bar shows. LSP glue over the engine; server.ts registers it.
import {
  CodeLensRefreshRequest,
  ErrorCodes,
  ResponseError,
  type CodeLensParams,
  type Connection,
  type DocumentLinkParams,
  type DocumentRangeFormattingParams,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  codeLenses,
  formatTableAt,
  formatTablesInRange,
  getDocumentLinks,
  isLensData,
  lensFacts,
  readinessOf,
  resolveLensCommand,
  ticketUrlProblem,
  type Analysis,
  type LensFacts,
} from '../../engine';
import { FormatTableRequest, ReadinessRequest, type FormatTableParams, type ReadinessParams } from '../../protocol';
import { PARAMS, validated } from './validate';

export const GLANCE_CAPABILITIES: ServerCapabilities = {
  codeLensProvider: { resolveProvider: true },
  documentLinkProvider: { resolveProvider: false },
  documentRangeFormattingProvider: true,
};

/** The settings read here rather than by the engine: they shape what the editor shows, not the diagnostics. */
interface GlanceSettings {
  codeLens: boolean;
  /** A usable techspec.ticketUrl, or undefined. */
  ticketUrl?: string;
}

export interface GlanceHost {
  connection: Connection;
  /** The analysis of the document as it is now (undefined when it is not open). */
  currentAnalysis(uri: string): Promise<Analysis | undefined>;
  document(uri: string): TextDocument | undefined;
  /** Whether the client answers workspace/configuration. */
  canPullConfiguration(): boolean;
  log(message: string): void;
}

export interface Glance {
  /** Settings changed: read them again, and have the client ask for the lenses again. */
  settingsChanged(): void;
}

export function registerGlance(host: GlanceHost, clientCanRefreshLenses: () => boolean): Glance {
  const { connection } = host;
  const settings = new Map<string, Promise<GlanceSettings>>();
  const reported = new Set<string>();
  /** Per analysis (one per version), what resolving its lenses needs: computed for the first lens resolved. */
  const facts = new WeakMap<Analysis, LensFacts>();

  const settingsFor = (uri: string): Promise<GlanceSettings> => {
    if (!host.canPullConfiguration()) return Promise.resolve({ codeLens: true });
    let s = settings.get(uri);
    if (!s) {
      s = connection.workspace.getConfiguration({ scopeUri: uri, section: 'techspec' }).then(readSettings, () => ({ codeLens: true }));
      settings.set(uri, s);
    }
    return s;
  };

  const readSettings = (raw: unknown): GlanceSettings => {
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as { codeLens?: { enabled?: unknown }; ticketUrl?: unknown };
    const out: GlanceSettings = { codeLens: r.codeLens?.enabled !== false };
    if (typeof r.ticketUrl === 'string' && r.ticketUrl.trim() !== '') {
      const problem = ticketUrlProblem(r.ticketUrl.trim());
      if (!problem) out.ticketUrl = r.ticketUrl.trim();
      else if (!reported.has(problem)) {
        reported.add(problem);
        host.log(problem);
        void connection.window.showWarningMessage(problem);
      }
    } else if (r.ticketUrl !== undefined && r.ticketUrl !== null && r.ticketUrl !== '') {
      const problem = `techspec.ticketUrl must be a string like https://jira.example.com/browse/{key}, not ${JSON.stringify(r.ticketUrl)}; ticket keys are not linked.`;
      if (!reported.has(problem)) {
        reported.add(problem);
        void connection.window.showWarningMessage(problem);
      }
    }
    return out;
  };

  /** The analysis with its model, when the document is an open spec. */
  const specAnalysis = async (uri: string) => {
    const analysis = await host.currentAnalysis(uri);
    return analysis?.model ? analysis : undefined;
  };

  connection.onCodeLens(
    validated('textDocument/codeLens', PARAMS.textDocument, async ({ textDocument: { uri } }: CodeLensParams) => {
      if (!(await settingsFor(uri)).codeLens) return [];
      const analysis = await specAnalysis(uri);
      return analysis ? codeLenses(analysis.model!, uri) : [];
    }),
  );

  connection.onCodeLensResolve(async (lens) => {
    if (lens.command) return lens;
    // The data comes back from the client: checked, never trusted.
    if (!isLensData(lens.data))
      throw new ResponseError(ErrorCodes.InvalidParams, 'codeLens/resolve: params.data is not the data of a techspec code lens (no data of ours to resolve).');
    const analysis = await specAnalysis(lens.data.uri);
    if (!analysis) return { ...lens, command: { title: '', command: '' } };
    let f = facts.get(analysis);
    if (!f) facts.set(analysis, (f = lensFacts(analysis.model!, analysis.uri, analysis.version)));
    return { ...lens, command: resolveLensCommand(lens.data, f, lens.range) };
  });

  connection.onDocumentLinks(
    validated('textDocument/documentLink', PARAMS.textDocument, async ({ textDocument: { uri } }: DocumentLinkParams) => {
      const analysis = await specAnalysis(uri);
      if (!analysis) return [];
      return getDocumentLinks(analysis.model!, uri, { ticketUrl: (await settingsFor(uri)).ticketUrl });
    }),
  );

  connection.onDocumentRangeFormatting(
    validated('textDocument/rangeFormatting', PARAMS.rangeFormatting, async ({ textDocument: { uri }, range }: DocumentRangeFormattingParams) => {
      const analysis = await specAnalysis(uri);
      const doc = host.document(uri);
      // Formatting works on the text as it is now: the analysis only says it is a spec.
      return analysis && doc ? formatTablesInRange(doc.getText(), range) : [];
    }),
  );

  connection.onRequest(
    FormatTableRequest,
    validated(FormatTableRequest.method, PARAMS.uriPosition, async ({ uri, position }: FormatTableParams) => {
      const analysis = await specAnalysis(uri);
      const doc = host.document(uri);
      if (!analysis || !doc) return { version: doc?.version ?? 0, edits: [] };
      return { version: doc.version, edits: formatTableAt(doc.getText(), position) };
    }),
  );

  connection.onRequest(
    ReadinessRequest,
    validated(ReadinessRequest.method, PARAMS.uri, async ({ uri }: ReadinessParams) => {
      const analysis = await specAnalysis(uri);
      return analysis ? readinessOf(analysis.model!, analysis.diagnostics) : null;
    }),
  );

  return {
    settingsChanged() {
      settings.clear();
      reported.clear();
      if (clientCanRefreshLenses()) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    },
  };
}
