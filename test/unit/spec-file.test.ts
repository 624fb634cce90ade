import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTechSpec, uriPath } from '../../engine/specFile';
import { DEFAULT_SETTINGS, validateSettings } from '../../engine/settings';

const globs = DEFAULT_SETTINGS.files;

test('paths matching the default globs are specs', () => {
  assert.equal(isTechSpec('file:///w/docs/login.spec.md', '# Notes', globs), true);
  assert.equal(isTechSpec('file:///w/specs/login.md', '', globs), true);
  assert.equal(isTechSpec('file:///w/login-spec.md', '', globs), true);
  assert.equal(isTechSpec('file:///w/README.md', '# Readme\n\nTechnical Spec later', globs), false);
  assert.equal(isTechSpec('file:///w/My%20Specs/specs/a%20b.md', '', globs), true);
});

test('the first heading or the front matter makes a spec', () => {
  assert.equal(isTechSpec('file:///w/a.md', '# Technical Spec: Login', globs), true);
  assert.equal(isTechSpec('file:///w/a.md', '```\n# Technical Spec\n```\n# Other', globs), false);
  assert.equal(isTechSpec('file:///w/a.md', '## Intro\n# Technical Spec: Login', globs), false);
  assert.equal(isTechSpec('file:///w/a.md', '---\ntype: tech-spec\n---\n# Login', globs), true);
  assert.equal(isTechSpec('file:///w/a.md', '---\ntechspec: true\n---\n', globs), true);
  assert.equal(isTechSpec('file:///w/a.md', '---\ntechspec: false\n---\n# Technical notes', globs), false);
  assert.equal(isTechSpec('untitled:Untitled-1', '\uFEFF# Technical Spec: X', []), true);
});

test('uriPath decodes file URIs', () => {
  assert.equal(uriPath('file:///c%3A/a%20b/x.md'), '/c:/a b/x.md');
  assert.equal(uriPath('vscode-remote://host:1/w/x.md'), '/w/x.md');
});

test('invalid settings are reported and replaced by defaults', () => {
  const { settings, problems } = validateSettings({ files: 'x', maxTaskLines: -1, taskIdPattern: '(', rules: { TS406: 'loud', TS301: 'off' } });
  assert.deepEqual(settings, { ...DEFAULT_SETTINGS, rules: { TS301: 'off' } });
  assert.deepEqual(problems, [
    'techspec.files must be a list of glob strings; using the default globs.',
    'techspec.maxTaskLines must be a positive number, not -1; using 400.',
    'techspec.taskIdPattern must be a valid regular expression, not "("; using ^T\\d+$.',
    'techspec.rules.TS406 must be one of error, warning, information, hint, off, not "loud"; using the rule\'s default.',
  ]);
  assert.deepEqual(validateSettings(42).problems, ['techspec: settings must be an object; using the defaults.']);
  assert.deepEqual(validateSettings(undefined), { settings: { ...DEFAULT_SETTINGS, rules: {} }, problems: [] });
});
