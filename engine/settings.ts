import type { TaskRole } from './template/schema';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
export type RuleSetting = SeverityName | 'off';

export interface EngineSettings {
  /**
   * Globs of paths that are tech specs. One that starts with `**` or `/` (as the defaults do) matches
   * the absolute path; any other (`specs/*.md`) the path relative to the workspace folder that holds the file.
   */
  files: string[];
  /** Per rule, by code (`TS406`) or name (`unknown-dependency`): a severity or `off`. */
  rules: Record<string, RuleSetting>;
  /** Est. Lines above this is flagged (the template asks for PRs of ~200-400 lines). */
  maxTaskLines: number;
  /** A task ID must match this regular expression; left out, the template's example IDs give it. */
  taskIdPattern?: string;
  /** The team's template (its text, and where it was read from); left out, the bundled one. */
  template?: { path?: string; text: string };
  /** The template task table's column name for each role, where its names are not recognised on their own. */
  taskTable?: Partial<Record<TaskRole, string>>;
  /** The Status value that means ready (by default the last one the template lists). */
  readyStatus?: string;
}

export const DEFAULT_SETTINGS: EngineSettings = {
  files: ['**/*.spec.md', '**/specs/**/*.md', '**/*-spec.md', '**/*.techspec.md'],
  rules: {},
  maxTaskLines: 400,
};

const TASK_ROLES: readonly TaskRole[] = ['id', 'title', 'estimate', 'dependencies', 'ticket'];

const RULE_SETTINGS: RuleSetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Checks raw settings from the client; every invalid value is reported and replaced by its default. */
export function validateSettings(raw: unknown): { settings: EngineSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: EngineSettings = { ...DEFAULT_SETTINGS, rules: {} };
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, problems: ['techspec: settings must be an object; using the defaults.'] };
  }
  const r = raw as Record<string, unknown>;
  if (r.files !== undefined) {
    if (Array.isArray(r.files) && r.files.every((f) => typeof f === 'string' && f.trim() !== '')) settings.files = r.files as string[];
    else problems.push('techspec.files must be a list of glob strings; using the default globs.');
  }
  if (r.maxTaskLines !== undefined) {
    if (typeof r.maxTaskLines === 'number' && Number.isFinite(r.maxTaskLines) && r.maxTaskLines > 0) settings.maxTaskLines = r.maxTaskLines;
    else problems.push(`techspec.maxTaskLines must be a positive number, not ${JSON.stringify(r.maxTaskLines)}; using ${DEFAULT_SETTINGS.maxTaskLines}.`);
  }
  // Empty (the editor setting's default): the template's pattern.
  if (r.taskIdPattern !== undefined && r.taskIdPattern !== '' && r.taskIdPattern !== null) {
    let ok = typeof r.taskIdPattern === 'string' && r.taskIdPattern !== '';
    if (ok) {
      try {
        new RegExp(r.taskIdPattern as string, 'u');
      } catch {
        ok = false;
      }
    }
    if (ok) settings.taskIdPattern = r.taskIdPattern as string;
    else problems.push(`techspec.taskIdPattern must be a valid regular expression, not ${JSON.stringify(r.taskIdPattern)}; using the template's pattern.`);
  }
  if (r.taskTable !== undefined) {
    const t = r.taskTable;
    if (typeof t !== 'object' || t === null || Array.isArray(t)) {
      problems.push('techspec.taskTable must be an object like { "id": "Ref", "dependencies": "Needs" }; ignoring it.');
    } else {
      const taskTable: Partial<Record<TaskRole, string>> = {};
      for (const [key, value] of Object.entries(t)) {
        if (!TASK_ROLES.includes(key as TaskRole)) problems.push(`techspec.taskTable.${key} is no role (the roles: ${TASK_ROLES.join(', ')}); ignoring it.`);
        else if (typeof value !== 'string' || value.trim() === '')
          problems.push(`techspec.taskTable.${key} must be a column name, not ${JSON.stringify(value)}; ignoring it.`);
        else taskTable[key as TaskRole] = value;
      }
      settings.taskTable = taskTable;
    }
  }
  if (r.readyStatus !== undefined && r.readyStatus !== '' && r.readyStatus !== null) {
    if (typeof r.readyStatus === 'string') settings.readyStatus = r.readyStatus;
    else problems.push(`techspec.readyStatus must be a Status value, not ${JSON.stringify(r.readyStatus)}; using the template's last Status value.`);
  }
  if (r.template !== undefined && r.template !== null) {
    const t = r.template as { path?: unknown; text?: unknown };
    if (typeof t === 'object' && typeof t.text === 'string' && (t.path === undefined || typeof t.path === 'string'))
      settings.template = t.path === undefined ? { text: t.text } : { path: t.path as string, text: t.text };
    else problems.push("techspec.template must be the template's text ({ path, text }); using the bundled template.");
  }
  if (r.rules !== undefined) {
    if (typeof r.rules !== 'object' || r.rules === null || Array.isArray(r.rules)) {
      problems.push('techspec.rules must be an object like { "TS406": "error", "placeholder": "off" }; ignoring it.');
    } else {
      for (const [key, value] of Object.entries(r.rules)) {
        if (RULE_SETTINGS.includes(value as RuleSetting)) settings.rules[key] = value as RuleSetting;
        else problems.push(`techspec.rules.${key} must be one of ${RULE_SETTINGS.join(', ')}, not ${JSON.stringify(value)}; using the rule's default.`);
      }
    }
  }
  return { settings, problems };
}
