import { describe, expect, it } from 'vitest';
import { sha256Hex, toHex } from '@/utils/amazon-pay/encoding';
import { sha256BytesHex } from '@/utils/amazon-pay/sha256';

const webCrypto = async (bytes: Uint8Array<ArrayBuffer>) => toHex(await crypto.subtle.digest('SHA-256', bytes));
const ascii = (text: string) => new TextEncoder().encode(text);

/** A reproducible byte sequence (xorshift32), so a failure names the exact input. */
function bytes(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = seed || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('SHA-256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('matches the FIPS 180-4 example for %j', (text, digest) => {
    expect(sha256BytesHex(ascii(text))).toBe(digest);
  });

  it('hashes an empty body and text to the hex WebCrypto gives (the empty body is a constant)', async () => {
    for (const text of ['', 'a', 'GET\n/v2/reports\n'])
      expect(sha256Hex(text), JSON.stringify(text)).toBe(await webCrypto(ascii(text)));
  });

  it('matches the one-million-"a" example (many blocks)', () => {
    expect(sha256BytesHex(new Uint8Array(1_000_000).fill(0x61))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('agrees with WebCrypto for every length around the padding boundaries, 0 to 200 bytes', async () => {
    for (let length = 0; length <= 200; length++) {
      const input = bytes(length, length + 1);
      expect(sha256BytesHex(input), `length ${length}`).toBe(await webCrypto(input));
    }
  });

  it('agrees with WebCrypto on long and odd-sized inputs', async () => {
    for (const length of [447, 448, 511, 512, 1023, 1024, 4097, 65_537]) {
      const input = bytes(length, length);
      expect(sha256BytesHex(input), `length ${length}`).toBe(await webCrypto(input));
    }
  });

  it('agrees with WebCrypto on canonical requests with multi-byte UTF-8', async () => {
    const canonical =
      'POST\n/live/v2/reports\n\naccept:application/json\nx-amz-pay-date:20261129T101500Z\n\naccept;x-amz-pay-date\n{"note":"Grüße — 日本 🎌"}';
    expect(sha256BytesHex(ascii(canonical))).toBe(await webCrypto(ascii(canonical)));
  });

  it('hashes text of every length, ASCII or not, long after short and short after long, as WebCrypto does', async () => {
    const texts = Array.from({ length: 130 }, (_, n) => 'k'.repeat(n));
    texts.push('x'.repeat(100_000), 'ü', 'a'.repeat(60) + 'é', '日本'.repeat(40), 'short again');
    for (const text of texts) {
      expect(sha256Hex(text), `length ${text.length}`).toBe(await webCrypto(new TextEncoder().encode(text)));
    }
  });

  it('does not change its input', () => {
    const input = bytes(100, 7);
    const copy = input.slice();
    sha256BytesHex(input);
    expect(input).toEqual(copy);
  });
});
