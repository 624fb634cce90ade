/** A failure of the run itself (bad arguments, an unreadable config): one line on stderr, exit code 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** The error's message without the stack: what a person needs to act on it. */
export function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const { code, path } = error as NodeJS.ErrnoException;
    if (code === 'EACCES' || code === 'EPERM') return `permission denied: ${path}`;
    if (code === 'EISDIR') return `is a directory, not a file: ${path}`;
    if (code === 'ENOENT') return `no such file: ${path}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The --format value if it is one of `formats`; a CliError naming them otherwise. */
export function formatOption<F extends string>(value: string | undefined, formats: readonly F[]): F {
  if (!formats.includes(value as F)) throw new CliError(`unknown --format "${value}" (one of ${formats.join(', ')})`);
  return value as F;
}
