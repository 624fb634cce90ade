import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import { rules } from '../../engine';
import { onlyRules, project, ROOT, SMALL_SPEC, techspec } from './helpers';

const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
// The official schema's language-tag pattern is no valid unicode-mode regular expression, and ajv has
// no URI formats without ajv-formats: plain regular expressions, formats not checked.
const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);

/** SMALL_SPEC plus a two-task cycle, whose result carries related locations. */
const SPEC = SMALL_SPEC + ['| T4 | Fourth | ~10 | T5 | |', '| T5 | Fifth | ~10 | T4 | |', ''].join('\n');
const hash = (code: string, line: string) => createHash('sha256').update(`${code}\n${line}`).digest('hex').slice(0, 16);
const region = (startLine: number, startColumn: number, endLine: number, endColumn: number) => ({ startLine, startColumn, endLine, endColumn });
const at = (uri: string, r: ReturnType<typeof region>) => ({ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: r } });

function sarifOf(dir: string) {
  const run = techspec(['lint', '--format', 'sarif', '--output', 'techspec.sarif'], dir);
  assert.equal(run.code, 1);
  return JSON.parse(readFileSync(join(dir, 'techspec.sarif'), 'utf8'));
}

test('sarif: valid against the SARIF 2.1.0 schema', () => {
  const dir = project({ 'docs/small.spec.md': SPEC });
  const log = sarifOf(dir);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
});

test("sarif: each rule's helpUri is its anchor in README, at the project's address from package.json", () => {
  const { homepage } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(homepage, 'https://github.com/techspec/techspec');
  const cli = JSON.parse(readFileSync(join(ROOT, 'cli/package.json'), 'utf8'));
  assert.ok(cli.homepage.startsWith(`${homepage}#`), `the command line's package points into the same README: ${cli.homepage}`);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const anchors = new Set([...readme.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
  const driver = sarifOf(project({ 'docs/small.spec.md': SPEC })).runs[0].tool.driver;
  assert.equal(driver.informationUri, homepage);
  assert.equal(driver.rules.length, rules.length);
  for (const rule of driver.rules) {
    assert.ok(rule.helpUri.startsWith(`${homepage}#`), rule.helpUri);
    const anchor = rule.helpUri.slice(homepage.length + 1);
    assert.ok(anchors.has(anchor), `README has <a id="${anchor}"></a> for ${rule.id}`);
  }
});

test('sarif: the whole log, results relative to the root with 1-based regions and related locations', () => {
  const dir = project({ 'docs/small.spec.md': SPEC, '.techspec.jsonc': onlyRules('TS406', 'TS409') });
  const log = sarifOf(dir);
  const uri = 'docs/small.spec.md';
  const version = JSON.parse(readFileSync(join(ROOT, 'cli/package.json'), 'utf8')).version;
  const cycleMembers = [
    { id: 0, ...at(uri, region(10, 3, 10, 5)), message: { text: 'T4 depends on T5' } },
    { id: 1, ...at(uri, region(11, 3, 11, 5)), message: { text: 'T5 depends on T4' } },
  ];
  const cycle = (line: number, text: string) => ({
    ruleId: 'TS409',
    ruleIndex: rules.findIndex((r) => r.code === 'TS409'),
    level: 'error',
    message: { text: 'Dependency cycle: T4 → T5 → T4. None of these tasks can start; remove one of the dependencies.' },
    locations: [at(uri, region(line, 3, line, 5))],
    relatedLocations: cycleMembers,
    partialFingerprints: { primaryLocationLineHash: `${hash('TS409', text)}:1` },
  });
  const ts406 = rules.find((r) => r.code === 'TS406')!;
  assert.deepEqual(log.runs[0].tool.driver.rules[rules.indexOf(ts406)], {
    id: 'TS406',
    name: 'unknown-dependency',
    shortDescription: { text: ts406.description.replace(/(?<=[.!?])\s.*$/s, '') },
    fullDescription: { text: ts406.description },
    help: {
      text: 'Name an existing task (the quick fix suggests the closest ID), add the missing task, or remove the dependency. To turn the rule off or change its severity: "rules": { "TS406": "off" } in .techspec.jsonc.',
    },
    helpUri: 'https://github.com/techspec/techspec#ts406',
    defaultConfiguration: { level: 'error' },
  });
  assert.deepEqual(log, {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'techspec',
            version,
            semanticVersion: version,
            informationUri: 'https://github.com/techspec/techspec',
            rules: log.runs[0].tool.driver.rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(dir + '/').href } },
        results: [
          {
            ruleId: 'TS406',
            ruleIndex: rules.indexOf(ts406),
            level: 'error',
            message: { text: 'Unknown dependency "T9": no task has this ID. Did you mean T3?' },
            locations: [at(uri, region(8, 27, 8, 29))],
            partialFingerprints: { primaryLocationLineHash: `${hash('TS406', '| T2 | Second | ~60 | T1, T9 | |')}:1` },
          },
          cycle(10, '| T4 | Fourth | ~10 | T5 | |'),
          cycle(11, '| T5 | Fifth | ~10 | T4 | |'),
        ],
      },
    ],
  });
  assert.equal(log.runs[0].tool.driver.rules.length, rules.length);
});

test('sarif: every rule says what to do, in its own words', () => {
  const driverRules = sarifOf(project({ 'a.spec.md': SPEC })).runs[0].tool.driver.rules as { id: string; help: { text: string } }[];
  for (const rule of rules) {
    assert.ok(rule.help.length > 20 && rule.help !== rule.description, `${rule.code} has no help of its own`);
    assert.ok(driverRules.find((r) => r.id === rule.code)?.help.text.startsWith(rule.help), `${rule.code}'s SARIF help is not its help`);
  }
});

test('sarif: fingerprints stay when unrelated lines move', () => {
  const fingerprints = (spec: string) => {
    const dir = project({ 'small.spec.md': spec, '.techspec.jsonc': onlyRules('TS406', 'TS409') });
    return sarifOf(dir).runs[0].results.map((r: { partialFingerprints: unknown }) => r.partialFingerprints);
  };
  const moved = SPEC.replace('## Task Breakdown', 'Some words.\n\nMore words.\n\n## Task Breakdown');
  assert.deepEqual(fingerprints(moved), fingerprints(SPEC));
});
