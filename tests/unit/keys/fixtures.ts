/**
 * Throwaway TEST keys made by openssl (and ssh-keygen when installed) in a temporary directory at test time,
 * so no private key is committed.
 */
import { execFileSync } from 'node:child_process';
import { constants, createPublicKey, verify } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PASSPHRASE = 'correct horse battery staple';

export interface Fixtures {
  dir: string;
  read(name: string): string;
  openssl(...args: string[]): void;
  sshKeygen(...args: string[]): void;
  cleanup(): void;
}

/** ssh-keygen is optional: without it the OpenSSH fixtures are built by hand (`handBuiltOpenSsh`). */
export const HAS_SSH_KEYGEN = (() => {
  try {
    execFileSync('ssh-keygen', ['-?'], { stdio: 'pipe' });
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
})();

export function createFixtureDir(): Fixtures {
  const dir = mkdtempSync(join(tmpdir(), 'report-courier-keys-'));
  const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: dir, stdio: 'pipe' });
  return {
    dir,
    read: (name) => readFileSync(join(dir, name), 'utf8'),
    openssl: (...args) => void run('openssl', args),
    sshKeygen: (...args) => void run('ssh-keygen', args),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The keys and neighbours the import is tested against. */
export function generateOpenSslFixtures(f: Fixtures): void {
  const rsa = (bits: number, out: string) =>
    f.openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`, '-out', out);
  rsa(2048, 'rsa2048.pem');
  rsa(4096, 'rsa4096.pem');
  rsa(1024, 'rsa1024.pem');
  f.openssl('pkey', '-in', 'rsa2048.pem', '-traditional', '-out', 'rsa2048-pkcs1.pem');
  f.openssl('pkey', '-in', 'rsa1024.pem', '-traditional', '-out', 'rsa1024-pkcs1.pem');
  f.openssl('genpkey', '-algorithm', 'RSA-PSS', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'rsapss.pem');
  for (const name of ['rsa2048', 'rsa4096', 'rsapss']) {
    f.openssl('pkey', '-in', `${name}.pem`, '-pubout', '-out', `${name}.pub.pem`);
  }
  f.openssl('rsa', '-in', 'rsa2048.pem', '-RSAPublicKey_out', '-out', 'rsa2048-pkcs1.pub.pem');
  f.openssl(
    'req',
    '-x509',
    '-key',
    'rsa2048.pem',
    '-subj',
    '/CN=report-courier-test',
    '-days',
    '1',
    '-out',
    'cert.pem',
  );
  f.openssl('req', '-new', '-key', 'rsa2048.pem', '-subj', '/CN=report-courier-test', '-out', 'csr.pem');

  f.openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ec-sec1.pem');
  f.openssl('pkey', '-in', 'ec-sec1.pem', '-out', 'ec-pkcs8.pem');
  f.openssl('genpkey', '-algorithm', 'ed25519', '-out', 'ed25519.pem');

  const pass = `pass:${PASSPHRASE}`;
  const topk8 = (out: string, ...scheme: string[]) =>
    f.openssl('pkcs8', '-topk8', '-in', 'rsa2048.pem', '-passout', pass, '-out', out, ...scheme);
  topk8('enc-aes256-sha256.pem', '-v2', 'aes-256-cbc');
  topk8('enc-aes128-sha1.pem', '-v2', 'aes-128-cbc', '-v2prf', 'hmacWithSHA1');
  topk8('enc-aes192.pem', '-v2', 'aes-192-cbc');
  topk8('enc-des3.pem', '-v2', 'des3');
  topk8('enc-pbes1.pem', '-v1', 'PBE-SHA1-3DES');
  topk8('enc-scrypt.pem', '-scrypt');
  f.openssl('rsa', '-in', 'rsa2048.pem', '-aes256', '-traditional', '-passout', pass, '-out', 'legacy-enc.pem');
}

/** ssh-keygen keys: the native OpenSSH format and the PKCS#8 forms its `-p -m PKCS8` conversion writes. */
export function generateSshFixtures(f: Fixtures): void {
  f.sshKeygen('-q', '-t', 'rsa', '-b', '2048', '-N', '', '-C', 'test', '-f', 'ssh-rsa');
  f.sshKeygen('-q', '-t', 'rsa', '-b', '1024', '-N', '', '-C', 'test', '-f', 'ssh-rsa1024');
  f.sshKeygen('-q', '-t', 'ed25519', '-N', '', '-C', 'test', '-f', 'ssh-ed25519');
  f.sshKeygen('-q', '-t', 'rsa', '-b', '2048', '-N', PASSPHRASE, '-C', 'test', '-f', 'ssh-rsa-enc');
  copyFileSync(join(f.dir, 'ssh-rsa'), join(f.dir, 'ssh-rsa-converted'));
  f.sshKeygen('-q', '-p', '-N', '', '-m', 'PKCS8', '-f', 'ssh-rsa-converted');
  copyFileSync(join(f.dir, 'ssh-rsa'), join(f.dir, 'ssh-rsa-converted-enc'));
  f.sshKeygen('-q', '-p', '-N', PASSPHRASE, '-m', 'PKCS8', '-f', 'ssh-rsa-converted-enc');
  f.openssl('pkey', '-in', 'ssh-rsa-converted', '-pubout', '-out', 'ssh-rsa.pub.pem');
}

const sshString = (bytes: Buffer | string) => {
  const data = Buffer.from(bytes);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, data]);
};

/** SSH mpint: big-endian, with a zero byte in front when the top bit is set. */
export const mpint = (unsigned: Buffer) => (unsigned[0]! & 0x80 ? Buffer.concat([Buffer.of(0), unsigned]) : unsigned);

/** The SSH public-key blob (`ssh-rsa`, e, n) of an openssl RSA key. */
export function sshRsaPublicParts(privatePem: string): Buffer[] {
  const jwk = createPublicKey(privatePem).export({ format: 'jwk' });
  return [mpint(Buffer.from(jwk.e!, 'base64url')), mpint(Buffer.from(jwk.n!, 'base64url'))];
}

/** An `openssh-key-v1` container built by hand: only its armour and public part matter to the importer. */
export function handBuiltOpenSsh(cipher: string, keyType: string, ...publicParts: Buffer[]): string {
  const publicBlob = Buffer.concat([sshString(keyType), ...publicParts.map(sshString)]);
  const count = Buffer.alloc(4);
  count.writeUInt32BE(1);
  const kdf = cipher === 'none' ? 'none' : 'bcrypt';
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    sshString(cipher),
    sshString(kdf),
    sshString(''),
    count,
    sshString(publicBlob),
    sshString(Buffer.alloc(64, 7)),
  ]);
  const lines = body.toString('base64').match(/.{1,70}/g)!;
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

/** Signs with the imported key as the extension does (RSA-PSS, salt 32) and verifies with Node's own RSA. */
export async function signsVerifiably(key: CryptoKey, publicKeyPem: string): Promise<boolean> {
  const data = new TextEncoder().encode('AMZN-PAY-RSASSA-PSS-V2\nstring to sign');
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'RSA-PSS', saltLength: 32 }, key, data));
  const publicKey = createPublicKey(publicKeyPem);
  const options = { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
  return (
    verify('sha256', data, options, signature) && !verify('sha256', data, { ...options, saltLength: 20 }, signature)
  );
}

/** A key's base64 body, to prove error messages never echo it. */
export function pemBody(pem: string): string {
  return pem
    .replace(/-----[^-]+-----/g, '')
    .replace(/^[\w-]+:.*$/gm, '')
    .replace(/\s+/g, '');
}

export { readTestKey } from '../../fixtures/signing-vectors';
