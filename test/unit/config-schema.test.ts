// The JSON Schema of .techspec.jsonc (scripts/configSchema.ts, written by esbuild.mjs and checked in) agrees with
// the engine's rules, the loader's keys, package.json's contributions and README's example.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'jsonc-parser';
import { ConfigError, parseConfigText, rules } from '../../engine';
import { configSchema } from '../../scripts/configSchema';

const ROOT = join(import.meta.dirname, '../..');
const schema = configSchema();
const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addKeyword('enumDescriptions');
ajv.addFormat('regex', (s: string) => {
  try {
    new RegExp(s, 'u');
    return true;
  } catch {
    return false;
  }
});
const validate = ajv.compile(schema);
const errors = (config: unknown) => (validate(config) ? [] : validate.errors!.map((e) => `${e.instancePath || '/'} ${e.message}`));

test('rules: exactly the engine rules, by code and by name, each with its severities', () => {
  const expected = rules.flatMap((r) => [r.code, r.name]).sort();
  assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), expected);
  assert.deepEqual([...schema.properties.rules.propertyNames.enum].sort(), expected);
  assert.deepEqual(schema.definitions.severity.enum, ['error', 'warning', 'information', 'hint', 'off']);
});

test('the checked-in schemas/techspec.schema.json is the one the build writes from the engine', () => {
  const written = JSON.parse(readFileSync(join(ROOT, 'schemas/techspec.schema.json'), 'utf8'));
  assert.deepEqual(written, JSON.parse(JSON.stringify(schema)), 'out of date: npm run build writes it; commit it');
});

test("every key the loader reads is in the schema, and the schema's draft is draft-07", () => {
  let known: string[] = [];
  try {
    parseConfigText('{ "no-such-key": 1 }', '/c.jsonc');
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    known = /\(known: (.*)\)/.exec(error.problem)![1].split(', ');
  }
  assert.ok(known.length > 4, `the loader lists its keys: ${known.join(', ')}`);
  for (const key of known) assert.ok(key in schema.properties, `the schema describes "${key}"`);
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
});

test('the schema accepts good configs and names what is wrong in bad ones', () => {
  assert.deepEqual(errors({ rules: { TS406: 'error', placeholder: 'off' }, maxTaskLines: 300, taskIdPattern: '^[A-Z]+-\\d+$' }), []);
  assert.deepEqual(errors({ rules: { TS406: 'loud' } }), ['/rules/TS406 must be equal to one of the allowed values']);
  assert.deepEqual(errors({ rules: { TS999: 'off' } }), ['/rules must be equal to one of the allowed values', '/rules property name must be valid']);
  assert.deepEqual(errors({ maxTaskLines: 0 }), ['/maxTaskLines must be > 0']);
  assert.deepEqual(errors({ taskIdPattern: '(' }), ['/taskIdPattern must match format "regex"']);
  assert.deepEqual(errors({ taskTable: { owner: 'Who' } }), ['/taskTable must NOT have additional properties']);
  assert.deepEqual(errors({ colour: 'red' }), ['/ must NOT have additional properties']);
});

test("package.json contributes the schema for .techspec.jsonc and makes it JSON with comments; README's example is valid", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.techspec.jsonc', url: './schemas/techspec.schema.json' }]);
  assert.deepEqual(pkg.contributes.languages, [{ id: 'jsonc', filenames: ['.techspec.jsonc'] }]);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const example = /## Configuration[\s\S]*?```jsonc\n([\s\S]*?)```/.exec(readme);
  assert.ok(example, 'README has a jsonc example under Configuration');
  const config = parse(example[1]);
  assert.deepEqual(errors(config), []);
  assert.deepEqual(Object.keys(config).sort(), Object.keys(schema.properties).sort(), 'the example shows every key');
});
