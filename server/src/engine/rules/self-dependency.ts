import type { Rule } from '../rule';

export const selfDependency: Rule = {
  code: 'TS407',
  name: 'self-dependency',
  defaultSeverity: 'error',
  description: 'A task lists itself as a dependency.',
  check({ model }) {
    return (model.taskTable?.tasks ?? []).flatMap((t) =>
      t.deps
        .filter((d) => t.id && d.id === t.id)
        .map((d) => ({
          range: d.span.range,
          message: `Task ${t.id} depends on itself. Remove "${d.id}" from its dependencies.`,
          fix: { kind: 'removeDependency' as const },
        })));
  },
};
