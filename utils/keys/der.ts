/** Just enough DER to inspect key containers: read tag-length-value items, OIDs, integer sizes; write TLVs. */
import type { Bytes } from './base64';

export class DerError extends Error {
  override readonly name = 'DerError';
}

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  SEQUENCE: 0x30,
} as const;

export interface Tlv {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the first value byte. */
  valueStart: number;
  /** Offset just past the value. */
  end: number;
}

export function readTlv(der: Bytes, offset: number, limit = der.length): Tlv {
  if (offset + 2 > limit) throw new DerError('Element header runs past the end');
  const tag = der[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('Multi-byte tags are not used in key containers');
  let length = der[offset + 1]!;
  let valueStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new DerError('Unsupported length encoding');
    if (valueStart + count > limit) throw new DerError('Length runs past the end');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[valueStart + i]!;
    valueStart += count;
  }
  const end = valueStart + length;
  if (end > limit) throw new DerError('Element runs past the end of its container');
  return { tag, start: offset, valueStart, end };
}

/** The single top-level element, which must span the whole buffer (trailing bytes mean corruption). */
export function readRoot(der: Bytes, tag: number = TAG.SEQUENCE): Tlv {
  const root = expectTag(readTlv(der, 0), tag);
  if (root.end !== der.length) throw new DerError('Trailing bytes after the top-level element');
  return root;
}

/** The items inside a constructed element; they must tile its value exactly. */
export function children(der: Bytes, parent: Tlv): Tlv[] {
  const items: Tlv[] = [];
  for (let offset = parent.valueStart; offset < parent.end;) {
    const item = readTlv(der, offset, parent.end);
    items.push(item);
    offset = item.end;
  }
  return items;
}

export function expectTag(tlv: Tlv | undefined, tag: number): Tlv {
  if (!tlv) throw new DerError('Missing element');
  if (tlv.tag !== tag) throw new DerError(`Expected tag 0x${tag.toString(16)}, found 0x${tlv.tag.toString(16)}`);
  return tlv;
}

export function valueOf(der: Bytes, tlv: Tlv): Bytes {
  return der.subarray(tlv.valueStart, tlv.end);
}

export function rawOf(der: Bytes, tlv: Tlv): Bytes {
  return der.subarray(tlv.start, tlv.end);
}

export function decodeOid(der: Bytes, tlv: Tlv): string {
  const bytes = valueOf(der, expectTag(tlv, TAG.OID));
  if (bytes.length === 0) throw new DerError('Empty OID');
  const arcs: number[] = [];
  let arc = 0;
  for (const byte of bytes) {
    arc = arc * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(arc);
      arc = 0;
    }
  }
  if (bytes[bytes.length - 1]! & 0x80) throw new DerError('Truncated OID');
  const first = arcs.shift()!;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}

/** Bits in a non-negative INTEGER, ignoring the leading zero byte DER adds when the top bit is set. */
export function integerBitLength(der: Bytes, tlv: Tlv): number {
  return unsignedBitLength(valueOf(der, expectTag(tlv, TAG.INTEGER)));
}

/** Bits in a big-endian unsigned number, leading zero bytes ignored. */
export function unsignedBitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}

/** A small non-negative INTEGER such as a version or an iteration count. */
export function decodeSmallInteger(der: Bytes, tlv: Tlv): number {
  const bytes = valueOf(der, expectTag(tlv, TAG.INTEGER));
  if (bytes.length === 0 || bytes.length > 6 || bytes[0]! & 0x80) throw new DerError('Integer out of range');
  return bytes.reduce((value, byte) => value * 256 + byte, 0);
}

export function encodeTlv(tag: number, ...parts: Uint8Array[]): Bytes {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const lengthBytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) lengthBytes.unshift(rest % 256);
  const header = length < 0x80 ? [tag, length] : [tag, 0x80 | lengthBytes.length, ...lengthBytes];
  const out = new Uint8Array(header.length + length);
  out.set(header, 0);
  let offset = header.length;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
