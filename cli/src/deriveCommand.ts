// `techspec derive [TEMPLATE]`: what the rules read from a template, as a markdown document.
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { deriveTemplate, describeTemplate, TEMPLATE_TEXT } from '../../engine';
import { CliError, describeError } from './errors';
import type { RunContext } from './lintCommand';
import { writeOutput } from './planFile';
import { settingsResolver } from './settings';
import { fromStored } from './text';

export const DERIVE_HELP = `Usage: techspec derive [TEMPLATE] [options]

Prints the rules derived from the template TEMPLATE (default: the config's "template", else the
bundled one): sections and their order, header fields and values, tables and task-table columns,
enumerations, placeholders, the task-ID pattern, expected code blocks, and what could not be read.
The config's taskTable and readyStatus apply.

Options:
  --output FILE    write to FILE instead of stdout
  --config FILE    use this config file (default: the nearest .techspec.jsonc)
  -h, --help       show this help`;

export function deriveCommand(argv: string[], context: RunContext): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      output: { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    context.stdout(DERIVE_HELP + '\n');
    return 0;
  }
  if (positionals.length > 1) throw new CliError('derive takes one template file');
  const settings = settingsResolver(context.cwd, values.config)(join(context.cwd, 'any'));
  const shown = (path: string) => relative(context.cwd, path).split(sep).join('/') || path;
  let text = TEMPLATE_TEXT;
  let source = 'the bundled template';
  if (positionals.length) {
    const path = resolve(context.cwd, positionals[0]);
    try {
      text = fromStored(readFileSync(path, 'utf8')).text;
    } catch (error) {
      throw new CliError(`cannot read ${positionals[0]}: ${describeError(error)}`);
    }
    source = shown(path);
  } else if (settings.template) {
    text = settings.template.text;
    source = settings.template.path ? shown(settings.template.path) : 'the configured template';
  }
  const schema = deriveTemplate(text, { taskTable: settings.taskTable, readyStatus: settings.readyStatus });
  writeOutput(describeTemplate(schema, source), values.output, context.cwd, context.stdout);
  return 0;
}
