/**
 * Byte and text encodings the signer needs. Only TextEncoder and btoa are used, so this runs unchanged in a
 * service worker, a page and Node >= 20.
 */
import { sha256Utf8Hex } from './sha256';

const utf8Encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return utf8Encoder.encode(text);
}

/**
 * RFC 3986 percent-encoding: everything except `A-Z a-z 0-9 - . _ ~` becomes UTF-8 bytes in upper-case
 * hex. encodeURIComponent already does this except for `! ' ( ) *`, which it leaves raw.
 */
export function encodeRfc3986(text: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    throw new Error(`Cannot percent-encode ${JSON.stringify(text)}: it contains an unpaired UTF-16 surrogate`);
  }
  return encoded.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Decodes one query name or value; `+` stays a literal plus (RFC 3986), unlike form encoding. */
export function decodeQueryComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new Error(`Malformed percent-encoding in query component ${JSON.stringify(text)}`);
  }
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Lower-case hex, as used for every hash in the canonical request and string to sign. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let hex = '';
  for (let i = 0; i < view.length; i++) hex += HEX_BYTES[view[i]!];
  return hex;
}

const BASE64_CHUNK = 0x2000;

/** Standard Base64 with padding, as Amazon expects for the signature. */
export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  // A whole chunk per call rather than a string per byte; chunks keep the argument list short for any length.
  for (let start = 0; start < view.length; start += BASE64_CHUNK) {
    binary += String.fromCharCode(...view.subarray(start, start + BASE64_CHUNK));
  }
  return btoa(binary);
}
/** Every GET and DELETE signs the hash of an empty body. */
const EMPTY_SHA256_HEX = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text`; synchronous (see sha256.ts). */
export function sha256Hex(text: string): string {
  return text === '' ? EMPTY_SHA256_HEX : sha256Utf8Hex(text);
}
