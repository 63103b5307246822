/**
 * Windows-1252 for DATEV files (DATEV's default character set; UTF-8 would need a BOM and is not accepted
 * everywhere). Text is first made encodable: accents outside the set lose their marks (NFKD), a few letters with no
 * decomposition get their usual Latin stand-in, control characters become spaces, and what is left (Japanese store
 * names, emoji) is dropped — the caller reports every changed value.
 */
const HIGH: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);

const STAND_INS: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
};

/** The Windows-1252 byte of a character, `undefined` when the set has none. */
export function byteOf(codePoint: number): number | undefined {
  if (codePoint < 0x80 || (codePoint >= 0xa0 && codePoint <= 0xff)) return codePoint;
  return HIGH.get(codePoint);
}

const isControl = (codePoint: number) =>
  codePoint < 0x20 || codePoint === 0x7f || (codePoint >= 0x80 && codePoint < 0xa0);

/** Printable and encodable as it is. */
function keeps(char: string): boolean {
  const codePoint = char.codePointAt(0) ?? 0;
  return !isControl(codePoint) && byteOf(codePoint) !== undefined;
}

/** The text made printable and encodable in Windows-1252; equal to the input when nothing had to change. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function toWindows1252Text(value: string): string {
  if (PRINTABLE_ASCII.test(value)) return value;
  let out = '';
  for (const char of value) {
    if (keeps(char)) {
      out += char;
      continue;
    }
    const codePoint = char.codePointAt(0) ?? 0;
    if (isControl(codePoint)) {
      out += ' ';
      continue;
    }
    const replacement = STAND_INS[char] ?? char.normalize('NFKD');
    for (const part of replacement) if (keeps(part)) out += part;
  }
  return out;
}

function encodeInto(value: string, bytes: Uint8Array, offset: number): void {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) {
      bytes[offset + i] = code;
      continue;
    }
    const byte = HIGH.get(code);
    if (byte === undefined) throw new RangeError(`Not encodable in Windows-1252: U+${code.toString(16)}`);
    bytes[offset + i] = byte;
  }
}

/** Encodes text that `toWindows1252Text` has prepared; anything else is a programming error. */
export function encodeWindows1252(value: string): Uint8Array {
  const bytes = new Uint8Array(value.length);
  encodeInto(value, bytes, 0);
  return bytes;
}

/** Byte → UTF-16 code unit: a lookup per byte keeps decoding large settlement files fast. */
const DECODE_TABLE = Uint16Array.from({ length: 256 }, (_, byte) => byte);
for (const [codePoint, byte] of HIGH) DECODE_TABLE[byte] = codePoint;

/**
 * Windows-1252 bytes to text, written out because some runtimes decode the `windows-1252` label as ISO-8859-1. The
 * five bytes Windows-1252 leaves undefined decode to the C1 control of the same number, as WHATWG does.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const codes = new Uint16Array(0x2000);
  for (let start = 0; start < bytes.length; start += codes.length) {
    const end = Math.min(start + codes.length, bytes.length);
    for (let i = start; i < end; i++) codes[i - start] = DECODE_TABLE[bytes[i]!]!;
    chunks.push(String.fromCharCode(...codes.subarray(0, end - start)));
  }
  return chunks.join('');
}
