import { describe, expect, it } from 'vitest';
import { Base64Error, base64ToBytes, bytesToBase64 } from '@/utils/keys/base64';
import {
  DerError,
  TAG,
  children,
  decodeOid,
  decodeSmallInteger,
  encodeTlv,
  integerBitLength,
  readRoot,
  readTlv,
} from '@/utils/keys/der';
import { encodePem, scanPem } from '@/utils/keys/pem-armor';

const hex = (text: string) => Uint8Array.from(text.match(/../g)!.map((byte) => parseInt(byte, 16)));

describe('base64', () => {
  it.each(['', 'QQ', 'QQ=', 'QUJD\nRA==', 'QU=D', 'QUJD RA==', '-_8='])('rejects %j', (text) => {
    expect(() => base64ToBytes(text)).toThrow(Base64Error);
  });

  it('round-trips every byte value and large inputs', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) % 256);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(text)).toEqual(bytes);
  });
});

describe('DER reader', () => {
  it('reads short and long lengths', () => {
    const long = encodeTlv(TAG.OCTET_STRING, new Uint8Array(300));
    expect(Array.from(long.subarray(0, 4))).toEqual([0x04, 0x82, 0x01, 0x2c]);
    expect(readTlv(long, 0)).toEqual({ tag: 0x04, start: 0, valueStart: 4, end: 304 });
    expect(readTlv(hex('0500'), 0)).toEqual({ tag: 0x05, start: 0, valueStart: 2, end: 2 });
  });

  it.each([
    ['a value longer than the buffer', '3005020100'],
    ['an indefinite length', '308002010000'],
    ['a five-byte length', '3085000000000100'],
    ['trailing bytes', '3003020100ff'],
    ['a header cut short', '30'],
  ])('rejects %s', (_name, der) => {
    expect(() => readRoot(hex(der))).toThrow(DerError);
  });

  it('rejects children that overflow their parent', () => {
    const der = hex('30030204000000');
    expect(() => children(der, readTlv(der, 0))).toThrow(DerError);
  });

  it.each([
    ['06092a864886f70d010101', '1.2.840.113549.1.1.1'],
    ['06072a8648ce3d0201', '1.2.840.10045.2.1'],
    ['06032b6570', '1.3.101.112'],
    ['0609608648016503040102', '2.16.840.1.101.3.4.1.2'],
  ])('decodes OID %s', (der, oid) => {
    const bytes = hex(der);
    expect(decodeOid(bytes, readRoot(bytes, TAG.OID))).toBe(oid);
  });

  it.each([
    ['020100', 0],
    ['020101', 1],
    ['02020080', 8],
    ['020300ffff', 16],
    ['0203010000', 17],
  ])('measures INTEGER %s as %i bits', (der, bits) => {
    const bytes = hex(der);
    expect(integerBitLength(bytes, readRoot(bytes, TAG.INTEGER))).toBe(bits);
  });

  it('decodes small integers and refuses negative ones', () => {
    const count = hex('02020800');
    expect(decodeSmallInteger(count, readRoot(count, TAG.INTEGER))).toBe(2048);
    const negative = hex('0201ff');
    expect(() => decodeSmallInteger(negative, readRoot(negative, TAG.INTEGER))).toThrow(DerError);
  });
});

describe('PEM armour', () => {
  it('writes 64-character lines with a final newline', () => {
    const pem = encodePem('PUBLIC KEY', new Uint8Array(100).fill(0xab));
    const lines = pem.split('\n');
    expect(lines[0]).toBe('-----BEGIN PUBLIC KEY-----');
    expect(lines.slice(1, -2).map((line) => line.length)).toEqual([64, 64, 8]);
    expect(lines.at(-2)).toBe('-----END PUBLIC KEY-----');
    expect(lines.at(-1)).toBe('');
  });

  it('reads RFC 1421 headers apart from the body', () => {
    const { blocks } = scanPem(
      '-----BEGIN RSA PRIVATE KEY-----\r\nProc-Type: 4,ENCRYPTED\r\nDEK-Info: AES-256-CBC,00\r\n\r\n' +
        'QUJD\r\nRA==\r\n-----END RSA PRIVATE KEY-----',
    );
    expect(blocks).toEqual([
      {
        label: 'RSA PRIVATE KEY',
        headers: { 'Proc-Type': '4,ENCRYPTED', 'DEK-Info': 'AES-256-CBC,00' },
        body: 'QUJDRA==',
      },
    ]);
  });

  it('reports which armour line is missing', () => {
    expect(scanPem('-----BEGIN PRIVATE KEY-----\nQUJD').broken).toEqual({ label: 'PRIVATE KEY', missing: 'END' });
    expect(scanPem('QUJD\n-----END PRIVATE KEY-----').broken).toEqual({ label: 'PRIVATE KEY', missing: 'BEGIN' });
    expect(scanPem('no armour here')).toEqual({ blocks: [] });
  });
});
