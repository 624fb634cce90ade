// The engine asks whether a linked repository file exists; the server answers from the disk.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Whether `path`, relative to the folder of the document at `documentUri`, exists; undefined for documents not on disk. */
export function fileExistsNear(path: string, documentUri: string): boolean | undefined {
  if (!documentUri.startsWith('file:')) return undefined;
  try {
    return existsSync(resolve(dirname(fileURLToPath(documentUri)), path));
  } catch {
    return undefined;
  }
}
