// techspec/derivedRules: what the engine reads from the template a document is checked against.
import { describeTemplate, schemaOf, type EngineSettings } from '../../engine';
import type { DerivedRules } from '../../protocol';

export function derivedRules(settings: EngineSettings): DerivedRules {
  const template = settings.template;
  const source = template ? (template.path ?? 'the configured template') : 'the bundled template';
  return { markdown: describeTemplate(schemaOf(settings), source) };
}
