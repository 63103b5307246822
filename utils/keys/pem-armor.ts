/** Finds PEM blocks in free text (a file, a paste, an e-mail) and writes PEM. */
import { bytesToBase64 } from './base64';

export interface PemBlock {
  /** Upper-case label, e.g. `PRIVATE KEY`, `RSA PRIVATE KEY`. */
  label: string;
  /** RFC 1421 headers such as `Proc-Type` (legacy encrypted keys). */
  headers: Record<string, string>;
  /** The base64 body with all whitespace removed. */
  body: string;
}

export interface PemScan {
  blocks: PemBlock[];
  /** A BEGIN line without its END line, or the reverse: the text was cut. */
  broken?: { label: string; missing: 'BEGIN' | 'END' };
}

// Tolerates the armour on one line with the body, as when a key went through a single-line form field.
const ARMOUR = /-----\s*(BEGIN|END)\s+([A-Za-z0-9][A-Za-z0-9 ]*?)\s*-----/g;
const HEADER = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/;

export function scanPem(text: string): PemScan {
  const blocks: PemBlock[] = [];
  let open: { label: string; bodyStart: number } | undefined;
  for (const match of text.matchAll(ARMOUR)) {
    const [line, kind, rawLabel] = match as unknown as [string, 'BEGIN' | 'END', string];
    const label = rawLabel.toUpperCase();
    if (kind === 'BEGIN') {
      if (open) return { blocks, broken: { label: open.label, missing: 'END' } };
      open = { label, bodyStart: match.index + line.length };
    } else if (!open) {
      return { blocks, broken: { label, missing: 'BEGIN' } };
    } else if (label !== open.label) {
      return { blocks, broken: { label: open.label, missing: 'END' } };
    } else {
      blocks.push(parseInner(label, text.slice(open.bodyStart, match.index)));
      open = undefined;
    }
  }
  return open ? { blocks, broken: { label: open.label, missing: 'END' } } : { blocks };
}

function parseInner(label: string, inner: string): PemBlock {
  // Keys copied out of JSON or .env files carry literal "\n" escapes instead of line breaks.
  const lines = inner.replace(/\\[rn]/g, '\n').split(/\r\n|\r|\n/);
  const headers: Record<string, string> = {};
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  for (let header; i < lines.length && (header = HEADER.exec(lines[i]!.trim())); i++) {
    headers[header[1]!] = header[2]!;
  }
  return { label, headers, body: lines.slice(i).join('').replace(/\s+/g, '') };
}

/** PEM with 64-character lines and a final newline, the layout OpenSSL and Integration Central expect. */
export function encodePem(label: string, der: Uint8Array): string {
  const lines = bytesToBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
