/** Strict base64 (RFC 4648, padded) over Uint8Array, using only atob/btoa so it runs in any JS context. */

export type Bytes = Uint8Array<ArrayBuffer>;

export class Base64Error extends Error {
  override readonly name = 'Base64Error';
}

const PADDED_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes padded base64 without whitespace; atob alone would accept missing padding and stray spaces. */
export function base64ToBytes(text: string): Bytes {
  if (text.length === 0 || !PADDED_BASE64.test(text)) {
    throw new Base64Error('Not valid base64');
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so String.fromCharCode never receives more arguments than the engine allows.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
