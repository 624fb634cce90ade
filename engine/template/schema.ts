// What a template says a spec must hold: derived from the template's text by deriveTemplate.

export interface SchemaSection {
  /** Stable key: a role key (`task-breakdown`, `risks`, `api-design`, `open-questions`, ...) or the title's slug. */
  key: string;
  /** The heading text as the template writes it, an optional marker left out. */
  title: string;
  /** Marked "(if needed)", "(if applicable)" or "(optional)": not required. */
  optional: boolean;
  /** Normalized heading texts that count as this section. */
  aliases: string[];
  /** The template's text for this section: heading, body and the trailing rule. */
  skeleton: string;
}

/** The model's header keys the rules know; other fields of the template have their label's slug. */
export type HeaderKey = 'status' | 'author' | 'prdLink' | 'lastUpdated';

export interface SchemaHeaderField {
  label: string;
  /** The rules' key for the field when it is one they know. */
  key?: HeaderKey;
  /** The values the template lists with `|`, in order. */
  values?: string[];
}

export interface SchemaTable {
  sectionKey?: string;
  /** The nearest heading above the table. */
  heading?: string;
  columns: string[];
  /** Column name → the values its cells show (`Low/Med/High`). */
  enums: Record<string, string[]>;
}

/** The model's names of the task table's columns. */
export type TaskColumn = 'id' | 'task' | 'lines' | 'deps' | 'jira';

/** The task table's roles, in the config key's words. */
export type TaskRole = 'id' | 'title' | 'estimate' | 'dependencies' | 'ticket';

export const TASK_ROLES: readonly TaskRole[] = ['id', 'title', 'estimate', 'dependencies', 'ticket'];

/** The model's name for each role's column. */
export const ROLE_COLUMN: Record<TaskRole, TaskColumn> = { id: 'id', title: 'task', estimate: 'lines', dependencies: 'deps', ticket: 'jira' };

export interface SchemaTaskTable {
  sectionKey?: string;
  columns: string[];
  /** Role → the template's column name for it (config's `taskTable` wins over detection). */
  roles: Partial<Record<TaskRole, string>>;
}

export interface SchemaCodeBlock {
  sectionKey?: string;
  sectionTitle?: string;
  heading?: string;
  lang?: string;
  /** The diagram type of a mermaid block (`C4Context`, `graph`), else undefined. */
  kind?: string;
}

export interface TemplateSchema {
  /** The template's level-1 heading. */
  title?: string;
  /** Level-2 sections in the template's order. */
  sections: SchemaSection[];
  headerFields: SchemaHeaderField[];
  /** The status field's label, its values and the one that means "ready", when the template has a status. */
  status?: { label: string; values: string[]; ready: string };
  tables: SchemaTable[];
  taskTable?: SchemaTaskTable;
  /** The values a risk's Likelihood and Impact take, when the template enumerates them. */
  riskLevels?: string[];
  /** The bracketed texts of the template, brackets left out. */
  placeholders: string[];
  /** The task-ID pattern, the example IDs it was derived from, and how. */
  taskId: { pattern: string; examples: string[]; explanation: string };
  codeBlocks: SchemaCodeBlock[];
  /** Whether the template draws the task dependencies in a mermaid graph under its task section. */
  dependencyGraph: boolean;
  /** What could not be derived, or was derived with a fallback. */
  problems: string[];
}

/** What the config adds to the template. */
export interface TemplateOptions {
  taskTable?: Partial<Record<TaskRole, string>>;
  readyStatus?: string;
}
