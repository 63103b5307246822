import { toHex } from '../amazon-pay/encoding';

/** Lower-case hex SHA-256 of bytes through WebCrypto: what identifies an imported file and a public key. */
export async function sha256HexOf(bytes: Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}
