// Kept for the importers of ModelMemo: it lives beside the incremental parser.
export { ModelMemo } from './incremental';
