/**
 * Settlement bytes → text. UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise windows-1252, the
 * encoding spreadsheet programs write when a merchant re-saves the file. windows-1252 is decoded here rather than by
 * `TextDecoder`, because some engines (Node among them) treat that label as ISO-8859-1 and lose €, – and „.
 */
export type TextEncodingName = 'utf-8' | 'windows-1252';

/** windows-1252 0x80–0x9F; the five undefined bytes map to their C1 control code points, as WHATWG does. */
const HIGH_CONTROL = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const chunkSize = 8192;
  for (let start = 0; start < bytes.length; start += chunkSize) {
    const codes = Array.from(bytes.subarray(start, start + chunkSize), (b) =>
      b >= 0x80 && b <= 0x9f ? HIGH_CONTROL[b - 0x80]! : b,
    );
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

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
