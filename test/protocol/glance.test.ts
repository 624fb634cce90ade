// Code lenses (listed, then resolved lazily), document links, range formatting and readiness over the built server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeLensRequest,
  CodeLensResolveRequest,
  DocumentLinkRequest,
  DocumentRangeFormattingRequest,
  type CodeLens,
  type ResponseError,
} from 'vscode-languageserver-protocol/node';
import { FormatTableRequest, ReadinessRequest } from '../../protocol';
import { startServer, type TestServer } from './harness';

const SPEC_URI = 'file:///ws/docs/invites.spec.md';
const NO_LENS_URI = 'file:///ws/quiet/invites.spec.md';
const README_URI = 'file:///ws/README.md';

const SPEC = [
  '# Technical Spec: Invites',
  '',
  '> **Status**: Draft',
  '> **PRD Link**: [PRD](../prd/invites.md)',
  '',
  '## Task Breakdown',
  '',
  '| ID | Task | Est. Lines | Dependencies | Jira |',
  '|----|------|------------|--------------|------|',
  '| T1 | Migration | ~60 | None | WS-1 |',
  '| T2 | Repository | ~150 | T1 | WS-2 |',
  '| T3 | API | ~250 | T1, T2 | WS-3 |',
  '',
  '| a | b |',
  '|-|-|',
  '| 1 | 22 |',
  '',
  '## Open Questions / Decisions Needed',
  '',
  '- [ ] Expiry?',
  '',
].join('\n');

describe('code lenses, links, formatting and readiness over stdio', () => {
  let server: TestServer;

  before(async () => {
    server = await startServer({
      configuration: (uri) => ({
        rules: { 'missing-section': 'off', 'author-missing': 'off', 'last-updated-invalid': 'off' },
        ticketUrl: 'https://jira.example.com/browse/{key}',
        codeLens: { enabled: uri !== NO_LENS_URI },
      }),
      workspaceFolders: [{ uri: 'file:///ws', name: 'ws' }],
      capabilities: { workspace: { configuration: true } },
    });
    await server.open(SPEC_URI, SPEC, 1);
    await server.diagnostics(SPEC_URI, 1);
  });

  after(async () => {
    await server?.dispose();
  });

  test('codeLens lists the lenses with data and no titles where they wait for resolve; codeLens/resolve gives the titles', async () => {
    const lenses = (await server.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri: SPEC_URI } })) ?? [];
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title ?? null, l.data ?? null]),
      [
        [5, null, { uri: SPEC_URI, kind: 'summary' }],
        [5, 'Show graph', null],
        [9, null, { uri: SPEC_URI, kind: 'task', id: 'T1' }],
        [10, null, { uri: SPEC_URI, kind: 'task', id: 'T2' }],
        [11, null, { uri: SPEC_URI, kind: 'task', id: 'T3' }],
      ],
    );
    const resolved: CodeLens[] = [];
    for (const lens of lenses.filter((l) => !l.command)) resolved.push(await server.conn.sendRequest(CodeLensResolveRequest.type, lens));
    assert.deepEqual(
      resolved.map((l) => [l.command!.title, l.command!.command]),
      [
        ['3 tasks · ~460 lines · critical path ~460 lines (T1 → T2 → T3) · 3 waves', ''],
        ['wave 1 · needed by 2', 'techspec.codeLens.showLocations'],
        ['wave 2 · needed by 1', 'techspec.codeLens.showLocations'],
        ['wave 3 · needed by none', ''],
      ],
    );
    assert.deepEqual(resolved[1].command!.arguments, [
      SPEC_URI,
      { line: 9, character: 2 },
      [
        { uri: SPEC_URI, range: { start: { line: 10, character: 2 }, end: { line: 10, character: 4 } } },
        { uri: SPEC_URI, range: { start: { line: 11, character: 2 }, end: { line: 11, character: 4 } } },
      ],
    ]);
  });

  test('codeLens/resolve refuses data that is not ours with InvalidParams', async () => {
    const lens = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, data: { kind: 'elsewhere' } };
    await assert.rejects(server.conn.sendRequest(CodeLensResolveRequest.type, lens), (e: ResponseError) => e.code === -32602);
  });

  test('techspec.codeLens.enabled false: no lenses; a README gets none either', async () => {
    await server.open(NO_LENS_URI, SPEC, 1);
    assert.deepEqual(await server.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri: NO_LENS_URI } }), []);
    await server.open(README_URI, '# Readme\n\n| a | b |\n|-|-|\n| 1 | 22 |\n', 1);
    assert.deepEqual(await server.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri: README_URI } }), []);
  });

  test('documentLink: the relative PRD path and each ticket key through techspec.ticketUrl', async () => {
    const links = await server.conn.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: SPEC_URI } });
    assert.deepEqual(
      links?.map((l) => [l.range.start.line, l.range.start.character, l.range.end.character, l.target]),
      [
        [3, 22, 39, 'file:///ws/prd/invites.md'],
        [9, 32, 36, 'https://jira.example.com/browse/WS-1'],
        [10, 32, 36, 'https://jira.example.com/browse/WS-2'],
        [11, 29, 33, 'https://jira.example.com/browse/WS-3'],
      ],
    );
  });

  test('rangeFormatting formats only the tables the range touches; techspec/formatTable the one at the position', async () => {
    const inSmallTable = { start: { line: 14, character: 0 }, end: { line: 14, character: 1 } };
    const edits = await server.conn.sendRequest(DocumentRangeFormattingRequest.type, {
      textDocument: { uri: SPEC_URI },
      range: inSmallTable,
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.deepEqual(edits, [
      { range: { start: { line: 13, character: 0 }, end: { line: 13, character: 9 } }, newText: '| a   | b   |' },
      { range: { start: { line: 14, character: 0 }, end: { line: 14, character: 5 } }, newText: '| --- | --- |' },
      { range: { start: { line: 15, character: 0 }, end: { line: 15, character: 10 } }, newText: '| 1   | 22  |' },
    ]);
    const outside = { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } };
    assert.deepEqual(
      await server.conn.sendRequest(DocumentRangeFormattingRequest.type, {
        textDocument: { uri: SPEC_URI },
        range: outside,
        options: { tabSize: 2, insertSpaces: true },
      }),
      [],
    );
    const atPosition = await server.conn.sendRequest(FormatTableRequest, { uri: SPEC_URI, position: { line: 15, character: 3 } });
    assert.deepEqual(atPosition, { version: 1, edits });
    await assert.rejects(
      server.conn.sendRequest(FormatTableRequest, { uri: SPEC_URI } as never),
      (e: ResponseError) => e.code === -32602 && e.message === 'techspec/formatTable: params.position must be an object, not missing',
    );
  });

  test('techspec/readiness: the status bar text and the problems; null for a README', async () => {
    const readiness = await server.conn.sendRequest(ReadinessRequest, { uri: SPEC_URI });
    assert.deepEqual(readiness, {
      status: 'Draft',
      ready: false,
      text: '$(checklist) Draft · 1 open question',
      problems: [{ kind: 'open-question', message: 'Expiry?', range: { start: { line: 19, character: 0 }, end: { line: 19, character: 13 } } }],
    });
    assert.equal(await server.conn.sendRequest(ReadinessRequest, { uri: README_URI }), null);
  });
});
