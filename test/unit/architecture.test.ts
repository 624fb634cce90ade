// The engine is a library: it imports nothing of the server, the client or the protocol, no vscode
// and no file system; the server and client reach it only through engine/index.ts; no import cycles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

/** The module specifiers a file imports or re-exports (type-only ones too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
}

/** The file a relative specifier names, if it is one of ours. */
function resolveRelative(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [base + '.ts', join(base, 'index.ts'), base].find((p) => existsSync(p) && statSync(p).isFile());
}

const layers = ['engine', 'protocol', 'server/src', 'client/src', 'cli/src'].flatMap((d) => sources(join(ROOT, d)));

test('the engine imports no server, client, protocol, vscode, LSP connection or file system', () => {
  const bad: string[] = [];
  for (const file of sources(join(ROOT, 'engine'))) {
    for (const spec of importsOf(file)) {
      const target = spec.startsWith('.') ? relative(ROOT, resolve(dirname(file), spec)) : spec;
      if (/^(server|client|protocol|cli)\b/.test(target) || /^(vscode|vscode-languageserver(\/node)?|node:fs|fs|node:child_process)$/.test(spec)) {
        bad.push(`${relative(ROOT, file)} imports ${spec}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});

test('the server, the client and the command line import the engine only through engine/index.ts', () => {
  const bad: string[] = [];
  for (const dir of ['server/src', 'client/src', 'cli/src', 'protocol']) {
    for (const file of sources(join(ROOT, dir))) {
      for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
        const target = relative(ROOT, resolve(dirname(file), spec));
        if (target.startsWith('engine') && target !== 'engine') bad.push(`${relative(ROOT, file)} imports ${spec}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});

test('no import cycles between our modules', () => {
  const edges = new Map(
    layers.map((f) => [
      f,
      importsOf(f)
        .filter((s) => s.startsWith('.'))
        .flatMap((s) => resolveRelative(f, s) ?? []),
    ]),
  );
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  // Iterative depth-first search: a module met again while still open closes a cycle.
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const stack: { file: string; next: number }[] = [{ file: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1];
      const deps = edges.get(top.file) ?? [];
      if (top.next >= deps.length) {
        state.set(top.file, 'done');
        stack.pop();
        continue;
      }
      const dep = deps[top.next++];
      if (state.get(dep) === 'open') {
        const from = stack.findIndex((s) => s.file === dep);
        cycles.push([...stack.slice(from).map((s) => relative(ROOT, s.file)), relative(ROOT, dep)].join(' → '));
      } else if (!state.has(dep) && edges.has(dep)) {
        state.set(dep, 'open');
        stack.push({ file: dep, next: 0 });
      }
    }
  }
  assert.deepEqual(cycles, []);
});
