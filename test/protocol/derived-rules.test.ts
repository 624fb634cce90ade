// techspec/derivedRules: the server describes the template that applies to a document; a spec is
// checked by that template's rules.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DerivedRulesRequest } from '../../protocol';
import { ROOT, startServer, type TestServer } from './harness';

const REQUESTS = join(ROOT, 'test/fixtures/templates/requests');
const TEAM_URI = 'file:///ws/team/saved-searches.spec.md';
const TEMPLATE = { path: '/ws/team/template.md', text: readFileSync(join(REQUESTS, 'template.md'), 'utf8') };

let server: TestServer;

before(async () => {
  server = await startServer({
    capabilities: { workspace: { configuration: true } },
    // The team folder's settings carry its template, as the config loader puts it there.
    configuration: (scopeUri) => (scopeUri?.startsWith('file:///ws/team/') ? { template: TEMPLATE } : {}),
  });
});

after(async () => {
  await server?.dispose();
});

test('techspec/derivedRules: the bundled template without a document, the team template for a team spec', async () => {
  const bundled = await server.conn.sendRequest(DerivedRulesRequest, {});
  assert.match(bundled.markdown, /^# Rules derived from the bundled template\n/);
  assert.ok(bundled.markdown.includes('Pattern `^T\\d+$`.'));
  const team = await server.conn.sendRequest(DerivedRulesRequest, { uri: TEAM_URI });
  assert.match(team.markdown, /^# Rules derived from \/ws\/team\/template\.md\n/);
  assert.ok(team.markdown.includes('Ready means State `Accepted`'));
  await assert.rejects(server.conn.sendRequest(DerivedRulesRequest, { uri: 3 } as never), {
    code: -32602,
    message: 'techspec/derivedRules: params.uri must be a URI (like file:///spec.md), not 3',
  });
});

test('a spec under a team template is checked by it: the correct one gets no diagnostics', async () => {
  await server.open(TEAM_URI, readFileSync(join(REQUESTS, 'correct.spec.md'), 'utf8'));
  assert.deepEqual((await server.diagnostics(TEAM_URI, 1)).diagnostics, []);
  const defects = 'file:///ws/team/defects.spec.md';
  await server.open(defects, readFileSync(join(REQUESTS, 'defects.spec.md'), 'utf8'));
  assert.deepEqual(
    (await server.diagnostics(defects, 1)).diagnostics.map((d) => d.code),
    ['TS901', 'TS902', 'TS102', 'TS301', 'TS402', 'TS404', 'TS701'],
  );
});
