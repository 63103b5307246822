/**
 * SHA-256 (FIPS 180-4), synchronous. The signer hashes a few hundred bytes per request; WebCrypto's digest is a
 * round trip to the browser's crypto thread and back for each of them, which leaves the signature as the only one
 * (`npm run bench`, sign.browser_over_platform). Tested against WebCrypto's digest.
 *
 * Every call runs to completion synchronously, so the message schedule, the running hash and the padded message
 * buffer are module state reused by all calls: a signature allocates nothing here but its result.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/** The initial hash value, as int32: values above 2^31 read as doubles would keep the rounds off V8's integer path. */
const INITIAL = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

const W = new Int32Array(64);
const H = new Int32Array(8);
let scratch = new Uint8Array(1024);
const utf8Encoder = new TextEncoder();
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** The scratch buffer, large enough for a message of `length` bytes with its padding. */
function scratchFor(length: number): Uint8Array {
  const size = paddedSize(length);
  if (scratch.length < size) scratch = new Uint8Array(size * 2);
  return scratch;
}

/** A 1 bit, zeros, and the bit length as a 64-bit big-endian number, up to a whole number of 64-byte blocks. */
function paddedSize(length: number): number {
  return Math.ceil((length + 9) / 64) * 64;
}

/** Pads the message already in the scratch buffer and hashes it into H. */
function hashScratch(length: number): void {
  const bytes = scratch;
  const size = paddedSize(length);
  bytes.fill(0, length, size);
  bytes[length] = 0x80;
  const high = Math.floor(length / 0x20000000);
  const low = (length << 3) >>> 0;
  for (let i = 0; i < 4; i++) {
    bytes[size - 8 + i] = high >>> (24 - 8 * i);
    bytes[size - 4 + i] = low >>> (24 - 8 * i);
  }
  H.set(INITIAL);
  for (let offset = 0; offset < size; offset += 64) compress(bytes, offset);
}

function compress(bytes: Uint8Array, offset: number): void {
  for (let t = 0; t < 16; t++) {
    const i = offset + t * 4;
    W[t] = (bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!;
  }
  for (let t = 16; t < 64; t++) {
    const x = W[t - 15]!;
    const y = W[t - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) | 0;
  }
  let a = H[0]!,
    b = H[1]!,
    c = H[2]!,
    d = H[3]!,
    e = H[4]!,
    f = H[5]!,
    g = H[6]!,
    h = H[7]!;
  for (let t = 0; t < 64; t++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[t]! + W[t]!) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = H[0]! + a;
  H[1] = H[1]! + b;
  H[2] = H[2]! + c;
  H[3] = H[3]! + d;
  H[4] = H[4]! + e;
  H[5] = H[5]! + f;
  H[6] = H[6]! + g;
  H[7] = H[7]! + h;
}

/** Lower-case hex SHA-256 of bytes. */
export function sha256BytesHex(message: Uint8Array): string {
  scratchFor(message.length).set(message);
  hashScratch(message.length);
  return digestHex();
}

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. ASCII (every canonical request) is copied without encoding. */
export function sha256Utf8Hex(text: string): string {
  const bytes = scratchFor(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return sha256BytesHex(utf8Encoder.encode(text));
    bytes[i] = code;
  }
  hashScratch(text.length);
  return digestHex();
}

/** The hash left in H, as hex. */
function digestHex(): string {
  let hex = '';
  for (let i = 0; i < 8; i++) {
    const word = H[i]!;
    hex +=
      HEX_BYTES[word >>> 24]! +
      HEX_BYTES[(word >>> 16) & 255]! +
      HEX_BYTES[(word >>> 8) & 255]! +
      HEX_BYTES[word & 255]!;
  }
  return hex;
}
