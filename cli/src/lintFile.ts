// Lints (and with --fix, repairs) one file. Used by the main thread and by the lint workers alike.
import { existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Diagnostic } from 'vscode-languageserver-types';
import { applyEdits, fixAll, lint, type EngineSettings } from '../../engine';
import { describeError } from './errors';
import { fromStored, toStored } from './text';

export interface LintJob {
  absolutePath: string;
  /** The path reports show: relative to the working directory, with `/`. */
  path: string;
  settings: EngineSettings;
}

export interface LintFlags {
  fix: boolean;
  dryRun: boolean;
  force: boolean;
  today: string;
}

export interface FileReport {
  path: string;
  diagnostics: Diagnostic[];
  /** The file's lines, for reports that quote or fingerprint them. */
  lines: string[];
  /** Set when the file could not be read or written. */
  error?: string;
  /** With --fix --dry-run, the unified diff of the fixes. */
  diff?: string;
  fixed?: boolean;
}

/** Safe fixes can uncover others (a fixed row may then be fixable); a few passes settle them. */
const MAX_FIX_PASSES = 5;

export function lintFile(job: LintJob, flags: LintFlags): FileReport {
  let raw: string;
  try {
    raw = readFileSync(job.absolutePath, 'utf8');
  } catch (error) {
    return { path: job.path, diagnostics: [], lines: [], error: describeError(error) };
  }
  const stored = fromStored(raw);
  const options = {
    uri: job.path,
    settings: job.settings,
    today: flags.today,
    force: flags.force,
    // Links to repository files resolve from the spec's folder.
    fileExists: (path: string) => existsSync(resolve(dirname(job.absolutePath), path)),
  };
  let text = stored.text;
  const report: FileReport = { path: job.path, diagnostics: [], lines: [] };
  if (flags.fix) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const edits = fixAll(text, options);
      if (!edits.length) break;
      text = applyEdits(text, edits);
    }
    if (text !== stored.text) {
      try {
        if (flags.dryRun) report.diff = createTwoFilesPatch(`a/${job.path}`, `b/${job.path}`, stored.text, text);
        else writeAtomically(job.absolutePath, toStored(text, stored));
        report.fixed = true;
      } catch (error) {
        return { ...report, error: `cannot write the fixes: ${describeError(error)}` };
      }
      // A dry run reports the file as it is, not as the fixes would leave it.
      if (flags.dryRun) text = stored.text;
    }
  }
  report.diagnostics = lint(text, options);
  report.lines = text.split('\n');
  return report;
}

/** Writes a temporary file beside the target, then renames it over: readers see the old or the new file, never half of one. */
function writeAtomically(path: string, content: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.techspec-tmp`);
  try {
    writeFileSync(temporary, content, { mode: statSync(path).mode });
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
    throw error;
  }
}
