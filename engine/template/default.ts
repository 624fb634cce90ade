// The schema specs are checked against: the bundled template's, or the configured template's,
// derived once per text and options.
import { TEMPLATE_TEXT } from '../templateText';
import type { EngineSettings } from '../settings';
import { deriveTemplate } from './derive';
import type { TemplateSchema } from './schema';

let bundled: TemplateSchema | undefined;

/** The bundled template's schema. */
export function defaultSchema(): TemplateSchema {
  return (bundled ??= deriveTemplate(TEMPLATE_TEXT));
}

/** Schemas of the templates used lately, by text and options: a few teams' templates at most. */
const recent = new Map<string, TemplateSchema>();
const KEPT = 8;

/** The schema the settings' template (or the bundled one) gives, with their taskTable and readyStatus. */
export function schemaOf(settings: Pick<EngineSettings, 'template' | 'taskTable' | 'readyStatus'> | undefined): TemplateSchema {
  const text = settings?.template?.text;
  const taskTable = settings?.taskTable;
  const readyStatus = settings?.readyStatus;
  if (text === undefined && taskTable === undefined && readyStatus === undefined) return defaultSchema();
  const key = JSON.stringify([text ?? null, taskTable ?? null, readyStatus ?? null]);
  let schema = recent.get(key);
  if (schema) recent.delete(key);
  else schema = deriveTemplate(text ?? TEMPLATE_TEXT, { taskTable, readyStatus });
  recent.set(key, schema);
  if (recent.size > KEPT) recent.delete(recent.keys().next().value!);
  return schema;
}
