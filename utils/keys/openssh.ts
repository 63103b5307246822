/** Reads the key type of an OpenSSH private key; its public part is never encrypted, so no passphrase is needed. */
import type { Bytes } from './base64';
import { unsignedBitLength } from './der';

const MAGIC = 'openssh-key-v1\0';

export interface OpenSshKeyInfo {
  /** e.g. `ssh-rsa`, `ssh-ed25519`, `ecdsa-sha2-nistp256`. */
  keyType: string;
  /** Modulus size, for `ssh-rsa` only. */
  rsaBits?: number;
}

/** SSH wire format: big-endian uint32 and length-prefixed strings (RFC 4251). */
function sshReader(bytes: Bytes, offset: number) {
  const take = (length: number) => {
    if (offset + length > bytes.length) throw new RangeError('Truncated');
    offset += length;
    return bytes.subarray(offset - length, offset);
  };
  const uint32 = () => new DataView(take(4).slice().buffer).getUint32(0);
  return { uint32, string: () => take(uint32()) };
}

/** Undefined when the body is not a readable `openssh-key-v1` container. */
export function readOpenSshKeyInfo(body: Bytes): OpenSshKeyInfo | undefined {
  if (new TextDecoder().decode(body.subarray(0, MAGIC.length)) !== MAGIC) return undefined;
  try {
    const container = sshReader(body, MAGIC.length);
    container.string(); // cipher name
    container.string(); // KDF name
    container.string(); // KDF options
    container.uint32(); // number of keys
    const publicKey = sshReader(container.string(), 0);
    const keyType = new TextDecoder().decode(publicKey.string());
    if (keyType !== 'ssh-rsa') return { keyType };
    publicKey.string(); // public exponent
    return { keyType, rsaBits: unsignedBitLength(publicKey.string()) };
  } catch {
    return undefined;
  }
}
