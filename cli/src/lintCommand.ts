// `techspec lint`: find the files, lint (and fix) them, report, and say by the exit code how it went.
import { writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, describeError, formatOption } from './errors';
import { findFiles } from './files';
import type { FileReport, LintFlags, LintJob } from './lintFile';
import { lintInParallel } from './parallel';
import { github, json, junit, stylish } from './report';
import { sarif } from './sarif';
import { projectRoot, settingsResolver } from './settings';

export const LINT_HELP = `Usage: techspec lint [globs…] [options]

Lints the markdown tech specs the globs name (default: the "files" globs of the config).
A glob starting with # or ! excludes; a folder means its markdown files; .gitignore is
honoured and node_modules never searched. Markdown files that are not specs are skipped.

Options:
  --config FILE        use this config file (default: the nearest .techspec.jsonc)
  --fix                apply the safe fixes to the files
  --dry-run            with --fix, print the fixes as a unified diff, change nothing
  --format NAME        stylish (default), json, sarif, junit or github
  --output FILE        write the report to FILE instead of stdout
  --max-warnings N     fail (exit 1) with more than N warnings
  --quiet              report errors only
  --force              lint every matched file, even ones not recognised as specs
  -h, --help           show this help

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 the run failed.`;

const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;
type Format = (typeof FORMATS)[number];

export interface RunContext {
  cwd: string;
  version: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

export async function lintCommand(argv: string[], context: RunContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      fix: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      format: { type: 'string', default: 'stylish' },
      output: { type: 'string' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    context.stdout(LINT_HELP + '\n');
    return 0;
  }
  const format = formatOption(values.format, FORMATS);
  if (values['dry-run'] && !values.fix) throw new CliError('--dry-run goes with --fix');
  const maxWarnings = values['max-warnings'] === undefined ? Infinity : Number(values['max-warnings']);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) throw new CliError(`--max-warnings needs a whole number, not "${values['max-warnings']}"`);

  const { cwd } = context;
  const settingsFor = settingsResolver(cwd, values.config);
  const globs = positionals.length ? positionals : settingsFor(join(cwd, 'any')).files;
  const paths = await findFiles(globs, cwd);
  if (!paths.length) {
    context.stderr(`techspec: no files matched ${globs.join(' ')}\n`);
    return 0;
  }
  const jobs: LintJob[] = paths.map((path) => {
    const absolutePath = resolve(cwd, path);
    return { absolutePath, path: path.split(sep).join('/'), settings: settingsFor(absolutePath) };
  });
  const flags: LintFlags = { fix: values.fix, dryRun: values['dry-run'], force: values.force, today: today() };
  const reports = await lintInParallel(jobs, flags);
  return finish(reports, { format, output: values.output, quiet: values.quiet, maxWarnings }, context);
}

function finish(reports: FileReport[], options: { format: Format; output?: string; quiet: boolean; maxWarnings: number }, context: RunContext): number {
  const failed = reports.filter((r) => r.error);
  for (const r of failed) context.stderr(`techspec: ${r.path}: ${r.error}\n`);
  for (const r of reports) if (r.diff) context.stdout(r.diff);
  const errors = reports.reduce((n, r) => n + r.diagnostics.filter((d) => (d.severity ?? 1) === 1).length, 0);
  const warnings = reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 2).length, 0);
  const shown = options.quiet ? reports.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => (d.severity ?? 1) === 1) })) : reports;
  const text = render(shown, options.format, context, options.output === undefined);
  if (options.output !== undefined) {
    try {
      writeFileSync(resolve(context.cwd, options.output), text);
    } catch (error) {
      throw new CliError(`cannot write --output ${options.output}: ${describeError(error)}`);
    }
  } else context.stdout(text);
  if (failed.length) return 2;
  if (errors > 0) return 1;
  if (warnings > options.maxWarnings) {
    context.stderr(`techspec: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function render(reports: FileReport[], format: Format, context: RunContext, toTerminal: boolean): string {
  switch (format) {
    case 'json':
      return json(reports);
    case 'sarif':
      return sarif(reports, { version: context.version, cwd: context.cwd, root: projectRoot(context.cwd) });
    case 'junit':
      return junit(reports);
    case 'github':
      return github(reports);
    default:
      return stylish(reports, toTerminal && context.isTTY);
  }
}

/** Today in local time as YYYY-MM-DD: the engine reads no clock. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
