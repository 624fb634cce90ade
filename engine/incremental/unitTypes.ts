import type { RootContent } from 'mdast';

export interface Unit {
  start: number;
  end: number;
  /** 0-based line of `start`. */
  line: number;
  /** What the unit was placed from in the last parse, under definitions `defs`: reused while its text is unchanged. */
  entry?: Entry;
  table?: TableState;
  defs?: string;
  /** The table this unit was before an edit inside it: rows outside the edit are taken from it. */
  prev?: TableState & { start: number };
}

export interface TableState {
  parts: TableParts;
  head: Entry;
  rows: Entry[];
}

export interface TableParts {
  /** Header and delimiter rows, with their line breaks. */
  head: string;
  /** Start offsets of body rows, relative to the unit; the last element is the end of the rows. */
  rows: number[];
}

export interface Entry {
  nodes: RootContent[];
  /** Offset and 0-based line the nodes' positions are currently placed at. */
  off: number;
  line: number;
  /** The parse ended inside an open fenced code or HTML block: the unit must grow. */
  unclosed: boolean;
  /** `L:label` / `F:label` of definitions and footnote definitions in the unit. */
  defs: string[];
  gen: number;
  /** The points inside the nodes (not their own), collected the first time they move. */
  points?: Point[];
  /**
   * Where the nodes' own positions are, and where the points inside them are, while `off` and
   * `line` say where the entry is now: both catch up when the entry is settled, so that a keystroke
   * does not touch every node after it.
   */
  ownOff: number;
  ownLine: number;
  innerOff: number;
  innerLine: number;
  /** What pack() wrote the children of the nodes to (the nodes have none then). */
  packed: string | undefined;
  /** Whether pack() may pack it: a big table's row, or top-level nodes with PACK_MIN_NODES inside. */
  packable: boolean;
}

export type Point = { line: number; offset?: number };
