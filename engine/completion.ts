import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import type { SpecModel, Table } from './model';
import { normalizeHeading } from './template';
import { columnEnum } from './template/lookup';
import { taskGraph, transitiveDependents } from './taskGraph';
import { compareNatural } from './text';
import { c4Completions } from './c4Completion';

/** sortText that keeps the order of a list. */
const order = (i: number) => String(i).padStart(5, '0');

/** A cell of a table line, split the way GFM splits it: `\|` and pipes in code spans are content. */
interface LineCell {
  start: number;
  end: number;
  text: string;
}

/** Cells of one table line, as character offsets within the line; a cell may be empty or unfinished. */
function splitRow(line: string): LineCell[] {
  const pipes: number[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(line.slice(i))![0];
      const close = line.indexOf(run, i + run.length);
      if (close > 0) {
        i = close + run.length;
        continue;
      }
      i += run.length;
      continue;
    }
    if (c === '|') pipes.push(i);
    i++;
  }
  const bounds = [...pipes];
  if (!/^\s*\|/.test(line)) bounds.unshift(-1);
  const cells: LineCell[] = [];
  for (let k = 0; k < bounds.length; k++) {
    const start = bounds[k] + 1;
    const end = k + 1 < bounds.length ? bounds[k + 1] : line.length;
    cells.push({ start, end, text: line.slice(start, end).trim() });
  }
  return cells;
}

/** The word around `ch` on the line, delimited by the characters `stop` matches. */
function wordAt(line: string, ch: number, stop: RegExp): { start: number; end: number; text: string } {
  let s = ch;
  while (s > 0 && !stop.test(line[s - 1])) s--;
  let e = ch;
  while (e < line.length && !stop.test(line[e])) e++;
  return { start: s, end: e, text: line.slice(s, e) };
}

/** A written ID without its markup: `**T9**`, `` `T9` ``, `_T9_` → T9. */
const plainId = (word: string) => word.replace(/^[*_`]+|[*_`]+$/g, '');

const lineRange = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });

export function getCompletions(model: SpecModel, position: Position): CompletionItem[] {
  const { lines } = model;
  if (position.line >= lines.lineCount) return [];
  const offset = lines.offsetAt(position);
  const line = lines.lineText(position.line);
  const ch = Math.min(position.character, line.length);

  const block = model.codeBlocks.find((b) => b.span.start < offset && offset <= b.span.end);
  if (block) {
    if (block.lang === 'mermaid' && block.sectionKey === 'task-breakdown' && offset >= block.contentStart && position.line < block.span.range.end.line) {
      return graphCompletions(model, position.line, line, ch);
    }
    return offset >= block.contentStart ? c4Completions(model, block, offset) : [];
  }

  const firstSection = model.sections[0]?.heading.start ?? model.text.length;
  const values = model.schema.status?.values ?? [];
  const label = /^(\s*(?:>\s*)?\*\*([^*]+?):?\*\*:?[ \t]*)/.exec(line);
  const status = label && model.schema.status && label[2].trim().toLowerCase() === model.schema.status.label.toLowerCase() ? label : null;
  if (status && offset <= firstSection && ch >= status[1].length) {
    const end = line.trimEnd().length;
    const range = lineRange(position.line, status[1].length, Math.max(end, ch));
    return values.map((v, i) => ({ label: v, kind: CompletionItemKind.EnumMember, sortText: order(i), textEdit: { range, newText: v } }));
  }

  const heading = /^##[ \t]+/.exec(line);
  if (heading && ch >= heading[0].length) return sectionCompletions(model, position.line, line, heading[0].length);

  const table = model.tables.find((t) => t.span.range.start.line + 2 <= position.line && position.line <= t.span.range.end.line);
  if (table && line.includes('|')) return cellCompletions(model, table, position.line, line, ch);
  return [];
}

function taskItem(model: SpecModel, id: string, i: number, range: Range): CompletionItem {
  const task = taskGraph(model).tasks.get(id)!;
  return { label: id, kind: CompletionItemKind.Reference, detail: task.title, sortText: order(i), filterText: id, textEdit: { range, newText: id } };
}

function graphCompletions(model: SpecModel, line: number, text: string, ch: number): CompletionItem[] {
  const word = wordAt(text, ch, /[^A-Za-z0-9_]/);
  const range = lineRange(line, word.start, word.end);
  const ids = [...taskGraph(model).tasks.keys()].sort(compareNatural);
  return ids.map((id, i) => taskItem(model, id, i, range));
}

function sectionCompletions(model: SpecModel, line: number, text: string, from: number): CompletionItem[] {
  const present = new Set(model.sections.map((s) => s.key));
  // The heading being typed is a section of the model too: it does not count as present.
  const typed = normalizeHeading(text.slice(from));
  const range = lineRange(line, from, text.length);
  const eol = model.lines.eol;
  const out: CompletionItem[] = [];
  model.schema.sections.forEach((s, i) => {
    if (present.has(s.key) && !(s.aliases.includes(typed) && model.sections.filter((o) => o.key === s.key).length === 1)) return;
    out.push({ label: s.title, kind: CompletionItemKind.Module, sortText: order(i * 2), filterText: s.title, textEdit: { range, newText: s.title } });
    const skeleton = s.skeleton.replace(/^## /, '').replace(/\s*(?:\n---\s*)?$/, '');
    out.push({
      label: `${s.title} (template skeleton)`,
      kind: CompletionItemKind.Snippet,
      detail: "The section with the template's content",
      sortText: order(i * 2 + 1),
      filterText: s.title,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range, newText: eol === '\n' ? skeleton : skeleton.replace(/\n/g, eol) },
    });
  });
  return out;
}

function cellCompletions(model: SpecModel, table: Table, line: number, text: string, ch: number): CompletionItem[] {
  const cells = splitRow(text);
  const col = cells.findIndex((c) => c.start <= ch && ch <= c.end);
  if (col < 0) return [];
  const cell = cells[col];
  const tt = model.taskTable;
  if (tt && tt.table === table) {
    if (col === tt.columns.deps) return dependencyCompletions(model, cells, cell, line, text, ch);
    if (col === (tt.columns.id ?? 0)) return idCompletions(model, cell, line, text, ch);
  }
  const header = table.header.cells[col]?.text ?? '';
  const risk = table.sectionKey === 'risks' && /^(likelihood|probability|impact|severity)\b/i.test(header.trim()) ? model.schema.riskLevels : undefined;
  const enumValues = columnEnum(model.schema, table.sectionKey, header) ?? risk;
  if (enumValues) {
    const word = wordAt(text, ch, /[|\s]/);
    const range = lineRange(line, word.start, word.end);
    return enumValues.map((v, i) => ({ label: v, kind: CompletionItemKind.EnumMember, sortText: order(i), textEdit: { range, newText: v } }));
  }
  return [];
}

function dependencyCompletions(model: SpecModel, cells: LineCell[], cell: LineCell, line: number, text: string, ch: number): CompletionItem[] {
  const tt = model.taskTable!;
  const g = taskGraph(model);
  const own = plainId(cells[tt.columns.id ?? 0]?.text ?? '');
  const word = wordAt(text, ch, /[|,;\s]/);
  const others = new Set(
    `${text.slice(cell.start, word.start)} ${text.slice(word.end, cell.end)}`
      .split(/[,;\s]+/)
      .map(plainId)
      .filter(Boolean),
  );
  // A task that already depends on this row, directly or not, would close a cycle.
  const closers = g.tasks.has(own) ? transitiveDependents(g, own) : new Set<string>();
  const ids = [...g.tasks.keys()].filter((id) => id !== own && !others.has(id) && !closers.has(id)).sort(compareNatural);
  const range = lineRange(line, word.start, word.end);
  const items = ids.map((id, i) => taskItem(model, id, i, range));
  const hasIds = [...others].some((w) => g.tasks.has(w));
  if (!hasIds && !others.has('None'))
    items.push({
      label: 'None',
      kind: CompletionItemKind.Keyword,
      detail: 'No dependencies',
      sortText: order(ids.length),
      textEdit: { range, newText: 'None' },
    });
  return items;
}

function idCompletions(model: SpecModel, cell: LineCell, line: number, text: string, ch: number): CompletionItem[] {
  const ids = model.taskTable!.tasks.map((t) => t.id);
  // With no task yet, the template's example IDs give the prefix.
  let prefix = /^(.*?)\d+$/.exec(model.schema.taskId.examples[0] ?? '')?.[1] ?? 'T';
  let max = 0;
  for (const id of ids) {
    const m = /^(.*?)(\d+)$/.exec(id);
    if (!m) continue;
    prefix = m[1];
    max = Math.max(max, Number(m[2]));
  }
  // The row being typed is in the model too: its own ID is not taken.
  const current = plainId(text.slice(cell.start, cell.end).trim());
  const m = /^(.*?)(\d+)$/.exec(current);
  if (m && m[1] === prefix && Number(m[2]) === max && ids.filter((id) => id === current).length === 1) {
    max = 0;
    for (const id of ids) if (id !== current) max = Math.max(max, Number(/(\d+)$/.exec(id)?.[1] ?? 0));
  }
  const next = `${prefix}${max + 1}`;
  const word = wordAt(text, ch, /[|\s]/);
  return [
    { label: next, kind: CompletionItemKind.Value, detail: 'Next free task ID', textEdit: { range: lineRange(line, word.start, word.end), newText: next } },
  ];
}
