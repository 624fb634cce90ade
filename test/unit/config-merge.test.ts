// The editor's settings under a config file: the file wins key by key, rules merge rule by rule,
// and the settings fill what the file (and the files it extends) leave out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, loadConfig, type ConfigHost, type EngineSettings } from '../../engine';

const editor: EngineSettings = {
  files: ['docs/**/*.md'],
  rules: { TS101: 'error', TS406: 'hint', placeholder: 'off' },
  maxTaskLines: 250,
  taskIdPattern: '^E\\d+$',
};

function host(files: Record<string, string>, defaults?: EngineSettings): ConfigHost {
  return { stopAt: '/repo', defaults, readFile: (path) => files[path] };
}

test('no config file: the editor settings as they are', () => {
  assert.deepEqual(loadConfig('/repo/docs', host({}, editor)).settings, editor);
});

test('an empty config file: the editor settings as they are', () => {
  assert.deepEqual(loadConfig('/repo/docs', host({ '/repo/.techspec.jsonc': '{ /* nothing */ }' }, editor)).settings, editor);
});

test('each key the file sets wins; the keys it leaves out come from the editor', () => {
  const files = { '/repo/.techspec.jsonc': '{ "maxTaskLines": 120, "files": ["**/*.design.md"] }' };
  assert.deepEqual(loadConfig('/repo/docs', host(files, editor)).settings, {
    files: ['**/*.design.md'],
    rules: editor.rules,
    maxTaskLines: 120,
    taskIdPattern: '^E\\d+$',
  });
});

test('rules merge rule by rule, the file winning for the rules it names', () => {
  const files = { '/repo/.techspec.jsonc': '{ "rules": { "TS101": "off", "TS409": "warning" } }' };
  assert.deepEqual(loadConfig('/repo/docs', host(files, editor)).settings.rules, {
    TS101: 'off',
    TS406: 'hint',
    placeholder: 'off',
    TS409: 'warning',
  });
});

test('extends: the nearest file over the one it extends, over the editor settings', () => {
  const files = {
    '/repo/base.jsonc': '{ "rules": { "TS406": "error", "TS102": "off" }, "maxTaskLines": 300 }',
    '/repo/docs/.techspec.jsonc': '{ "extends": "../base.jsonc", "rules": { "TS102": "warning" }, "taskIdPattern": "^T\\\\d+$" }',
  };
  assert.deepEqual(loadConfig('/repo/docs', host(files, editor)).settings, {
    files: editor.files,
    rules: { TS101: 'error', TS406: 'error', placeholder: 'off', TS102: 'warning' },
    maxTaskLines: 300,
    taskIdPattern: '^T\\d+$',
  });
});

test('without editor settings the defaults fill in, as on the command line', () => {
  const files = { '/repo/.techspec.jsonc': '{ "maxTaskLines": 120 }' };
  assert.deepEqual(loadConfig('/repo/docs', host(files)).settings, { ...DEFAULT_SETTINGS, maxTaskLines: 120 });
});

test('a rule named by its code in one place and by its name in the other is one rule: the file wins', () => {
  const files = { '/repo/.techspec.jsonc': '{ "rules": { "missing-section": "off", "TS406": "warning" } }' };
  const editorByCode: EngineSettings = { ...editor, rules: { TS101: 'error', 'unknown-dependency': 'hint' } };
  assert.deepEqual(loadConfig('/repo/docs', host(files, editorByCode)).settings.rules, { 'missing-section': 'off', TS406: 'warning' });
});
