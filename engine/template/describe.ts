// What was derived from a template, as a markdown document people read (the command and `techspec derive`).
import { TASK_ROLES, type TemplateSchema } from './schema';

const ROLE_NAMES: Record<(typeof TASK_ROLES)[number], string> = {
  id: 'ID',
  title: 'title',
  estimate: 'estimate',
  dependencies: 'dependencies',
  ticket: 'ticket',
};

const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function describeTemplate(schema: TemplateSchema, source = 'the template'): string {
  const out: string[] = [`# Rules derived from ${source}`, ''];
  if (schema.title) out.push(`Title: ${code(schema.title)}`, '');

  out.push('## Sections', '');
  if (!schema.sections.length) out.push('None: no section is required.');
  else {
    out.push('In this order (TS102 flags another order; TS101 flags a missing required section):', '');
    out.push('| # | section | required | key | also counts |', '|---|---|---|---|---|');
    schema.sections.forEach((s, i) => {
      const also = s.aliases.slice(1).join(', ');
      out.push(`| ${i + 1} | ${cell(s.title)} | ${s.optional ? 'optional' : 'yes'} | ${code(s.key)} | ${cell(also) || '—'} |`);
    });
  }
  out.push('');

  out.push('## Header fields', '');
  if (!schema.headerFields.length) out.push('None.');
  for (const f of schema.headerFields) {
    const values = f.values ? `: one of ${f.values.map(code).join(', ')}` : '';
    const role = f.key ? ` (read as ${f.key})` : '';
    out.push(`- **${f.label}**${role}${values}`);
  }
  if (schema.status) {
    out.push('');
    out.push(
      schema.status.ready
        ? `Ready means ${schema.status.label} ${code(schema.status.ready)}: then no placeholder (TS901) and no open question (TS902) may remain. Set ${code('readyStatus')} in .techspec.jsonc to change it.`
        : `${schema.status.label} lists no values: no value means ready.`,
    );
  }
  out.push('');

  out.push('## Tables', '');
  if (!schema.tables.length) out.push('None.');
  else {
    out.push('| section | under | columns | values |', '|---|---|---|---|');
    for (const t of schema.tables) {
      const enums = Object.entries(t.enums)
        .map(([c, v]) => `${c}: ${v.join(' / ')}`)
        .join('; ');
      out.push(`| ${cell(sectionTitle(schema, t.sectionKey))} | ${cell(t.heading ?? '—')} | ${cell(t.columns.join(', '))} | ${cell(enums) || '—'} |`);
    }
  }
  out.push('');

  out.push('## Task table', '');
  const tt = schema.taskTable;
  if (!tt) out.push('None found: the task rules have no table to check.');
  else {
    out.push(
      `In ${sectionTitle(schema, tt.sectionKey)}, columns ${tt.columns.map(code).join(', ')}. Column roles (set ${code('taskTable')} in .techspec.jsonc to name others):`,
      '',
    );
    for (const role of TASK_ROLES) {
      const name = tt.roles[role];
      out.push(`- ${ROLE_NAMES[role]}: ${name ? code(name) : 'none (not required)'}`);
    }
    const extra = tt.columns.filter((c) => !Object.values(tt.roles).includes(c));
    if (extra.length) out.push(`- other columns, not checked: ${extra.map(code).join(', ')}`);
    out.push('', 'Specs may add columns anywhere and leave out the ticket column.');
  }
  out.push('');

  out.push('## Task IDs', '');
  out.push(`Pattern ${code(schema.taskId.pattern)}. ${schema.taskId.explanation} Set ${code('taskIdPattern')} to use another.`, '');

  out.push('## Enumerations', '');
  const risk = schema.riskLevels ? `Risk likelihood and impact: ${schema.riskLevels.map(code).join(', ')} (TS701).` : 'No risk levels: TS701 checks nothing.';
  out.push(risk, '');
  out.push('Values match in any case and in common short or long forms (Med for Medium, Hi for High).', '');

  out.push('## Placeholders', '');
  if (!schema.placeholders.length) out.push('None.');
  else out.push(`A spec that still holds one of these (in brackets) gets TS301: ${schema.placeholders.map((p) => code(`[${p}]`)).join(', ')}.`);
  out.push('');

  out.push('## Code blocks', '');
  if (!schema.codeBlocks.length) out.push('None.');
  for (const b of schema.codeBlocks) {
    const what = [b.lang ?? 'plain', b.kind].filter(Boolean).join(' ');
    const where = [sectionTitle(schema, b.sectionKey), b.heading && b.heading !== b.sectionTitle ? b.heading : undefined].filter(Boolean).join(' › ');
    out.push(`- ${what} in ${where}`);
  }
  out.push('');
  out.push(
    schema.dependencyGraph
      ? 'The task section draws its dependencies in a mermaid graph: TS501-TS503 compare it with the table.'
      : 'The task section has no dependency graph: a spec need not draw one.',
    '',
  );

  out.push('## Problems', '');
  if (!schema.problems.length) out.push('None.');
  for (const p of schema.problems) out.push(`- ${p}`);
  out.push('');
  return out.join('\n');
}

function sectionTitle(schema: TemplateSchema, key: string | undefined): string {
  return schema.sections.find((s) => s.key === key)?.title ?? 'the header';
}
