// The plan of the one spec a `graph` or `tasks` command names, and where its output goes.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { planOf, type Plan } from '../../engine';
import { CliError, describeError } from './errors';
import { settingsResolver } from './settings';
import { fromStored } from './text';

/** The plan of FILE: named on purpose, it is read as a spec even when not recognised as one. */
export function readPlan(file: string | undefined, cwd: string, configFile: string | undefined): Plan {
  if (!file) throw new CliError('name the spec file, e.g. techspec graph docs/feature.spec.md');
  const absolutePath = resolve(cwd, file);
  let raw: string;
  try {
    raw = readFileSync(absolutePath, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${describeError(error)}`);
  }
  const settings = settingsResolver(cwd, configFile)(absolutePath);
  const uri = relative(cwd, absolutePath).split(sep).join('/');
  // The plan reads no date: any day will do.
  const plan = planOf(fromStored(raw).text, { uri, settings, today: '1970-01-01', force: true });
  if (plan.status !== 'ok') throw new CliError(`${file}: ${plan.message ?? plan.status}`);
  return plan;
}

export function writeOutput(text: string, output: string | undefined, cwd: string, stdout: (s: string) => void): void {
  if (output === undefined) return stdout(text);
  try {
    writeFileSync(resolve(cwd, output), text);
  } catch (error) {
    throw new CliError(`cannot write --output ${output}: ${describeError(error)}`);
  }
}
