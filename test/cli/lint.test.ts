import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, symlinkSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, onlyRules, project, SMALL_SPEC, techspec } from './helpers';

const SMALL_PROBLEMS = [
  {
    file: 'small.spec.md',
    problems: [
      {
        code: 'TS406',
        rule: 'unknown-dependency',
        severity: 'error',
        message: 'Unknown dependency "T9": no task has this ID. Did you mean T3?',
        line: 8,
        column: 27,
        endLine: 8,
        endColumn: 29,
        related: [],
      },
      {
        code: 'TS407',
        rule: 'self-dependency',
        severity: 'error',
        message: 'Task T3 depends on itself. Remove "T3" from its dependencies.',
        line: 9,
        column: 22,
        endLine: 9,
        endColumn: 24,
        related: [],
      },
    ],
  },
];

test('json: the whole report, with positions 1-based; errors exit 1', () => {
  const dir = project({ 'small.spec.md': SMALL_SPEC, '.techspec.jsonc': onlyRules('TS406', 'TS407') });
  const run = techspec(['lint', '--format', 'json'], dir);
  assert.equal(run.code, 1);
  assert.deepEqual(JSON.parse(run.stdout), SMALL_PROBLEMS);
});

test('stylish: file:line:col severity code message, no colour off a TTY', () => {
  const dir = project({ 'small.spec.md': SMALL_SPEC, '.techspec.jsonc': onlyRules('TS406', 'TS407') });
  const run = techspec(['lint'], dir);
  assert.equal(
    run.stdout,
    [
      'small.spec.md:8:27 error TS406 Unknown dependency "T9": no task has this ID. Did you mean T3?',
      'small.spec.md:9:22 error TS407 Task T3 depends on itself. Remove "T3" from its dependencies.',
      '',
    ].join('\n'),
  );
  assert.doesNotMatch(run.stdout, /\u001b\[/);
});

test('github: workflow-command annotations', () => {
  const dir = project({ 'small.spec.md': SMALL_SPEC, '.techspec.jsonc': onlyRules('TS406') });
  const run = techspec(['lint', '--format', 'github'], dir);
  assert.equal(
    run.stdout,
    '::error file=small.spec.md,line=8,col=27,endLine=8,endColumn=29,title=TS406::Unknown dependency "T9": no task has this ID. Did you mean T3?\n',
  );
});

test('junit: one test case per file, failing with its problems; --output writes a file', () => {
  const dir = project({ 'small.spec.md': SMALL_SPEC, 'clean.spec.md': fixture('test/fixtures/clean.spec.md'), '.techspec.jsonc': onlyRules('TS407') });
  const run = techspec(['lint', '--format', 'junit', '--output', 'report.xml'], dir);
  assert.equal(run.code, 1);
  assert.equal(run.stdout, '');
  const xml = readFileSync(join(dir, 'report.xml'), 'utf8');
  assert.match(xml, /<testsuite name="techspec" tests="2" failures="1" errors="0">/);
  assert.match(xml, /<testcase classname="techspec" name="clean.spec.md"><\/testcase>/);
  assert.match(
    xml,
    /<failure message="1 problem\(s\)" type="techspec">small.spec.md:9:22 error TS407 Task T3 depends on itself. Remove &quot;T3&quot; from its dependencies.<\/failure>/,
  );
});

test('exit codes: 0 with warnings only, 1 past --max-warnings, errors only with --quiet', () => {
  const warnings = onlyRules().replace(/"TS406": "off"/, '"TS406": "warning"');
  const dir = project({ 'small.spec.md': SMALL_SPEC, '.techspec.jsonc': warnings });
  assert.equal(techspec(['lint'], dir).code, 0);
  const strict = techspec(['lint', '--max-warnings', '0'], dir);
  assert.equal(strict.code, 1);
  assert.match(strict.stderr, /1 warnings, more than --max-warnings 0/);
  assert.equal(techspec(['lint', '--max-warnings', '1'], dir).code, 0);
  assert.equal(techspec(['lint', '--quiet'], dir).stdout, '');
});

test('exit code 2 with one line on stderr: bad arguments, unknown format or command', () => {
  const dir = project({ 'small.spec.md': SMALL_SPEC });
  for (const args of [['lint', '--format', 'xml'], ['lint', '--nope'], ['frobnicate'], ['lint', '--max-warnings', 'many'], ['lint', '--dry-run']]) {
    const run = techspec(args, dir);
    assert.equal(run.code, 2, args.join(' '));
    assert.match(run.stderr, /^techspec: .+\n$/, args.join(' '));
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  }
});

test('a bad config fails the run with file:line:col', () => {
  const cases: [string, RegExp][] = [
    ['{\n  "rules": { "TS406": "loud" }\n}\n', /\.techspec\.jsonc:2:23: rules\.TS406 must be one of error, warning, information, hint, off, not "loud"/],
    ['{\n  "rulez": {}\n}\n', /\.techspec\.jsonc:2:3: unknown key "rulez"/],
    ['{\n  "files": [,]\n}\n', /\.techspec\.jsonc:2:13: invalid JSON: ValueExpected/],
    ['{ "extends": "./missing.jsonc" }', /cannot find config file .*missing\.jsonc/],
  ];
  for (const [config, message] of cases) {
    const dir = project({ 'small.spec.md': SMALL_SPEC, '.techspec.jsonc': config });
    const run = techspec(['lint'], dir);
    assert.equal(run.code, 2, config);
    assert.match(run.stderr, message);
  }
  const dir = project({ 'small.spec.md': SMALL_SPEC });
  assert.match(techspec(['lint', '--config', 'nope.jsonc'], dir).stderr, /cannot read config: no such file: nope\.jsonc/);
});

test('config: the nearest .techspec.jsonc wins, extends applies below it, comments allowed', () => {
  const dir = project({
    '.techspec.jsonc': onlyRules('TS406', 'TS407'),
    'docs/.techspec.jsonc': '{\n  // only the self-dependency here\n  "extends": "../.techspec.jsonc",\n  "rules": { "TS406": "off" },\n}\n',
    'docs/small.spec.md': SMALL_SPEC,
    'small.spec.md': SMALL_SPEC,
  });
  const codes = (JSON.parse(techspec(['lint', '--format', 'json'], dir).stdout) as { file: string; problems: { code: string }[] }[]).map((f) => [
    f.file,
    f.problems.map((p) => p.code),
  ]);
  assert.deepEqual(codes, [
    ['docs/small.spec.md', ['TS407']],
    ['small.spec.md', ['TS406', 'TS407']],
  ]);
  const forced = JSON.parse(techspec(['lint', '--format', 'json', '--config', '.techspec.jsonc', 'docs'], dir).stdout);
  assert.deepEqual(
    forced[0].problems.map((p: { code: string }) => p.code),
    ['TS406', 'TS407'],
  );
});

test('globs: # and ! negate, .gitignore is honoured, node_modules never searched, non-specs skipped unless --force', () => {
  const dir = project({
    '.techspec.jsonc': onlyRules('TS407'),
    '.gitignore': 'ignored/\n',
    'a.spec.md': SMALL_SPEC,
    'b.spec.md': SMALL_SPEC,
    'c.spec.md': SMALL_SPEC,
    'ignored/d.spec.md': SMALL_SPEC,
    'node_modules/pkg/e.spec.md': SMALL_SPEC,
    'notes/plain.md': SMALL_SPEC.replace('# Technical Spec: Small', '# Notes'),
  });
  const files = (args: string[]) =>
    (JSON.parse(techspec(['lint', '--format', 'json', ...args], dir).stdout) as { file: string; problems: unknown[] }[])
      .filter((f) => f.problems.length)
      .map((f) => f.file);
  assert.deepEqual(files([]), ['a.spec.md', 'b.spec.md', 'c.spec.md']);
  assert.deepEqual(files(['**/*.md', '#b.spec.md', '!c.spec.md']), ['a.spec.md']);
  assert.deepEqual(files(['notes']), []);
  assert.deepEqual(files(['notes', '--force']), ['notes/plain.md']);
});

test('CRLF and BOM files: the same problems at the same places', () => {
  const crlf = '\uFEFF' + SMALL_SPEC.replace(/\n/g, '\r\n');
  const dir = project({ 'small.spec.md': crlf, '.techspec.jsonc': onlyRules('TS406', 'TS407') });
  assert.deepEqual(JSON.parse(techspec(['lint', '--format', 'json'], dir).stdout), SMALL_PROBLEMS);
});

test('no files matched, or a folder without specs: a message and exit 0, as markdownlint-cli2', () => {
  const dir = project({ 'docs/readme.md': '# Just notes\n' });
  const none = techspec(['lint', 'missing/**/*.md'], dir);
  assert.equal(none.code, 0);
  assert.equal(none.stderr, 'techspec: no files matched missing/**/*.md\n');
  const plain = techspec(['lint', 'docs'], dir);
  assert.equal(plain.code, 0);
  assert.equal(plain.stdout, '');
});

test('an unreadable file: a clear message, the other files still linted, exit 2', () => {
  const dir = project({ 'small.spec.md': SMALL_SPEC, 'locked.spec.md': SMALL_SPEC, '.techspec.jsonc': onlyRules('TS407') });
  chmodSync(join(dir, 'locked.spec.md'), 0o000);
  symlinkSync('nowhere', join(dir, 'dangling.spec.md'));
  // As root every file is readable: run the command as nobody then.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const run = techspec(['lint'], dir, asUser);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /^techspec: locked\.spec\.md: permission denied: .*locked\.spec\.md\n$/);
  assert.match(run.stdout, /^small\.spec\.md:9:22 error TS407/);
});

test('--help and --version', () => {
  const dir = project({});
  assert.match(techspec(['--version'], dir).stdout, /^\d+\.\d+\.\d+\n$/);
  for (const command of ['lint', 'graph', 'tasks']) {
    const run = techspec([command, '--help'], dir);
    assert.equal(run.code, 0);
    assert.match(run.stdout, new RegExp(`^Usage: techspec ${command}`));
  }
  assert.match(techspec(['--help'], dir).stdout, /Commands:/);
});

test('many files are linted over worker threads with the same report, in file order', () => {
  const files: Record<string, string> = { '.techspec.jsonc': onlyRules('TS406', 'TS407') };
  for (let i = 0; i < 150; i++) files[`specs/f${String(i).padStart(3, '0')}.spec.md`] = i % 2 ? SMALL_SPEC : SMALL_SPEC.replace(', T9', '');
  const dir = project(files);
  const report = JSON.parse(techspec(['lint', '--format', 'json'], dir).stdout) as { file: string; problems: { code: string }[] }[];
  assert.equal(report.length, 150);
  report.forEach((f, i) => {
    assert.equal(f.file, `specs/f${String(i).padStart(3, '0')}.spec.md`);
    assert.deepEqual(
      f.problems.map((p) => p.code),
      i % 2 ? ['TS406', 'TS407'] : ['TS407'],
    );
  });
});

test("links to repository files resolve from the spec's folder; a missing one is TS1103", () => {
  const spec = ['# Technical Spec: Links', '', '> **PRD Link**: `../prd/links.md`', '', 'See [the ADR](adr/0001.md) and [the other](adr/0002.md).', ''].join(
    '\n',
  );
  const dir = project({
    'specs/links.spec.md': spec,
    'specs/adr/0001.md': '# ADR\n',
    'prd/links.md': '# PRD\n',
    '.techspec.jsonc': onlyRules('TS204', 'TS1103'),
  });
  const run = techspec(['lint', '--format', 'json'], dir);
  assert.deepEqual(
    JSON.parse(run.stdout).flatMap((f: { problems: { code: string; line: number; column: number; message: string }[] }) =>
      f.problems.map((p) => [p.code, p.line, p.column, p.message]),
    ),
    [['TS1103', 5, 44, 'No file "adr/0002.md" in the workspace (the path is relative to this spec\'s folder). Fix the path, or add the file.']],
  );
});
