// `npm start` and `npm test` check their prerequisites first (scripts/prerequisites.mjs): a missing
// one installs, or stops them with one line naming the command to run, never a stack trace. These
// tests point the check at a package and a Chromium that do not exist; nothing gets installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { APT_PACKAGES, ensurePrerequisites, missingPackages } from '../../scripts/prerequisites.mjs';

const ROOT = resolve(__dirname, '../..');
const NO_SUCH_PACKAGE = 'techspec-no-such-package';
const NO_SUCH_CHROMIUM = '/nonexistent/techspec-test/chromium';
const hasDpkg = spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;

test('a Debian package that is not installed is missing; dpkg itself is not', { skip: !hasDpkg && 'no dpkg-query here' }, () => {
  assert.deepEqual(missingPackages(['dpkg', NO_SUCH_PACKAGE]), [NO_SUCH_PACKAGE]);
});

test('a missing package, with installing off: the line to stop with names the apt-get command', { skip: !hasDpkg && 'no dpkg-query here' }, () => {
  assert.equal(
    ensurePrerequisites({ packages: [NO_SUCH_PACKAGE], install: false }),
    `missing Debian packages ${NO_SUCH_PACKAGE}; run: sudo apt-get install -y ${NO_SUCH_PACKAGE}`,
  );
});

test('a missing Chromium: the line to stop with says where it looked and what to run', () => {
  assert.equal(
    ensurePrerequisites({ packages: [], chromium: NO_SUCH_CHROMIUM, install: false }),
    `no Chromium at ${NO_SUCH_CHROMIUM}; run: sudo apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium)`,
  );
});

// With the real packages present, nothing gets installed before the Chromium check stops the script.
const packagesPresent = missingPackages(APT_PACKAGES).length === 0;
for (const [what, args] of [
  ['npm test (scripts/prerequisites.mjs)', ['scripts/prerequisites.mjs']],
  ['the check alone (--no-install)', ['scripts/prerequisites.mjs', '--no-install']],
  ['npm start (scripts/start-demo.mjs)', ['scripts/start-demo.mjs']],
] as const) {
  test(
    `${what} stops at once with one line when Chromium is missing`,
    { skip: !packagesPresent && 'Debian packages missing: the check would install them' },
    () => {
      const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: NO_SUCH_CHROMIUM }, timeout: 30_000 });
      assert.equal(run.status, 1, `exit status; stderr: ${run.stderr}`);
      assert.equal(run.stdout, '');
      assert.deepEqual(run.stderr.split('\n').filter(Boolean), [
        `techspec: no Chromium at ${NO_SUCH_CHROMIUM}; run: sudo apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium)`,
      ]);
    },
  );
}
