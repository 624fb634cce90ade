// The `.techspec.jsonc` config file: found, parsed (JSON with comments), followed through `extends`
// and validated. Pure: the host reads files, so the command line and the language server share it.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { RULES } from './rules';
import { DEFAULT_SETTINGS, validateSettings, type EngineSettings, type RuleSetting } from './settings';

export const CONFIG_FILE_NAME = '.techspec.jsonc';

/** What the loader needs from its host. Paths are absolute, with `/` or `\` separators. */
export interface ConfigHost {
  /** The file's text, or undefined when there is no such file. May throw when it exists but cannot be read. */
  readFile(path: string): string | undefined;
  /** The search for a config file goes no higher than this folder. */
  stopAt?: string;
  /**
   * The settings a config file's keys are laid over (below the last file it extends), and those
   * used when there is no config file: the editor passes its own settings. DEFAULT_SETTINGS by default.
   */
  defaults?: EngineSettings;
}

/** A config problem at a place in a file; line and column are 1-based. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}:${column}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  settings: EngineSettings;
  /** The config file that applies, when one was found. */
  file?: string;
  /** Every file the load read: the config file, the files it extends, the template. Edits to any change the settings. */
  sources: string[];
}

const KEYS = new Set(['$schema', 'extends', 'files', 'rules', 'taskIdPattern', 'maxTaskLines', 'template', 'taskTable', 'readyStatus']);

/** The settings for files in `startDir`: from the nearest config file in it or a parent folder up to `stopAt`, else the defaults. */
export function loadConfig(startDir: string, host: ConfigHost): LoadedConfig {
  const file = findConfigFile(startDir, host);
  if (!file) return { settings: host.defaults ?? DEFAULT_SETTINGS, sources: [] };
  const sources: string[] = [];
  return { settings: loadConfigFile(file, host, [], sources), file, sources };
}

/** The nearest config file from `startDir` upwards, stopping at `host.stopAt` (included) or the root. */
export function findConfigFile(startDir: string, host: ConfigHost): string | undefined {
  const stop = host.stopAt === undefined ? undefined : trimSeparator(host.stopAt);
  for (let dir = trimSeparator(startDir); ;) {
    const candidate = joinPath(dir, CONFIG_FILE_NAME);
    if (host.readFile(candidate) !== undefined) return candidate;
    const parent = parentDir(dir);
    if (dir === stop || parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * One config file's settings, with the files it `extends` applied below it, and the text of the
 * template it names. Every file read is added to `sources`. Throws ConfigError.
 */
export function loadConfigFile(file: string, host: ConfigHost, chain: string[] = [], sources: string[] = []): EngineSettings {
  if (chain.includes(file)) throw new ConfigError(file, 1, 1, `"extends" loops: ${[...chain, file].join(' → ')}`);
  const text = host.readFile(file);
  if (text === undefined) throw new ConfigError(file, 1, 1, `cannot find config file ${file}`);
  if (!sources.includes(file)) sources.push(file);
  const { root, at } = parseConfigText(text, file);
  const raw = toValue(root) as Record<string, unknown>;
  let base = host.defaults ?? DEFAULT_SETTINGS;
  if (raw.extends !== undefined) {
    if (typeof raw.extends !== 'string' || raw.extends === '') throw at(['extends'], '"extends" must be the path of another config file');
    const target = resolvePath(parentDir(file), raw.extends);
    if (host.readFile(target) === undefined) throw at(['extends'], `cannot find config file ${target}`);
    base = loadConfigFile(target, host, [...chain, file], sources);
  }
  const { extends: _extends, $schema: _schema, template: templatePath, ...own } = raw;
  const { settings, problems } = validateSettings(own);
  if (problems.length) throw at(problemPath(problems[0]), problems[0].replace(/; (using|ignoring) .*$/, '').replace(/^techspec\./, ''));
  const template = templatePath === undefined ? base.template : readTemplate(templatePath, parentDir(file), host, sources, at);
  // This file's keys win over the file it extends; rules and taskTable merge key by key.
  const merged: EngineSettings = {
    files: own.files !== undefined ? settings.files : base.files,
    rules: mergeRules(base.rules, settings.rules),
    maxTaskLines: own.maxTaskLines !== undefined ? settings.maxTaskLines : base.maxTaskLines,
  };
  const taskIdPattern = own.taskIdPattern !== undefined ? settings.taskIdPattern : base.taskIdPattern;
  if (taskIdPattern !== undefined) merged.taskIdPattern = taskIdPattern;
  if (template) merged.template = template;
  if (base.taskTable || settings.taskTable) merged.taskTable = { ...base.taskTable, ...settings.taskTable };
  const readyStatus = settings.readyStatus ?? base.readyStatus;
  if (readyStatus !== undefined) merged.readyStatus = readyStatus;
  return merged;
}

/** The template a config names (a path relative to the config file), read: a ConfigError at the value when it cannot be. */
function readTemplate(
  value: unknown,
  dir: string,
  host: ConfigHost,
  sources: string[],
  at: (path: string[], problem: string) => ConfigError,
): EngineSettings['template'] {
  if (typeof value !== 'string' || value.trim() === '') throw at(['template'], '"template" must be the path of the team\'s template markdown file');
  const path = resolvePath(dir, value);
  let text: string | undefined;
  try {
    text = host.readFile(path);
  } catch (error) {
    throw at(['template'], `cannot read template file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (text === undefined) throw at(['template'], `cannot find template file ${path}`);
  if (!sources.includes(path)) sources.push(path);
  return { path, text };
}

/**
 * The syntax tree of a config file's text, and a way to make an error at a key's value. Throws
 * ConfigError for bad JSONC, a top level that is no object, or an unknown key.
 */
export function parseConfigText(text: string, file: string): { root: Node; at: (path: string[], problem: string) => ConfigError } {
  const place = (offset: number, problem: string) => {
    const { line, column } = lineColumn(text, offset);
    return new ConfigError(file, line, column, problem);
  };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) throw place(errors[0].offset, `invalid JSON: ${printParseErrorCode(errors[0].error)}`);
  if (!root || root.type !== 'object') throw place(root?.offset ?? 0, 'the config must be an object like { "rules": { "TS406": "error" } }');
  for (const property of root.children ?? []) {
    const key = property.children![0];
    if (!KEYS.has(key.value)) throw place(key.offset, `unknown key "${key.value}" (known: ${[...KEYS].join(', ')})`);
  }
  const at = (path: string[], problem: string) => {
    // At the value: that is what is wrong.
    return place(findNodeAtLocation(root, path)?.offset ?? 0, problem);
  };
  return { root, at };
}

/** The code and the name of each rule, by either. */
const SAME_RULE = new Map(RULES.flatMap((r) => [[r.code, [r.code, r.name]] as const, [r.name, [r.code, r.name]] as const]));

/** `over`'s rules win over `under`'s, rule by rule, whether either names a rule by its code or by its name. */
function mergeRules(under: Record<string, RuleSetting>, over: Record<string, RuleSetting>): Record<string, RuleSetting> {
  const merged = { ...under };
  for (const key of Object.keys(over)) for (const same of SAME_RULE.get(key) ?? [key]) delete merged[same];
  return { ...merged, ...over };
}

/** The key a validateSettings problem is about: `techspec.rules.TS406 must…` → ['rules', 'TS406']. */
function problemPath(problem: string): string[] {
  const m = /^techspec\.(\w+)(?:\.(\S+))?/.exec(problem);
  return m ? (m[2] ? [m[1], m[2]] : [m[1]]) : [];
}

function toValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [p.children![0].value, toValue(p.children![1])]));
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function trimSeparator(path: string): string {
  return path.length > 1 && /[\\/]$/.test(path) && !/^[A-Za-z]:[\\/]$/.test(path) ? path.slice(0, -1) : path;
}

function parentDir(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (i < 0) return path;
  if (i === 0) return path.slice(0, 1);
  return /^[A-Za-z]:$/.test(path.slice(0, i)) ? path.slice(0, i + 1) : path.slice(0, i);
}

function joinPath(dir: string, name: string): string {
  return /[\\/]$/.test(dir) ? dir + name : `${dir}/${name}`;
}

/** `target` (absolute, or relative to `dir`), with `.` and `..` segments resolved. */
function resolvePath(dir: string, target: string): string {
  if (/^([\\/]|[A-Za-z]:[\\/])/.test(target)) return target;
  let base = trimSeparator(dir);
  for (const segment of target.split(/[\\/]/)) {
    if (segment === '..') base = parentDir(base);
    else if (segment !== '.' && segment !== '') base = joinPath(base, segment);
  }
  return base;
}
