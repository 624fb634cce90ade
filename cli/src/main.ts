// The `techspec` command: lint, graph and tasks over the engine. Failures of the run itself are one
// line on stderr and exit code 2, never a stack trace.
import packageJson from '../package.json';
import { deriveCommand, DERIVE_HELP } from './deriveCommand';
import { CliError, describeError } from './errors';
import { graphCommand, GRAPH_HELP } from './graphCommand';
import { lintCommand, LINT_HELP, type RunContext } from './lintCommand';
import { serveLintWorker } from './parallel';
import { tasksCommand, TASKS_HELP } from './tasksCommand';

const HELP = `Usage: techspec <command> [options]

Commands:
  lint [globs…]   lint markdown tech specs (default: the configured "files" globs)
  graph FILE      write the task dependency graph (mermaid, dot, json, svg)
  tasks FILE      export the tasks (json, csv, jira-csv, markdown)
  derive [FILE]   print the rules derived from the template (default: the config's or the bundled one)

Options:
  -h, --help      show help (also after a command: techspec lint --help)
  -v, --version   show the version

Exit codes: 0 no errors, 1 errors found, 2 the run failed.`;

const COMMANDS: Record<string, { run: (argv: string[], context: RunContext) => number | Promise<number>; help: string }> = {
  lint: { run: lintCommand, help: LINT_HELP },
  graph: { run: graphCommand, help: GRAPH_HELP },
  tasks: { run: tasksCommand, help: TASKS_HELP },
  derive: { run: deriveCommand, help: DERIVE_HELP },
};

async function main(argv: string[]): Promise<number> {
  const context: RunContext = {
    cwd: process.cwd(),
    version: packageJson.version,
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    context.stdout(HELP + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    context.stdout(packageJson.version + '\n');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new CliError(`unknown command "${name}" (lint, graph, tasks or derive; see techspec --help)`);
  return command.run(rest, context);
}

function fail(error: unknown): void {
  // parseArgs' own errors (unknown option, missing value) are usage errors too.
  process.stderr.write(`techspec: ${error instanceof CliError ? error.message : describeError(error)}\n`);
  process.exitCode = 2;
}

if (!serveLintWorker()) {
  // A reader that stops early (`techspec lint | head`) is no failure of the run.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    fail(error);
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, fail);
}
