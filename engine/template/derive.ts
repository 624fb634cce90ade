// deriveTemplate: a template's markdown read as the schema every rule checks specs against.
// Pure and total: any text gives a schema, what could not be derived is listed in `problems`.
import type { Code, Nodes, Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../parse';
import { normalizeHeading } from '../template';
import { taskColumnOf } from '../model/tasks';
import { HEADER_LABELS } from './headerLabels';
import { matchEnum } from './enums';
import {
  ROLE_COLUMN,
  TASK_ROLES,
  type HeaderKey,
  type SchemaCodeBlock,
  type SchemaHeaderField,
  type SchemaSection,
  type SchemaTable,
  type SchemaTaskTable,
  type TaskRole,
  type TemplateOptions,
  type TemplateSchema,
} from './schema';

/** Sections the engine knows by name: key, and more names that count as it. */
const KNOWN_SECTIONS: [key: string, names: string[]][] = [
  ['overview', ['overview', 'summary']],
  ['architecture', ['architecture']],
  ['data-model', ['data model']],
  ['api-design', ['api design', 'api']],
  ['task-breakdown', ['task breakdown', 'tasks']],
  ['security', ['security considerations', 'security']],
  ['performance', ['performance considerations', 'performance']],
  ['testing', ['testing strategy', 'testing', 'test plan', 'test strategy']],
  ['rollout', ['rollout plan', 'rollout']],
  ['risks', ['risks and mitigations', 'risks']],
  ['open-questions', ['open questions decisions needed', 'open questions', 'decisions needed', 'open questions and decisions needed']],
  ['references', ['references']],
];

/** `(if needed)`, `(if applicable for X)`, `(optional)` in a heading. */
const OPTIONAL_MARK = /\s*[([]\s*(?:optional|if (?:needed|applicable|any|relevant))\b[^)\]]*[)\]]\s*/i;

/** A table cell that shows the values of a column: `Low/Med/High`, `Yes / No`. */
const ENUM_CELL = /^[\p{L}][\p{L}\p{N} -]{0,20}(?:\s*\/\s*[\p{L}][\p{L}\p{N} -]{0,20})+$/u;

const HEADER_LINE = /^\s*(?:>\s*)?\*\*([^*]+?):?\*\*:?[ \t]*(.*?)\s*$/;

/** Project keys that templates write as a stand-in for the team's own (`PROJ-12`). */
const STAND_IN_KEYS = new Set(['PROJ', 'PROJECT', 'KEY', 'ABC', 'XYZ', 'XXX', 'TEAM', 'JIRA', 'TICKET']);

export const DEFAULT_TASK_ID_PATTERN = '^T\\d+$';

export function deriveTemplate(text: string, options: TemplateOptions = {}): TemplateSchema {
  const problems: string[] = [];
  let root: Root;
  try {
    root = parseMarkdown(typeof text === 'string' ? text : '');
  } catch (error) {
    problems.push(`The template could not be read as markdown (${error instanceof Error ? error.message : String(error)}).`);
    root = { type: 'root', children: [] };
  }
  return new Deriver(typeof text === 'string' ? text : '', root, options, problems).derive();
}

const offsetOf = (n: Nodes) => n.position?.start.offset ?? 0;

class Deriver {
  private readonly sections: SchemaSection[] = [];
  /** Start offset of each section, parallel to `sections`. */
  private readonly starts: number[] = [];
  private readonly tables: { table: SchemaTable; node: Table; section: number }[] = [];
  private readonly codeBlocks: { block: SchemaCodeBlock; section: number }[] = [];
  private readonly headings: { offset: number; title: string }[] = [];

  constructor(
    private readonly text: string,
    private readonly root: Root,
    private readonly options: TemplateOptions,
    private readonly problems: string[],
  ) {}

  derive(): TemplateSchema {
    const { problems } = this;
    const titleNode = this.root.children.find((n) => n.type === 'heading' && n.depth === 1);
    const title = titleNode ? toString(titleNode).trim() : undefined;
    if (!title) problems.push('The template has no level-1 title.');
    this.readSections();
    this.walk(this.root);
    const taskTable = this.readTaskTable();
    this.assignRoleKeys(taskTable?.section);
    const headerFields = this.readHeader(titleNode?.position?.end.offset ?? 0);
    const status = this.readStatus(headerFields);
    const tables = this.tables.map(({ table, section }) => ({ ...table, sectionKey: this.sections[section]?.key }));
    const codeBlocks = this.codeBlocks.map(({ block, section }) => ({
      ...block,
      sectionKey: this.sections[section]?.key,
      sectionTitle: this.sections[section]?.title,
    }));
    const schemaTaskTable: SchemaTaskTable | undefined = taskTable && { ...taskTable.schema, sectionKey: this.sections[taskTable.section]?.key };
    const taskId = this.readTaskIds(taskTable?.ids ?? []);
    const placeholders = this.readPlaceholders(taskId.examples);
    const riskLevels = this.readRiskLevels(tables);
    const taskKey = schemaTaskTable?.sectionKey;
    const dependencyGraph = codeBlocks.some((b) => b.lang === 'mermaid' && b.sectionKey === taskKey && (b.kind === 'graph' || b.kind === 'flowchart'));
    if (!this.sections.length) problems.push('The template has no level-2 sections: no section is required.');
    return {
      title,
      sections: this.sections,
      headerFields,
      status,
      tables,
      taskTable: schemaTaskTable,
      riskLevels,
      placeholders,
      taskId,
      codeBlocks,
      dependencyGraph,
      problems,
    };
  }

  private readSections(): void {
    const h2 = this.root.children.filter((n) => n.type === 'heading' && n.depth === 2);
    const seen = new Set<string>();
    h2.forEach((h, i) => {
      const start = offsetOf(h);
      const end = i + 1 < h2.length ? offsetOf(h2[i + 1]) : this.text.length;
      const written = toString(h).trim();
      const optional = OPTIONAL_MARK.test(written);
      const title = written.replace(OPTIONAL_MARK, ' ').trim() || written;
      const norm = normalizeHeading(title);
      if (!norm) {
        this.problems.push(`A level-2 heading on line ${h.position?.start.line ?? 0} has no text: it is no section.`);
        return;
      }
      if (seen.has(norm)) {
        this.problems.push(`The template has the section "${title}" twice: the first counts.`);
        return;
      }
      seen.add(norm);
      let skeleton = this.text.slice(start, end);
      if (optional) skeleton = skeleton.replace(/^[^\n]*/, `## ${title}`);
      if (!skeleton.endsWith('\n')) skeleton += '\n';
      const known = KNOWN_SECTIONS.find(([, names]) => names.includes(norm));
      const aliases = [norm, ...(known ? known[1] : [])];
      this.sections.push({ key: known ? known[0] : slug(norm), title, optional, aliases: [...new Set(aliases)], skeleton });
      this.starts.push(start);
    });
  }

  private sectionAt(offset: number): number {
    let found = -1;
    for (let i = 0; i < this.starts.length && this.starts[i] <= offset; i++) found = i;
    return found;
  }

  private headingAt(offset: number): string | undefined {
    let found: string | undefined;
    for (const h of this.headings) if (h.offset <= offset) found = h.title;
    return found;
  }

  private walk(node: Nodes): void {
    if (node.type === 'heading') this.headings.push({ offset: offsetOf(node), title: toString(node).trim() });
    if (node.type === 'table') return this.addTable(node);
    if (node.type === 'code') return this.addCode(node);
    if ('children' in node) for (const child of node.children) this.walk(child as Nodes);
  }

  private addTable(node: Table): void {
    const [head, ...body] = node.children;
    const columns = (head?.children ?? []).map((c) => toString(c).trim());
    const enums: Record<string, string[]> = {};
    // A column whose every filled cell shows values.
    columns.forEach((column, i) => {
      const cells = body.map((row) => (row.children[i] ? toString(row.children[i]).trim() : '')).filter((c) => c !== '');
      if (cells.length && cells.every((c) => ENUM_CELL.test(c))) enums[column] = cells[0].split('/').map((v) => v.trim());
    });
    const offset = offsetOf(node);
    this.tables.push({ table: { heading: this.headingAt(offset), columns, enums }, node, section: this.sectionAt(offset) });
  }

  private addCode(node: Code): void {
    const lang = node.lang?.toLowerCase() ?? undefined;
    const first = /^\s*([A-Za-z][\w-]*)/.exec(node.value)?.[1];
    const kind = lang === 'mermaid' ? first : undefined;
    const offset = offsetOf(node);
    const block = { heading: this.headingAt(offset), lang, kind };
    const section = this.sectionAt(offset);
    const same = (o: { block: SchemaCodeBlock; section: number }) =>
      o.section === section && o.block.heading === block.heading && o.block.lang === lang && o.block.kind === kind;
    if (!this.codeBlocks.some(same)) this.codeBlocks.push({ block, section });
  }

  /** The first table with an ID column and a Dependencies or estimate column; its roles, and its example IDs. */
  private readTaskTable(): { schema: Omit<SchemaTaskTable, 'sectionKey'>; section: number; ids: string[] } | undefined {
    const override = this.options.taskTable ?? {};
    const found = this.tables.find(({ table }) => {
      const roles = this.rolesOf(table.columns, override);
      return roles.id !== undefined && (roles.dependencies !== undefined || roles.estimate !== undefined);
    });
    if (!found) {
      this.problems.push(
        'The template has no task table (a table with an ID column and a Dependencies or estimate column): task rules find no table to check.',
      );
      if (Object.keys(override).length) this.problems.push('taskTable names columns, but the template has no task table for them.');
      return undefined;
    }
    const { columns } = found.table;
    const roles = this.rolesOf(columns, override);
    for (const role of TASK_ROLES) {
      const name = override[role];
      if (name !== undefined && !columns.some((c) => normalizeHeading(c) === normalizeHeading(name)))
        this.problems.push(`taskTable.${role} is "${name}", but the template's task table has no such column (it has ${columns.join(', ')}).`);
    }
    const idAt = columns.indexOf(roles.id!);
    const ids = found.node.children
      .slice(1)
      .map((row) => (row.children[idAt] ? toString(row.children[idAt]).trim() : ''))
      .filter((id) => id !== '' && !/^\[.*\]$/.test(id));
    return { schema: { columns, roles }, section: found.section, ids };
  }

  /** Role → column name: the config's names first, then each column's name and its synonyms. */
  private rolesOf(columns: string[], override: Partial<Record<TaskRole, string>>): Partial<Record<TaskRole, string>> {
    const roles: Partial<Record<TaskRole, string>> = {};
    const taken = new Set<string>();
    for (const role of TASK_ROLES) {
      const name = override[role];
      const column = name === undefined ? undefined : columns.find((c) => normalizeHeading(c) === normalizeHeading(name));
      if (column !== undefined) {
        roles[role] = column;
        taken.add(column);
      }
    }
    for (const column of columns) {
      if (taken.has(column)) continue;
      const model = taskColumnOf(column);
      const role = TASK_ROLES.find((r) => ROLE_COLUMN[r] === model);
      if (role && roles[role] === undefined && override[role] === undefined) {
        roles[role] = column;
        taken.add(column);
      }
    }
    return roles;
  }

  /** Sections found by what they hold: the task table's, the risk table's, the questions' and the API's. */
  private assignRoleKeys(taskSection: number | undefined): void {
    const claim = (key: string, index: number | undefined) => {
      if (index === undefined || index < 0) return;
      const section = this.sections[index];
      if (!section || section.key === key) return;
      const holder = this.sections.find((s) => s.key === key);
      if (holder) {
        holder.key = slug(holder.aliases[0]);
        holder.aliases = [holder.aliases[0]];
      }
      section.key = key;
      // The bundled template's names for the role count as this section too (`Task Breakdown` for `Work Plan`).
      const known = KNOWN_SECTIONS.find(([k]) => k === key)?.[1] ?? [];
      section.aliases = [...new Set([...section.aliases, ...known])];
    };
    claim('task-breakdown', taskSection);
    const risk = this.tables.find(({ table }) => table.columns.some((c) => /^(likelihood|probability)\b/i.test(c)));
    if (risk && !this.sections.some((s) => s.key === 'risks')) claim('risks', risk.section);
    const named = (key: string, test: RegExp) => {
      if (this.sections.some((s) => s.key === key)) return;
      const i = this.sections.findIndex((s) => test.test(s.aliases[0]));
      if (i >= 0) claim(key, i);
    };
    named('open-questions', /\bquestions?\b|\bdecisions?\b/);
    named('api-design', /\bapi\b|\bendpoints?\b|\binterfaces?\b/);
    named('risks', /\brisks?\b/);
    // Slugs that collide with another section's key get a number.
    const used = new Set<string>();
    for (const s of this.sections) {
      let key = s.key;
      for (let n = 2; used.has(key); n++) key = `${s.key}-${n}`;
      s.key = key;
      used.add(key);
    }
  }

  private readHeader(from: number): SchemaHeaderField[] {
    const end = this.starts[0] ?? this.text.length;
    const fields: SchemaHeaderField[] = [];
    for (const line of this.text.slice(from, end).split(/\r?\n/)) {
      const m = HEADER_LINE.exec(line);
      if (!m) continue;
      const label = m[1].trim();
      const key: HeaderKey | undefined = Object.hasOwn(HEADER_LABELS, label.toLowerCase()) ? HEADER_LABELS[label.toLowerCase()] : undefined;
      if (fields.some((f) => f.label.toLowerCase() === label.toLowerCase())) continue;
      const field: SchemaHeaderField = { label };
      if (key && !fields.some((f) => f.key === key)) field.key = key;
      if (m[2].includes('|')) {
        const values = m[2]
          .split('|')
          .map((v) => v.trim())
          .filter((v) => v !== '' && !/^\[.*\]$/.test(v));
        if (values.length) field.values = values;
      }
      fields.push(field);
    }
    if (!fields.length) this.problems.push('The template has no header fields (`**Field**: value` lines under the title).');
    return fields;
  }

  private readStatus(fields: SchemaHeaderField[]): TemplateSchema['status'] {
    const field = fields.find((f) => f.key === 'status');
    if (!field) {
      this.problems.push('The template has no Status field: the status and readiness rules are off.');
      return undefined;
    }
    const values = field.values ?? [];
    if (!values.length) this.problems.push(`The template's ${field.label} lists no values (like Draft | In Review | Approved): any value is accepted.`);
    let ready = values[values.length - 1] ?? '';
    const wanted = this.options.readyStatus;
    if (wanted !== undefined) {
      const match = values.length ? matchEnum(wanted, values) : wanted;
      if (match === undefined) this.problems.push(`readyStatus "${wanted}" is none of ${values.join(', ')}: using ${ready}.`);
      else ready = match;
    }
    return { label: field.label, values, ready };
  }

  /** The pattern every task ID must match, generalised from the example IDs. */
  private readTaskIds(ids: string[]): TemplateSchema['taskId'] {
    const examples = [...new Set(ids.map((id) => id.replace(/^[*_`]+|[*_`]+$/g, '')))];
    const fallback = (why: string) => {
      this.problems.push(`${why}: task IDs must match ${DEFAULT_TASK_ID_PATTERN} (set taskIdPattern to change it).`);
      return { pattern: DEFAULT_TASK_ID_PATTERN, examples, explanation: `${why}, so the default ${DEFAULT_TASK_ID_PATTERN} (T1, T2, …) applies.` };
    };
    if (!examples.length) return fallback('The template shows no example task IDs');
    const shapes = examples.map((id) => /^([A-Za-z]*)([-_.]?)(\d+)$/.exec(id));
    if (shapes.some((s) => !s)) return fallback(`The template's example IDs (${examples.join(', ')}) are not a prefix and a number`);
    const prefixes = new Set(shapes.map((s) => s![1]));
    const separators = new Set(shapes.map((s) => s![2]));
    if (separators.size > 1) return fallback(`The template's example IDs (${examples.join(', ')}) mix separators`);
    const sep = escape([...separators][0]);
    const digits = shapes.map((s) => s![3]);
    const fixedWidth = digits.every((d) => d.length === digits[0].length) && digits.some((d) => d.length > 1 && d.startsWith('0'));
    const number = fixedWidth ? `\\d{${digits[0].length}}` : '\\d+';
    const numberWords = fixedWidth ? `a ${digits[0].length}-digit number (zeros in front)` : 'a number';
    const list = examples.slice(0, 4).join(', ') + (examples.length > 4 ? ', …' : '');
    const [prefix] = prefixes;
    if (prefixes.size === 1 && !STAND_IN_KEYS.has(prefix.toUpperCase())) {
      return {
        pattern: `^${escape(prefix)}${sep}${number}$`,
        examples,
        explanation: `The example IDs ${list} are ${prefix ? `"${prefix}${[...separators][0]}"` : 'nothing'} followed by ${numberWords}.`,
      };
    }
    if ([...prefixes].every((p) => /^[A-Z]+$/.test(p))) {
      const why = prefixes.size === 1 ? `"${prefix}" stands for a project key` : `they have several keys (${[...prefixes].join(', ')})`;
      return {
        pattern: `^[A-Z][A-Z0-9]*${sep}${number}$`,
        examples,
        explanation: `The example IDs ${list} are an upper-case key and ${numberWords}; ${why}, so any upper-case key is accepted.`,
      };
    }
    return fallback(`The template's example IDs (${examples.join(', ')}) mix prefixes`);
  }

  /** Bracketed texts: not task lists' boxes, links, nor a graph node's label (`[T1: Migration]`). */
  private readPlaceholders(ids: string[]): string[] {
    const out = new Set<string>();
    for (const m of this.text.matchAll(/\[([^\]\n]+)\](?![(\[])/g)) {
      const inner = m[1];
      if (/^[ xX]$/.test(inner) || ids.some((id) => inner.startsWith(`${id}:`))) continue;
      out.add(inner);
    }
    return [...out];
  }

  private readRiskLevels(tables: SchemaTable[]): string[] | undefined {
    for (const t of tables) {
      const column = t.columns.find((c) => /^(likelihood|probability|impact|severity)\b/i.test(c) && t.enums[c]);
      if (column) return t.enums[column];
    }
    return undefined;
  }
}

function slug(norm: string): string {
  return norm.replace(/\s+/g, '-') || 'section';
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
