import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { fixture, project, techspec } from './helpers';

const FILE = 'team-invitations.spec.md';
const SPEC = fixture(`samples/${FILE}`);
const IDS = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];

function run(args: string[]): string {
  const dir = project({ [FILE]: SPEC });
  const r = techspec(args, dir);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

test('graph json: tasks, edges, waves and the critical path', () => {
  const graph = JSON.parse(run(['graph', FILE, '--format', 'json']));
  assert.deepEqual(
    graph.tasks.map((t: { id: string }) => t.id),
    IDS,
  );
  assert.deepEqual(graph.waves, [['T1', 'T3'], ['T2'], ['T4'], ['T5', 'T6'], ['T7']]);
  assert.deepEqual(graph.criticalPath, ['T1', 'T2', 'T4', 'T6', 'T7']);
  assert.deepEqual(graph.tasks[0], { id: 'T1', title: 'Create invitations migration', estLines: 60, jira: 'WS-101' });
  assert.deepEqual(
    graph.edges.find((e: { to: string; from: string }) => e.from === 'T2' && e.to === 'T4'),
    { from: 'T2', to: 'T4', inCycle: false, critical: true, implied: false },
  );
});

test('graph mermaid and dot: a node per task, an edge per dependency', () => {
  const mermaid = run(['graph', FILE]);
  assert.match(mermaid, /^flowchart LR\n/);
  assert.match(mermaid, /^ {2}n0\["T1: Create invitations migration"\]:::critical$/m);
  assert.match(mermaid, /^ {2}n1 --> n3$/m);
  const dot = run(['graph', FILE, '--format', 'dot']);
  assert.match(dot, /^digraph tasks \{\n/);
  assert.match(dot, /^ {2}n1 -> n3 \[color="#d18616", penwidth=2\];$/m);
  assert.equal(dot.match(/ -> /g)?.length, mermaid.match(/ --> | -\.-> /g)?.length);
});

test('graph svg: the preview picture, one node per task, well-formed text', () => {
  const svg = run(['graph', FILE, '--format', 'svg']);
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
  assert.equal(svg.match(/<g class="node[ "]/g)?.length, IDS.length);
  assert.equal(svg.match(/<path class="edge /g)?.length, 7);
  assert.equal(svg.match(/<g class="node critical"/g)?.length, 5);
  assert.match(svg, /<title>T4: Create invitation endpoints<\/title>/);
  assert.ok(svg.trimEnd().endsWith('</svg>'));
});

test('graph and tasks: a file without tasks, a missing file or a folder fails with exit 2', () => {
  const dir = project({ 'empty.md': '# Notes\n' });
  const empty = techspec(['graph', 'empty.md'], dir);
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /^techspec: empty\.md: This spec has no "## Task Breakdown" section/);
  assert.match(techspec(['tasks', 'missing.md'], dir).stderr, /^techspec: cannot read missing\.md: no such file/);
  const folder = techspec(['graph', '.'], dir);
  assert.equal(folder.code, 2);
  assert.match(folder.stderr, /^techspec: cannot read \.: is a directory, not a file: /);
});

test('tasks json and csv: dependencies, estimates, waves, critical flag', () => {
  const { tasks } = JSON.parse(run(['tasks', FILE]));
  assert.deepEqual(tasks[3], {
    id: 'T4',
    title: 'Create invitation endpoints',
    estLines: 250,
    dependencies: ['T2', 'T3'],
    wave: 3,
    critical: true,
    jira: 'WS-104',
  });
  const rows = parse(run(['tasks', FILE, '--format', 'csv']), { columns: true }) as Record<string, string>[];
  assert.deepEqual(rows[3], {
    ID: 'T4',
    Task: 'Create invitation endpoints',
    'Est. Lines': '250',
    Dependencies: 'T2 T3',
    Wave: '3',
    Critical: 'yes',
    Jira: 'WS-104',
  });
});

test('tasks jira-csv: Summary, Issue ID, an epic parent and repeated "is blocked by" link columns', () => {
  const table = parse(run(['tasks', FILE, '--format', 'jira-csv', '--epic', 'Team, "invitations"']), { relax_column_count: false }) as string[][];
  const [header, epic, ...rows] = table;
  assert.deepEqual(header, ['Issue ID', 'Issue Type', 'Summary', 'Parent', 'Description', 'Labels', 'Labels', 'Link "is blocked by"', 'Link "is blocked by"']);
  assert.deepEqual(epic, ['1', 'Epic', 'Team, "invitations"', '', '', '', '', '', '']);
  assert.equal(rows.length, IDS.length);
  const issueId = new Map(rows.map((r) => [r[2].split(' ')[0], r[0]]));
  const t4 = rows.find((r) => r[2].startsWith('T4 '))!;
  assert.deepEqual(
    [t4[2], t4[3], t4[5], t4[6], t4[7], t4[8]],
    ['T4 Create invitation endpoints', '1', 'wave-3', 'critical-path', issueId.get('T2'), issueId.get('T3')],
  );
  assert.match(t4[4], /^T4: Create invitation endpoints\nEst\. Lines: 250\nJira: WS-104$/);
});

test('tasks markdown: a GitHub task list by wave', () => {
  const md = run(['tasks', FILE, '--format', 'markdown']);
  assert.match(md, /^### Wave 1\n\n- \[ \] \*\*T1\*\* Create invitations migration \(~60 lines; \*\*critical path\*\*\)\n- \[ \] \*\*T3\*\* /);
  assert.match(md, /### Wave 3\n\n- \[ \] \*\*T4\*\* Create invitation endpoints \(~250 lines; needs T2, T3; \*\*critical path\*\*\)\n/);
  assert.equal(md.match(/^- \[ \] /gm)?.length, IDS.length);
});
