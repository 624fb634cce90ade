import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { SpecModel } from './model';
import type { DiagnosticData, EngineHost, Finding, Rule } from './rule';
import type { EngineSettings, SeverityName } from './settings';
import { RULES } from './rules';
import { RuleCache } from './rules/support/cache';
import type { TemplateSchema } from './template/schema';

const SEVERITY: Record<SeverityName, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'techspec';

function severityOf(rule: Rule, settings: EngineSettings): DiagnosticSeverity | undefined {
  const configured = settings.rules[rule.code] ?? settings.rules[rule.name];
  if (configured === 'off') return undefined;
  return SEVERITY[configured ?? rule.defaultSeverity];
}

/** Disable directives by the line they silence; undefined when the document has none. */
function directivesByLine(model: SpecModel): Map<number, SpecModel['directives']> | undefined {
  if (!model.directives.length) return undefined;
  const byLine = new Map<number, SpecModel['directives']>();
  for (const d of model.directives) {
    const list = byLine.get(d.line);
    if (list) list.push(d);
    else byLine.set(d.line, [d]);
  }
  return byLine;
}

function silenced(directives: SpecModel['directives'] | undefined, rule: Rule): boolean {
  return directives !== undefined && directives.some((d) => d.rules.length === 0 || d.rules.includes(rule.code) || d.rules.includes(rule.name));
}

/** The rule caches of the documents analysed last, by URI, least recent first: the documents being edited. */
const caches = new Map<string, { cache: RuleCache; schema: TemplateSchema }>();
const CACHED_DOCUMENTS = 8;

/** The document's rule cache: kept from its last analysis against the same template, else new. */
function cacheOf(uri: string, schema: TemplateSchema): RuleCache {
  let kept = caches.get(uri);
  if (kept) caches.delete(uri);
  if (kept?.schema !== schema) kept = { cache: new RuleCache(), schema };
  const { cache } = kept;
  caches.set(uri, kept);
  if (caches.size > CACHED_DOCUMENTS) caches.delete(caches.keys().next().value!);
  return cache;
}

/** Related locations shown per diagnostic; one more entry says how many are left out. */
export const MAX_RELATED = 20;
/** Diagnostics shown per rule and document; one more says how many are left out. */
export const MAX_PER_RULE = 500;

const count = (n: number) => n.toLocaleString('en');

/**
 * Runs every enabled rule over the model. `uri` names the document in related information, and
 * the cache the rules keep from its last version.
 */
export function computeDiagnostics(model: SpecModel, settings: EngineSettings, today: string, uri: string, host: EngineHost = {}): Diagnostic[] {
  const cache = cacheOf(uri, model.schema);
  const out: Diagnostic[] = [];
  const byLine = directivesByLine(model);
  // Findings of one rule often share one related list (a cycle's members): convert it once.
  let lastRelated: Finding['related'];
  let lastInfo: Diagnostic['relatedInformation'];
  for (const rule of RULES) {
    const severity = severityOf(rule, settings);
    if (severity === undefined) continue;
    let shown = 0;
    let left: { range: Diagnostic['range']; count: number } | undefined;
    for (const f of rule.check({ model, settings, schema: model.schema, today, cache, uri, host })) {
      if (byLine && silenced(byLine.get(f.range.start.line), rule)) continue;
      if (shown === MAX_PER_RULE) {
        if (left) left.count++;
        else left = { range: f.range, count: 1 };
        continue;
      }
      shown++;
      const data: DiagnosticData = f.fix ? { rule: rule.name, fix: f.fix } : { rule: rule.name };
      const d: Diagnostic = { range: f.range, severity, code: rule.code, source: DIAGNOSTIC_SOURCE, message: f.message, data };
      if (f.related?.length) {
        if (f.related !== lastRelated) {
          lastRelated = f.related;
          lastInfo = f.related.slice(0, MAX_RELATED).map((r) => ({ location: { uri, range: r.range }, message: r.message }));
          if (f.related.length > MAX_RELATED) {
            const more = f.related.length - MAX_RELATED;
            lastInfo.push({ location: { uri, range: f.related[MAX_RELATED].range }, message: `… and ${count(more)} more` });
          }
        }
        d.relatedInformation = lastInfo;
      }
      out.push(d);
    }
    if (left) {
      const message = `… and ${count(left.count)} more ${rule.code} findings (${rule.name}): only the first ${count(MAX_PER_RULE)} are shown.`;
      out.push({ range: left.range, severity: DiagnosticSeverity.Information, code: rule.code, source: DIAGNOSTIC_SOURCE, message, data: { rule: rule.name } });
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
