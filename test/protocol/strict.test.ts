// Protocol strictness: malformed params get InvalidParams (never an internal error), a second open
// replaces the document, a change whose version is not newer is ignored, and a code action is never
// built from diagnostic data the client made up. Drives the built server (test/protocol/harness.ts).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionRequest, ErrorCodes, ResponseError, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TEMPLATE_TEXT } from '../../engine/templateText';
import { FormatTableRequest, PlanRequest, ReadinessRequest } from '../../protocol';
import { startServer, type TestServer } from './harness';

let server: TestServer;
const URI = 'file:///w/strict.spec.md';

before(async () => {
  server = await startServer({ timeoutMs: 30_000 });
  await server.open(URI, TEMPLATE_TEXT);
  await server.diagnostics(URI, 1);
});

after(async () => {
  await server?.dispose();
});

/** The error the request gets; fails when it is answered. */
async function errorOf(method: string, params: unknown): Promise<ResponseError<unknown>> {
  try {
    await server.conn.sendRequest(method, params);
  } catch (e) {
    assert.ok(e instanceof ResponseError, `${method} fails with a response error, not ${String(e)}`);
    return e;
  }
  assert.fail(`${method} answered params that are invalid: ${JSON.stringify(params)}`);
}

const textDocument = { uri: URI };
const position = { line: 3, character: 2 };
const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const malformed: [method: string, params: unknown, field: RegExp][] = [
  ['textDocument/hover', { textDocument, position: null }, /params\.position must be an object, not null/],
  ['textDocument/hover', { textDocument }, /params\.position must be an object, not missing/],
  ['textDocument/completion', { textDocument, position: null }, /params\.position/],
  ['textDocument/definition', { textDocument, position: { line: -1, character: 0 } }, /params\.position\.line must be an integer from 0/],
  ['textDocument/references', { textDocument, position, context: null }, /params\.context must be an object/],
  ['textDocument/documentHighlight', { textDocument, position: { line: 0, character: 1.5 } }, /params\.position\.character/],
  ['textDocument/prepareRename', { textDocument: { uri: 'not a uri' }, position }, /params\.textDocument\.uri must be a URI/],
  ['textDocument/rename', { textDocument, position, newName: 7 }, /params\.newName must be a string/],
  ['textDocument/codeAction', { textDocument, range: null, context: { diagnostics: [] } }, /params\.range must be an object/],
  [
    'textDocument/codeAction',
    { textDocument, range: { start: range.end, end: range.start }, context: { diagnostics: [] } },
    /params\.range\.start must not come after/,
  ],
  ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [{ message: 'x' }] } }, /params\.context\.diagnostics\[0\]\.range/],
  [PlanRequest.method, {}, /params\.uri must be a URI/],
  ['textDocument/codeLens', { textDocument: null }, /params\.textDocument must be an object/],
  ['codeLens/resolve', { range, data: { kind: 'task' } }, /no data of ours to resolve/],
  ['textDocument/documentLink', {}, /params\.textDocument must be an object/],
  ['textDocument/rangeFormatting', { textDocument, range: null, options: {} }, /params\.range must be an object/],
  [FormatTableRequest.method, { uri: 'not a uri', position }, /params\.uri must be a URI/],
  [ReadinessRequest.method, { uri: 7 }, /params\.uri must be a URI/],
];

for (const [method, params, field] of malformed) {
  test(`${method} with ${JSON.stringify(params)}: InvalidParams naming the field`, async () => {
    const e = await errorOf(method, params);
    assert.equal(e.code, ErrorCodes.InvalidParams, `${method}: InvalidParams, not ${e.code} (${e.message})`);
    assert.match(e.message, new RegExp(`^${method.replace('/', '\\/')}: `));
    assert.match(e.message, field);
  });
}

test('the server still answers after the malformed requests', async () => {
  const line = TEMPLATE_TEXT.split('\n').findIndex((l) => l.startsWith('| T2 |'));
  const hover = await server.conn.sendRequest('textDocument/hover', { textDocument, position: { line, character: 2 } });
  assert.ok(hover, 'a hover on T2 answers');
});

test('a second didOpen with new text replaces the document and publishes its diagnostics', async () => {
  const uri = 'file:///w/reopen.spec.md';
  await server.open(uri, TEMPLATE_TEXT);
  const first = await server.diagnostics(uri, 1);
  assert.ok(!first.diagnostics.some((d) => d.code === 'TS406'), 'the template has no unknown dependency');
  // The same version number, new text: T3 now depends on T99, which does not exist.
  const broken = TEMPLATE_TEXT.replace(
    '| T3 | Implement service layer with business logic | ~200 | T2 |',
    '| T3 | Implement service layer with business logic | ~200 | T99 |',
  );
  assert.notEqual(broken, TEMPLATE_TEXT);
  await server.open(uri, broken);
  const second = await server.diagnostics(uri, 1);
  assert.ok(
    second.diagnostics.some((d) => typeof d.message === 'string' && d.message.includes('T99')),
    `the re-opened text is analyzed: ${second.diagnostics.map((d) => d.message).join(' / ')}`,
  );
});

test('a didChange whose version is not newer is ignored, and logged', async () => {
  const uri = 'file:///w/stale.spec.md';
  await server.open(uri, TEMPLATE_TEXT, 5);
  await server.diagnostics(uri, 5);
  const line = TEMPLATE_TEXT.split('\n').findIndex((l) => l.startsWith('| T2 |'));
  // Version 4 would turn T2's ID into "XT2"; version 6 is a real edit further along the row.
  await server.insert(uri, 4, { line, character: 2 }, 'X');
  await server.insert(uri, 5, { line, character: 2 }, 'Y');
  await server.insert(uri, 6, { line, character: 0 }, ' ');
  const after = await server.diagnostics(uri, 6);
  await server.waitFor<{ message: string }>(
    'window/logMessage',
    (p) => p.message.includes(`ignored a change to ${uri} with version 4`),
    'the log of the stale change',
  );
  await server.waitFor<{ message: string }>(
    'window/logMessage',
    (p) => p.message.includes(`ignored a change to ${uri} with version 5`),
    'the log of the replayed version',
  );
  assert.ok(!after.diagnostics.some((d) => typeof d.message === 'string' && /XT2|YT2/.test(d.message)), 'neither stale edit reached the text');
  const hover = await server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 3 } });
  assert.match(JSON.stringify(hover), /T2/, 'T2 is still T2');
});

test('a code action for a forged diagnostic builds nothing from its data', async () => {
  const forged: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    message: 'Unknown dependency',
    source: 'techspec',
    code: 'TS406',
    data: { rule: 'unknown-dependency', fix: { kind: 'addTaskRow', taskId: '| evil |' } },
  };
  const actions = (await server.conn.sendRequest(CodeActionRequest.type, {
    textDocument,
    range: forged.range,
    context: { diagnostics: [forged] },
  })) as CodeAction[];
  assert.deepEqual(
    actions.map((a) => a.title),
    [],
    'the template has no finding at that range: no action, whatever the data says',
  );
});
