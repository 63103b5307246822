/**
 * Settlement bytes → text. UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise windows-1252, the
 * encoding spreadsheet programs write when a merchant re-saves the file. windows-1252 is decoded here rather than by
 * `TextDecoder`, because some engines (Node among them) treat that label as ISO-8859-1 and lose €, – and „.
 */
import { decodeWindows1252 } from '../books/windows-1252';

export type TextEncodingName = 'utf-8' | 'windows-1252';

const hasUtf8Bom = (bytes: Uint8Array): boolean => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

export function decodeSettlementBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  try {
    // The BOM is cut off here rather than by the decoder: Chromium decodes a file that starts with one about five
    // times slower than the same bytes without it.
    const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
