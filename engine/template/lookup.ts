// What specs are read with: a schema's sections, header labels, task columns and placeholders, looked up.
import { normalizeHeading } from '../template';
import { HEADER_LABELS } from './headerLabels';
import { ROLE_COLUMN, TASK_ROLES, type TaskColumn, type HeaderKey, type SchemaHeaderField, type SchemaSection, type TemplateSchema } from './schema';
import { matchEnum } from './enums';

interface Index {
  byAlias: Map<string, SchemaSection>;
  byKey: Map<string, SchemaSection>;
  order: Map<string, number>;
  placeholders: Set<string>;
  /** Normalized column name of the template's task table → its role's column, or null for a column with no role. */
  taskColumns: Map<string, TaskColumn | null>;
  headerKeys: Map<string, HeaderKey | null>;
}

const indexes = new WeakMap<TemplateSchema, Index>();

function indexOf(schema: TemplateSchema): Index {
  let index = indexes.get(schema);
  if (index) return index;
  const byAlias = new Map<string, SchemaSection>();
  for (const s of schema.sections) for (const a of s.aliases) if (!byAlias.has(a)) byAlias.set(a, s);
  const taskColumns = new Map<string, TaskColumn | null>();
  const tt = schema.taskTable;
  if (tt) {
    for (const role of TASK_ROLES) if (tt.roles[role] !== undefined) taskColumns.set(normalizeHeading(tt.roles[role]!), ROLE_COLUMN[role]);
    for (const c of tt.columns) if (!taskColumns.has(normalizeHeading(c))) taskColumns.set(normalizeHeading(c), null);
  }
  const headerKeys = new Map<string, HeaderKey | null>();
  for (const f of schema.headerFields) headerKeys.set(f.label.toLowerCase(), f.key ?? null);
  index = {
    byAlias,
    byKey: new Map(schema.sections.map((s) => [s.key, s])),
    order: new Map(schema.sections.map((s, i) => [s.key, i])),
    placeholders: new Set(schema.placeholders),
    taskColumns,
    headerKeys,
  };
  indexes.set(schema, index);
  return index;
}

/** A heading in parentheses that says the section is optional does not change what it is. */
const OPTIONAL_NOTE = /\s*[([]\s*(?:optional|if (?:needed|applicable|any|relevant))\b[^)\]]*[)\]]\s*/i;

/** The template section a spec's level-2 heading counts as. */
export function sectionFor(schema: TemplateSchema, headingText: string): SchemaSection | undefined {
  const { byAlias } = indexOf(schema);
  return byAlias.get(normalizeHeading(headingText)) ?? byAlias.get(normalizeHeading(headingText.replace(OPTIONAL_NOTE, ' ')));
}

export function sectionByKey(schema: TemplateSchema, key: string): SchemaSection | undefined {
  return indexOf(schema).byKey.get(key);
}

/** Section key → its place in the template's order. */
export function sectionOrder(schema: TemplateSchema): ReadonlyMap<string, number> {
  return indexOf(schema).order;
}

export function isTemplatePlaceholder(schema: TemplateSchema, inner: string): boolean {
  return indexOf(schema).placeholders.has(inner);
}

/** The rules' key for a spec's header label: the template's field of that label, else the common names. */
export function headerKeyOf(schema: TemplateSchema, label: string): HeaderKey | undefined {
  const l = label.trim().toLowerCase();
  const own = indexOf(schema).headerKeys.get(l);
  if (own !== undefined) return own ?? undefined;
  return Object.hasOwn(HEADER_LABELS, l) ? HEADER_LABELS[l] : undefined;
}

/**
 * The template's verdict on a spec's task-table column: its role's column, null for a column the
 * template's task table has without a role (Owner), undefined when the template does not name it.
 */
export function templateTaskColumn(schema: TemplateSchema | undefined, header: string): TaskColumn | null | undefined {
  return schema ? indexOf(schema).taskColumns.get(normalizeHeading(header)) : undefined;
}

/** Whether `value` is the template's ready Status (any case, common synonyms). */
export function isReadyStatus(schema: TemplateSchema, value: string | undefined): boolean {
  const ready = schema.status?.ready;
  return !!ready && value !== undefined && matchEnum(value, [ready]) !== undefined;
}

/** The values the template shows for a column of a table in the section `sectionKey`, matched by the column's name. */
export function columnEnum(schema: TemplateSchema, sectionKey: string | undefined, column: string): string[] | undefined {
  const name = normalizeHeading(column);
  for (const t of schema.tables) {
    if (t.sectionKey !== sectionKey) continue;
    for (const [c, values] of Object.entries(t.enums)) if (normalizeHeading(c) === name) return values;
  }
  return undefined;
}

/** The template's header field with the rules' key `key`. */
export function headerField(schema: TemplateSchema, key: HeaderKey): SchemaHeaderField | undefined {
  return schema.headerFields.find((f) => f.key === key);
}

/** The Status value a spec goes back to when it is not ready yet: the one before the ready one. */
export function backTo(schema: TemplateSchema): string {
  const values = schema.status?.values ?? [];
  const i = schema.status ? values.indexOf(schema.status.ready) : -1;
  return i > 0 ? values[i - 1] : (values[0] ?? 'a draft value');
}

/** The heading the template draws its task dependency graph under (`Task Dependency Graph` in the bundled one). */
export function graphHeading(schema: TemplateSchema): string {
  const block = schema.codeBlocks.find((b) => b.sectionKey === 'task-breakdown' && (b.kind === 'graph' || b.kind === 'flowchart'));
  return block?.heading && block.heading !== block.sectionTitle ? block.heading : 'Task Dependency Graph';
}
