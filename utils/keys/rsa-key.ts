/** Reads RSA private keys out of PKCS#8 and PKCS#1 DER, and names the algorithm of anything that is not RSA. */
import type { Bytes } from './base64';
import {
  DerError,
  TAG,
  children,
  decodeOid,
  decodeSmallInteger,
  encodeTlv,
  expectTag,
  integerBitLength,
  rawOf,
  readRoot,
  valueOf,
  type Tlv,
} from './der';
import { keyErrors } from './errors';

export interface RsaKeyInfo {
  /** A normalized PKCS#8 PrivateKeyInfo with the plain rsaEncryption identifier, ready for WebCrypto. */
  pkcs8: Bytes;
  modulusBits: number;
  /** The matching public key as DER SubjectPublicKeyInfo. */
  spki: Bytes;
}

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const RSASSA_PSS = '1.2.840.113549.1.1.10';
/** AlgorithmIdentifier { rsaEncryption, NULL }. */
const RSA_ALGORITHM_ID = Uint8Array.from([
  0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
]);
const VERSION_0 = Uint8Array.from([TAG.INTEGER, 0x01, 0x00]);

const OTHER_ALGORITHMS: Record<string, string> = {
  '1.2.840.10045.2.1': 'an EC',
  '1.3.101.112': 'an Ed25519',
  '1.3.101.113': 'an Ed448',
  '1.3.101.110': 'an X25519',
  '1.3.101.111': 'an X448',
  '1.2.840.10040.4.1': 'a DSA',
  '1.2.840.113549.1.3.1': 'a Diffie-Hellman',
};
const CURVES: Record<string, string> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
  '1.3.132.0.10': 'secp256k1',
};

/** PKCS#1 RSAPrivateKey: SEQUENCE { version, n, e, d, p, q, dp, dq, qinv, ... }. */
export function rsaKeyFromPkcs1(der: Bytes): RsaKeyInfo {
  const fields = children(der, readRoot(der));
  if (fields.length < 9) throw new DerError('RSAPrivateKey needs nine integers');
  fields.slice(0, 9).forEach((field) => expectTag(field, TAG.INTEGER));
  const [, modulus, exponent] = fields as [Tlv, Tlv, Tlv];
  const publicKey = encodeTlv(TAG.SEQUENCE, rawOf(der, modulus), rawOf(der, exponent));
  return {
    // Rebuilt rather than passed through: WebCrypto only imports PKCS#8 with the rsaEncryption OID.
    pkcs8: encodeTlv(TAG.SEQUENCE, VERSION_0, RSA_ALGORITHM_ID, encodeTlv(TAG.OCTET_STRING, der)),
    modulusBits: integerBitLength(der, modulus),
    spki: encodeTlv(TAG.SEQUENCE, RSA_ALGORITHM_ID, encodeTlv(TAG.BIT_STRING, Uint8Array.of(0), publicKey)),
  };
}

/** PKCS#8 PrivateKeyInfo / OneAsymmetricKey: SEQUENCE { version, AlgorithmIdentifier, OCTET STRING key, ... }. */
export function rsaKeyFromPkcs8(der: Bytes): RsaKeyInfo {
  const [version, algorithm, privateKey] = children(der, readRoot(der));
  if (decodeSmallInteger(der, expectTag(version, TAG.INTEGER)) > 1) throw new DerError('Unknown PKCS#8 version');
  const [oidTlv, params] = children(der, expectTag(algorithm, TAG.SEQUENCE));
  const oid = decodeOid(der, expectTag(oidTlv, TAG.OID));
  const keyBytes = valueOf(der, expectTag(privateKey, TAG.OCTET_STRING));
  // An RSASSA-PSS-restricted key holds the same RSAPrivateKey; only its identifier differs.
  if (oid === RSA_ENCRYPTION || oid === RSASSA_PSS) return rsaKeyFromPkcs1(keyBytes);
  const name = OTHER_ALGORITHMS[oid] ?? `a non-RSA (algorithm ${oid})`;
  throw keyErrors.notRsa(params?.tag === TAG.OID ? withCurve(name, decodeOid(der, params)) : name);
}

/** Names the curve of a SEC 1 `EC PRIVATE KEY`: SEQUENCE { version, key, [0] curve OID, [1] public key }. */
export function describeEcPrivateKey(der: Bytes): string {
  const parameters = children(der, readRoot(der)).find((item) => item.tag === 0xa0);
  const [curve] = parameters ? children(der, parameters) : [];
  return curve?.tag === TAG.OID ? withCurve('an EC', decodeOid(der, curve)) : 'an EC';
}

function withCurve(name: string, curveOid: string): string {
  const curve = CURVES[curveOid];
  return curve ? `${name} (${curve})` : name;
}
