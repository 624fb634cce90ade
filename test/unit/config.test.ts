import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, DEFAULT_SETTINGS, loadConfig, type ConfigHost } from '../../engine';

/** A host over an in-memory file system. */
function host(files: Record<string, string>, stopAt?: string): ConfigHost {
  return { stopAt, readFile: (path) => files[path] };
}

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  assert.fail('no ConfigError');
}

test('no config file: the defaults', () => {
  assert.deepEqual(loadConfig('/repo/docs', host({})), { settings: DEFAULT_SETTINGS, sources: [] });
});

test('the nearest config wins; the search stops at stopAt', () => {
  const files = {
    '/.techspec.jsonc': '{ "maxTaskLines": 1 }',
    '/repo/.techspec.jsonc': '{ "maxTaskLines": 2 }',
    '/repo/docs/.techspec.jsonc': '{ "maxTaskLines": 3 }',
  };
  assert.equal(loadConfig('/repo/docs/', host(files)).settings.maxTaskLines, 3);
  assert.equal(loadConfig('/repo/src', host(files, '/repo')).settings.maxTaskLines, 2);
  assert.deepEqual(loadConfig('/other/x', host({ '/.techspec.jsonc': '{}' }, '/other')), { settings: DEFAULT_SETTINGS, sources: [] });
});

test('comments, trailing commas and extends: keys override, rules merge', () => {
  const files = {
    '/repo/base.jsonc': '{ "rules": { "TS406": "warning", "TS101": "off" }, "taskIdPattern": "^[A-Z]+-\\\\d+$" }',
    '/repo/docs/.techspec.jsonc': '{\n  // ours\n  "extends": "../base.jsonc",\n  "rules": { "TS406": "error" },\n}',
  };
  const { settings, file } = loadConfig('/repo/docs', host(files));
  assert.equal(file, '/repo/docs/.techspec.jsonc');
  assert.deepEqual(settings, { ...DEFAULT_SETTINGS, rules: { TS406: 'error', TS101: 'off' }, taskIdPattern: '^[A-Z]+-\\d+$' });
});

test('errors carry the file, line and column of what is wrong', () => {
  const at = (text: string, extra: Record<string, string> = {}) => {
    const e = configError(() => loadConfig('/r', host({ '/r/.techspec.jsonc': text, ...extra })));
    return `${e.line}:${e.column} ${e.problem}`;
  };
  assert.equal(at('{\n  "maxTaskLines": -1\n}'), '2:19 maxTaskLines must be a positive number, not -1');
  assert.equal(
    at('{ "color": 1 }'),
    '1:3 unknown key "color" (known: $schema, extends, files, rules, taskIdPattern, maxTaskLines, template, taskTable, readyStatus)',
  );
  assert.equal(at('[]'), '1:1 the config must be an object like { "rules": { "TS406": "error" } }');
  assert.equal(at('{ "rules": '), '1:12 invalid JSON: ValueExpected');
  assert.equal(
    at('{ "extends": "a.jsonc" }', { '/r/a.jsonc': '{ "extends": "./.techspec.jsonc" }' }),
    '1:1 "extends" loops: /r/.techspec.jsonc → /r/a.jsonc → /r/.techspec.jsonc',
  );
  assert.equal(at('{ "extends": "gone.jsonc" }'), '1:14 cannot find config file /r/gone.jsonc');
  assert.equal(at('{\n  "template": "docs/team.md"\n}'), '2:15 cannot find template file /r/docs/team.md');
  assert.equal(at('{ "template": 3 }'), '1:15 "template" must be the path of the team\'s template markdown file');
  assert.equal(at('{ "taskTable": { "owner": "Owner" } }'), '1:27 taskTable.owner is no role (the roles: id, title, estimate, dependencies, ticket)');
  assert.equal(at('{ "taskTable": { "id": 1 } }'), '1:24 taskTable.id must be a column name, not 1');
  assert.equal(at('{ "readyStatus": false }'), '1:18 readyStatus must be a Status value, not false');
});

test('template, taskTable and readyStatus: the template is read relative to its config; sources name every file read', () => {
  const files = {
    '/repo/base.jsonc': '{ "template": "templates/team.md", "taskTable": { "id": "Ref", "dependencies": "Needs" }, "readyStatus": "Done" }',
    '/repo/templates/team.md': '# Spec: [Name]\n',
    '/repo/docs/.techspec.jsonc': '{ "extends": "../base.jsonc", "taskTable": { "dependencies": "After" } }',
  };
  const loaded = loadConfig('/repo/docs', host(files));
  assert.deepEqual(loaded, {
    settings: {
      ...DEFAULT_SETTINGS,
      template: { path: '/repo/templates/team.md', text: '# Spec: [Name]\n' },
      taskTable: { id: 'Ref', dependencies: 'After' },
      readyStatus: 'Done',
    },
    file: '/repo/docs/.techspec.jsonc',
    sources: ['/repo/docs/.techspec.jsonc', '/repo/base.jsonc', '/repo/templates/team.md'],
  });
  const own = loadConfig(
    '/repo/docs',
    host({ ...files, '/repo/docs/.techspec.jsonc': '{ "extends": "../base.jsonc", "template": "../t2.md" }', '/repo/t2.md': 'x' }),
  );
  assert.deepEqual(own.settings.template, { path: '/repo/t2.md', text: 'x' });
});
