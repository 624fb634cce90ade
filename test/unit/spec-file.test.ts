import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorGlobs, isTechSpec, uriPath } from '../../engine/specFile';
import { DEFAULT_SETTINGS, validateSettings } from '../../engine/settings';

const globs = DEFAULT_SETTINGS.files;

test('paths matching the default globs are specs', () => {
  assert.equal(isTechSpec('file:///w/docs/login.spec.md', '# Notes', globs), true);
  assert.equal(isTechSpec('file:///w/specs/login.md', '', globs), true);
  assert.equal(isTechSpec('file:///w/login-spec.md', '', globs), true);
  assert.equal(isTechSpec('file:///w/README.md', '# Readme\n\nTechnical Spec later', globs), false);
  assert.equal(isTechSpec('file:///w/My%20Specs/specs/a%20b.md', '', globs), true);
});

test('a relative glob matches the path relative to a workspace folder that holds the file', () => {
  const roots = ['file:///home/ada/billing', 'file:///home/ada/web/'];
  assert.equal(isTechSpec('file:///home/ada/billing/specs/login.md', '', ['specs/*.md'], roots), true);
  assert.equal(isTechSpec('file:///home/ada/web/specs/login.md', '', ['./specs/*.md'], roots), true);
  // Only at the folder's top: not in a deeper specs/ folder, nor outside every workspace folder.
  assert.equal(isTechSpec('file:///home/ada/billing/docs/specs/login.md', '', ['specs/*.md'], roots), false);
  assert.equal(isTechSpec('file:///home/bob/specs/login.md', '', ['specs/*.md'], roots), false);
  assert.equal(isTechSpec('file:///home/ada/billing/specs/login.md', '', ['specs/*.md']), false, 'no workspace folder, nothing to be relative to');
  // A nested folder: relative to the inner one as well as to the outer one.
  assert.equal(isTechSpec('file:///w/inner/design/a.md', '', ['design/*.md'], ['file:///w', 'file:///w/inner']), true);
});

test('a relative glob under a folder whose name has glob characters, spaces or a drive letter', () => {
  const odd = 'file:///w/My%20Specs%20(v2)%20%5Bold%5D%20%7Ba%2Cb%7D%20%2B!%40';
  assert.equal(isTechSpec(`${odd}/specs/a.md`, '', ['specs/*.md'], [odd]), true);
  assert.equal(isTechSpec('file:///w/My%20Specs%20v/specs/a.md', '', ['specs/*.md'], [odd]), false);
  assert.equal(isTechSpec('file:///c%3A/Users/ada/ws/specs/a.md', '', ['specs/*.md'], ['file:///C%3A/Users/ada/ws']), true);
});

test('absolute-style globs match with or without workspace folders', () => {
  const roots = ['file:///w'];
  assert.equal(isTechSpec('file:///w/docs/login.spec.md', '', ['**/*.spec.md'], roots), true);
  assert.equal(isTechSpec('file:///elsewhere/login.spec.md', '', ['**/*.spec.md'], roots), true);
  assert.equal(isTechSpec('file:///srv/design/a.md', '', ['/srv/design/*.md'], roots), true);
  assert.equal(isTechSpec('file:///w/srv/design/a.md', '', ['/srv/design/*.md'], roots), false);
});

test('anchorGlobs writes each relative glob under each workspace folder, escaped', () => {
  assert.deepEqual(anchorGlobs(['**/*.spec.md', 'specs/*.md', '/abs/*.md'], ['file:///w/a', 'file:///w/b%20(1)/']), [
    '**/*.spec.md',
    'specs/*.md',
    '/w/a/specs/*.md',
    '/w/b \\(1\\)/specs/*.md',
    '/abs/*.md',
  ]);
  assert.deepEqual(anchorGlobs(DEFAULT_SETTINGS.files, ['file:///w']), DEFAULT_SETTINGS.files);
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
    'techspec.taskIdPattern must be a valid regular expression, not "("; using the template\'s pattern.',
    'techspec.rules.TS406 must be one of error, warning, information, hint, off, not "loud"; using the rule\'s default.',
  ]);
  assert.deepEqual(validateSettings(42).problems, ['techspec: settings must be an object; using the defaults.']);
  assert.deepEqual(validateSettings(undefined), { settings: { ...DEFAULT_SETTINGS, rules: {} }, problems: [] });
});
