import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../engine/model';
import { getDocumentLinks, ticketUrlProblem } from '../../engine/links';
import { lines, taskSpec } from './helpers';

const URI = 'file:///repo/docs/specs/invites.spec.md';
const TICKETS = taskSpec('Links', [
  '| T1 | A | ~10 | None | WS-101 |',
  '| T2 | B | ~10 | T1 | WS-102, WS-103 |',
  '| T3 | C | ~10 | T1 | [WS-104](https://other.example.com/WS-104) |',
  '| T4 | D | ~10 | T1 | ws-105 |',
  '| T5 | E | ~10 | T1 | [Link] |',
]);
const brief = (text: string, uri = URI, ticketUrl?: string) =>
  getDocumentLinks(buildModel(text), uri, { ticketUrl }).map((l) => [l.range.start.line, l.range.start.character, l.range.end.character, l.target]);

test('ticket keys link through techspec.ticketUrl; linked cells, invalid keys and placeholders do not', () => {
  assert.deepEqual(brief(TICKETS, URI, 'https://jira.example.com/browse/{key}'), [
    [6, 24, 30, 'https://jira.example.com/browse/WS-101'],
    [7, 22, 28, 'https://jira.example.com/browse/WS-102'],
    [7, 30, 36, 'https://jira.example.com/browse/WS-103'],
  ]);
});

test('no ticketUrl, or one without {key}, links no tickets', () => {
  assert.deepEqual(brief(TICKETS), []);
  assert.deepEqual(brief(TICKETS, URI, 'https://jira.example.com/browse/'), []);
  assert.equal(
    ticketUrlProblem('https://jira.example.com/browse/'),
    'techspec.ticketUrl must contain {key}, like https://jira.example.com/browse/{key}; ticket keys are not linked.',
  );
  assert.equal(
    ticketUrlProblem('jira/{key}'),
    'techspec.ticketUrl must be a URL with a scheme, like https://jira.example.com/browse/{key}; ticket keys are not linked.',
  );
  assert.equal(ticketUrlProblem('https://jira.example.com/browse/{key}'), undefined);
});

const prd = (value: string) => lines('# Technical Spec: PRD', '', `> **PRD Link**: ${value}`, '');

test("a relative PRD Link is resolved against the document's folder, on its path only", () => {
  assert.deepEqual(brief(prd('[PRD](../prd/invites.md)')), [[2, 22, 39, 'file:///repo/docs/prd/invites.md']]);
  assert.deepEqual(brief(prd('[PRD](<prd files/invites.md> "The PRD")')), [[2, 23, 43, 'file:///repo/docs/specs/prd%20files/invites.md']]);
  assert.deepEqual(brief(prd('prd/invites.md#goals')), [[2, 16, 36, 'file:///repo/docs/specs/prd/invites.md']]);
  assert.deepEqual(brief(prd('`./prd.md`')), [[2, 17, 25, 'file:///repo/docs/specs/prd.md']]);
});

test('a PRD Link that is a URL, an absolute path, a fragment or in an untitled document is left to markdown', () => {
  for (const value of ['[PRD](https://example.com/prd)', 'https://example.com/prd', '[PRD](/docs/prd.md)', '[PRD](#goals)', 'PRD-230 and more']) {
    assert.deepEqual(brief(prd(value)), [], value);
  }
  assert.deepEqual(brief(prd('[PRD](prd.md)'), 'untitled:Untitled-1'), []);
});
