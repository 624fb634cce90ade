import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { SpecModel } from './model';
import type { DiagnosticData, Rule } from './rule';
import type { EngineSettings, SeverityName } from './settings';
import { RULES } from './rules';

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

function silenced(model: SpecModel, rule: Rule, line: number): boolean {
  return model.directives.some((d) => d.line === line && (d.rules.length === 0 || d.rules.includes(rule.code) || d.rules.includes(rule.name)));
}

/** Runs every enabled rule over the model. `uri` names the document in related information. */
export function computeDiagnostics(model: SpecModel, settings: EngineSettings, today: string, uri: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of RULES) {
    const severity = severityOf(rule, settings);
    if (severity === undefined) continue;
    for (const f of rule.check({ model, settings, today })) {
      if (silenced(model, rule, f.range.start.line)) continue;
      const data: DiagnosticData = { rule: rule.name, ...(f.fix ? { fix: f.fix } : {}) };
      const d: Diagnostic = { range: f.range, severity, code: rule.code, source: DIAGNOSTIC_SOURCE, message: f.message, data };
      if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
      out.push(d);
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
