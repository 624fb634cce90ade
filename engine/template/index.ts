export { deriveTemplate, DEFAULT_TASK_ID_PATTERN } from './derive';
export { describeTemplate } from './describe';
export { defaultSchema, schemaOf } from './default';
export { matchEnum, enumWordsIn } from './enums';
export { sectionFor, sectionByKey, sectionOrder, headerKeyOf } from './lookup';
export type * from './schema';
export { TASK_ROLES, ROLE_COLUMN } from './schema';
