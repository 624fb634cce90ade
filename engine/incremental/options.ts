export interface IncrementalOptions {
  /** Unparsed text parsed in one go: larger batches pay remark's per-call cost less often. */
  batchChars: number;
  /** Table rows parsed in one go: remark-gfm's table parsing grows faster than linearly with the table. */
  rowBatch: number;
  /** A table with fewer body rows than this is parsed as one unit. */
  minSplitRows: number;
  /** Big-table rows and top-level units that pack() leaves unpacked: those read or parsed last. */
  warmRows: number;
}

export const DEFAULTS: IncrementalOptions = { batchChars: 16_000, rowBatch: 16, minSplitRows: 48, warmRows: 512 };
