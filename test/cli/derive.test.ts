import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, project, techspec } from './helpers';

const REQUESTS = 'test/fixtures/templates/requests';
const TEMPLATE = fixture(`${REQUESTS}/template.md`);

test('derive: the bundled template when nothing is configured', () => {
  const r = techspec(['derive'], project({ 'notes.md': '# Notes\n' }));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^# Rules derived from the bundled template\n/);
  assert.ok(r.stdout.includes('| 5 | Task Breakdown | yes | `task-breakdown` | tasks |'));
  assert.ok(r.stdout.includes('Pattern `^T\\d+$`.'));
  assert.ok(r.stdout.includes('## Problems\n\nNone.\n'));
});

test("derive TEMPLATE: that file, with the config's taskTable and readyStatus", () => {
  const dir = project({
    'docs/team.md': TEMPLATE,
    '.techspec.jsonc': '{ "readyStatus": "Under Review", "taskTable": { "ticket": "Priority" } }',
  });
  const r = techspec(['derive', 'docs/team.md'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^# Rules derived from docs\/team\.md\n/);
  assert.ok(r.stdout.includes('Ready means State `Under Review`'));
  assert.ok(r.stdout.includes('- ticket: `Priority`'));
  assert.ok(r.stdout.includes('Pattern `^FR-\\d+$`. The example IDs FR-1, FR-2 are "FR-" followed by a number.'));
});

test("derive without TEMPLATE reads the config's template, and lint checks specs by it", () => {
  const dir = project({
    '.techspec.jsonc': '{ "template": "templates/request.md" }',
    'templates/request.md': TEMPLATE,
    'correct.spec.md': fixture(`${REQUESTS}/correct.spec.md`),
    'defects.spec.md': fixture(`${REQUESTS}/defects.spec.md`),
  });
  const derived = techspec(['derive', '--output', 'rules.md'], dir);
  assert.equal(derived.code, 0, derived.stderr);
  assert.equal(derived.stdout, '');
  const rules = techspec(['derive'], dir).stdout;
  assert.match(rules, /^# Rules derived from templates\/request\.md\n/);
  assert.equal(techspec(['derive'], dir).stdout, rules);
  const clean = techspec(['lint', 'correct.spec.md'], dir);
  assert.deepEqual([clean.code, clean.stdout], [0, '']);
  const defects = techspec(['lint', 'defects.spec.md', '--format', 'json'], dir);
  assert.equal(defects.code, 1);
  const [file] = JSON.parse(defects.stdout) as { problems: { code: string }[] }[];
  assert.deepEqual(
    file.problems.map((p) => p.code),
    ['TS901', 'TS902', 'TS102', 'TS301', 'TS402', 'TS404', 'TS701'],
  );
});

test('derive: a missing template, or one the config names, fails with exit 2 and one line', () => {
  const missing = techspec(['derive', 'gone.md'], project({}));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^techspec: cannot read gone\.md: no such file: .*gone\.md\n$/);
  const dir = project({ '.techspec.jsonc': '{\n  "template": "nowhere.md"\n}' });
  const bad = techspec(['derive'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^techspec: bad config: .*\.techspec\.jsonc:2:15: cannot find template file .*nowhere\.md\n$/);
  assert.equal(techspec(['derive', 'a.md', 'b.md'], dir).code, 2);
});

test('derive --help', () => {
  const r = techspec(['derive', '--help'], project({}));
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Usage: techspec derive \[TEMPLATE\] \[options\]/);
  assert.match(techspec(['--help'], project({})).stdout, /^ {2}derive \[FILE\] {3}print the rules derived from the template/m);
});
