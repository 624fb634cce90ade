// Entry point of the suite inside VS Code's extension host, for @vscode/test-electron and for
// the offline runner alike: runs every *.test.js beside this file with Mocha.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { log } from './helpers';

export function run(): Promise<void> {
  // Reporter lines go through log(): one formatted string per line, marked for the offline runner.
  Mocha.reporters.Base.consoleLog = log;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.TECHSPEC_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(join(__dirname, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run(() => {
      const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
      // The plain closing line CI reads, whichever runner started VS Code.
      log(`vscode: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
      if (failures > 0 || passes === 0) reject(new Error(`VS Code suite: ${failures} failed, ${passes} passed`));
      else resolve();
    });
  });
}
