/**
 * Byte and text encodings the signer needs, in plain JavaScript where a request's short ASCII strings would
 * otherwise cost a call into the engine's host bindings each (TextEncoder, btoa): a browser profile of the signer
 * showed those calls among its largest pieces. Runs unchanged in a service worker, a page and Node >= 20.
 */
import { sha256Utf8Hex } from './sha256';

const utf8Encoder = new TextEncoder();

/** UTF-8 bytes of a string; ASCII (every string to sign) is copied code by code. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return utf8Encoder.encode(text);
    bytes[i] = code;
  }
  return bytes;
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

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard Base64 with padding, as Amazon expects for the signature. */
export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  let i = 0;
  for (; i + 2 < view.length; i += 3) {
    const triple = (view[i]! << 16) | (view[i + 1]! << 8) | view[i + 2]!;
    out +=
      BASE64_ALPHABET[triple >> 18]! +
      BASE64_ALPHABET[(triple >> 12) & 63]! +
      BASE64_ALPHABET[(triple >> 6) & 63]! +
      BASE64_ALPHABET[triple & 63]!;
  }
  const rest = view.length - i;
  if (rest > 0) {
    const pair = (view[i]! << 16) | (rest > 1 ? view[i + 1]! << 8 : 0);
    out += BASE64_ALPHABET[pair >> 18]! + BASE64_ALPHABET[(pair >> 12) & 63]!;
    out += rest > 1 ? `${BASE64_ALPHABET[(pair >> 6) & 63]!}=` : '==';
  }
  return out;
}

/** Every GET and DELETE signs the hash of an empty body. */
const EMPTY_SHA256_HEX = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text`; synchronous (see sha256.ts). */
export function sha256Hex(text: string): string {
  return text === '' ? EMPTY_SHA256_HEX : sha256Utf8Hex(text);
}
