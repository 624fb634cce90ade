// The published package: `npm pack` of cli/, installed offline into an empty project (possible only
// because the bundle carries every dependency), then run through npx there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, project, ROOT } from './helpers';

const npm = (args: string[], cwd: string) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });

test('the packed command installs offline with no dependencies and runs lint, graph and tasks through npx', () => {
  const manifest = JSON.parse(fixture('cli/package.json'));
  assert.equal(manifest.dependencies, undefined);
  const packs = project({});
  npm(['pack', join(ROOT, 'cli'), '--pack-destination', packs], ROOT);
  const tarball = readdirSync(packs).find((f) => f.endsWith('.tgz'))!;
  const dir = project({
    'package.json': '{ "name": "consumer", "version": "1.0.0", "private": true }\n',
    'docs/team-invitations.spec.md': fixture('samples/team-invitations.spec.md'),
    'docs/defects.spec.md': fixture('test/fixtures/defects.spec.md'),
  });
  npm(['install', '--offline', join(packs, tarball)], dir);
  const npx = (...args: string[]) => spawnSync('npx', ['--offline', 'techspec', ...args], { cwd: dir, encoding: 'utf8' });

  const lint = npx('lint');
  assert.equal(lint.status, 1, lint.stderr);
  assert.match(lint.stdout, /^docs\/defects\.spec\.md:\d+:\d+ error TS406 /m);
  const version = npx('--version');
  assert.equal(version.stdout.trim(), manifest.version);
  const graph = npx('graph', 'docs/team-invitations.spec.md', '--format', 'dot');
  assert.equal(graph.status, 0, graph.stderr);
  assert.match(graph.stdout, /^digraph tasks \{/);
  const tasks = npx('tasks', 'docs/team-invitations.spec.md', '--format', 'markdown');
  assert.equal(tasks.status, 0, tasks.stderr);
  assert.match(tasks.stdout, /^### Wave 1/);
});
