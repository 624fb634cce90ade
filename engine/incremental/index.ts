export { IncrementalParser, type IncrementalOptions } from './parser';
export { commonPrefix, commonSuffix, flatten, type TextDiff } from './textDiff';
export { ModelMemo, type TreeSource } from './modelReuse';
