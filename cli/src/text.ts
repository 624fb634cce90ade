// A file's text as the engine wants it (no BOM, LF line endings) and back as it was stored.

export interface StoredText {
  /** The text the engine sees: no BOM, `\n` line endings. */
  text: string;
  bom: boolean;
  crlf: boolean;
}

export function fromStored(raw: string): StoredText {
  const bom = raw.startsWith('\uFEFF');
  const body = bom ? raw.slice(1) : raw;
  const crlf = body.includes('\r\n');
  return { text: crlf ? body.replace(/\r\n/g, '\n') : body, bom, crlf };
}

export function toStored(text: string, { bom, crlf }: Pick<StoredText, 'bom' | 'crlf'>): string {
  return (bom ? '\uFEFF' : '') + (crlf ? text.replace(/\n/g, '\r\n') : text);
}
