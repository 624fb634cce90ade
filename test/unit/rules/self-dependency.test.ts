import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, only } from '../helpers';
import { brief, R1, R2, tasksSpec } from './helpers';

test('TS407: a self-dependency, on the token, with its fix', () => {
  const ds = only(diagnose(tasksSpec(R1, R2, '| T3 | Service | ~200 | T2, T1,T3 | J-3 |')), 'TS407');
  assert.deepEqual(brief(ds), ['TS407 [8,31,8,33] Task T3 depends on itself. Remove "T3" from its dependencies.']);
  assert.deepEqual(ds[0].data, { rule: 'self-dependency', fix: { kind: 'removeDependency' } });
});
