// The settings each file is linted with: a --config file for all, else the nearest .techspec.jsonc.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, loadConfig, loadConfigFile, type ConfigHost, type EngineSettings } from '../../engine';
import { CliError, describeError } from './errors';

export type SettingsFor = (absolutePath: string) => EngineSettings;

/** The repository root (the nearest folder with .git) or, outside a repository, the working directory. */
export function projectRoot(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}

function host(stopAt: string): ConfigHost {
  return {
    stopAt,
    readFile(path) {
      try {
        if (!statSync(path).isFile()) return undefined;
      } catch {
        return undefined;
      }
      return readFileSync(path, 'utf8');
    },
  };
}

/** Turns config problems into the run's failure, with the file, line and column. */
function guarded<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(`bad config: ${error.message}`);
    throw new CliError(`cannot read config: ${describeError(error)}`);
  }
}

/** Settings per file, loaded once per folder. `configFile` (from --config) applies to every file. */
export function settingsResolver(cwd: string, configFile: string | undefined): SettingsFor {
  const stopAt = projectRoot(cwd);
  if (configFile !== undefined) {
    const path = resolve(cwd, configFile);
    if (!existsSync(path)) throw new CliError(`cannot read config: no such file: ${configFile}`);
    const settings = guarded(() => loadConfigFile(path, host(stopAt)));
    return () => settings;
  }
  const byFolder = new Map<string, EngineSettings>();
  return (absolutePath) => {
    const folder = dirname(absolutePath);
    let settings = byFolder.get(folder);
    if (!settings) {
      settings = guarded(() => loadConfig(folder, host(stopAt)).settings);
      byFolder.set(folder, settings);
    }
    return settings;
  };
}
