import type { Finding, Rule } from '../rule';
import type { Cell } from '../model';

/**
 * Characters that draw nothing or reorder what follows: a soft hyphen, zero-width spaces and joiners,
 * bidirectional marks, embeddings, overrides and isolates, word joiners, and a byte order mark in text.
 */
export const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

const describe = (c: string) => {
  const code = c.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return NAMES[code] ? `${hex} ${NAMES[code]}` : hex;
};

export const invisibleCharacter: Rule = {
  code: 'TS414',
  name: 'invisible-character',
  defaultSeverity: 'warning',
  description: 'A task ID, title or Dependencies cell holds invisible or bidirectional control characters, which make it read as something else.',
  help: 'Remove the invisible characters (quick fix): they can make T8 display as another ID, or reverse the text after them.',
  fixes: ['removeInvisible'],
  check({ model }) {
    const out: Finding[] = [];
    for (const task of model.taskTable?.tasks ?? []) {
      const cells: [string, Cell | undefined][] = [
        ['ID', task.idCell],
        ['title', task.titleCell],
        ['Dependencies cell', task.depsCell],
      ];
      for (const [what, cell] of cells) {
        if (!cell) continue;
        const found = model.text.slice(cell.span.start, cell.span.end).match(INVISIBLE);
        if (!found) continue;
        const kinds = [...new Set(found)].map(describe).join(', ');
        out.push({
          range: cell.span.range,
          message: `The ${what} of task ${task.id.replace(INVISIBLE, '') || '(no ID)'} holds ${found.length === 1 ? 'an invisible character' : `${found.length} invisible characters`} (${kinds}): it may read as something else. Remove ${found.length === 1 ? 'it' : 'them'}.`,
        });
      }
    }
    return out;
  },
};
