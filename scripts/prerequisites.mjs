#!/usr/bin/env node
// What `npm start` and `npm test` need beyond `npm ci`: Debian's Chromium, the headers and tools
// the offline VS Code host's native modules build with, and that host (.vscode-test/host/).
// Run as a script, it installs what is missing (the Debian packages only as root) and otherwise
// stops with one line naming the command to run. `--no-install` only checks.
// See shared/recipes/real-vscode-offline.md.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, root, serverMain } from './lib/vscode-host.mjs';

export const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'ripgrep'];

/** Those of `packages` that dpkg does not list as installed; none where there is no dpkg (not Debian: nothing to check). */
export function missingPackages(packages) {
  const listed = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\n', ...packages], { encoding: 'utf8' });
  if (listed.error) return [];
  const installed = new Set(
    listed.stdout
      .split('\n')
      .filter((line) => line.endsWith(' installed'))
      .map((line) => line.split(' ')[0]),
  );
  return packages.filter((p) => !installed.has(p));
}

const canInstallPackages = () => process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;

/** Runs a command with its output shown; whether it succeeded. */
function run(command, args, env = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
}

/**
 * Checks the prerequisites, installing what is missing where `install` allows: the Debian packages
 * when running as root, the VS Code host always. Returns nothing when all are there, or the one
 * line to stop with.
 */
export function ensurePrerequisites({ packages = APT_PACKAGES, chromium = chromiumPath, install = true, log = console.log } = {}) {
  if (!existsSync(join(root, 'node_modules'))) return 'the dependencies are not installed; run: npm ci';
  const missing = missingPackages(packages);
  if (missing.length) {
    const list = missing.join(' ');
    if (!install || !canInstallPackages()) return `missing Debian packages ${list}; run: sudo apt-get install -y ${list}`;
    log(`prerequisites: installing the Debian packages ${list} with apt-get (running as root)`);
    const noninteractive = { DEBIAN_FRONTEND: 'noninteractive' };
    if (
      !run('apt-get', ['update', '-qq'], noninteractive) ||
      !run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], noninteractive)
    ) {
      return `apt-get could not install ${list} (see above); run: apt-get update && apt-get install -y ${list}`;
    }
  }
  if (!existsSync(chromium)) return `no Chromium at ${chromium}; run: sudo apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium)`;
  if (!install) return existsSync(serverMain) ? undefined : 'the offline VS Code host is not installed; run: bash scripts/install-vscode-host.sh';
  // Quick when the host is there already; otherwise it says what it installs.
  if (!run('bash', [join(root, 'scripts/install-vscode-host.sh')]))
    return 'the offline VS Code host did not install (see above); run: bash scripts/install-vscode-host.sh';
  return undefined;
}

/** For the scripts that need the prerequisites: stops the process with the one line when one is missing. */
export function exitUnlessPrerequisites(options) {
  const stop = ensurePrerequisites(options);
  if (stop === undefined) return;
  console.error(`techspec: ${stop}`);
  process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) exitUnlessPrerequisites({ install: !process.argv.includes('--no-install') });
