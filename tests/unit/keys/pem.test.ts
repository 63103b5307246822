import { createHash, createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  KeyImportError,
  importPrivateKeyPem,
  readPrivateKeyPem,
  type ImportPrivateKeyOptions,
  type KeyImportErrorCode,
} from '@/utils/keys/pem';
import {
  HAS_SSH_KEYGEN,
  PASSPHRASE,
  createFixtureDir,
  generateOpenSslFixtures,
  generateSshFixtures,
  handBuiltOpenSsh,
  pemBody,
  readTestKey,
  signsVerifiably,
  sshRsaPublicParts,
  type Fixtures,
} from './fixtures';

let f: Fixtures;
beforeAll(() => {
  f = createFixtureDir();
  generateOpenSslFixtures(f);
  if (HAS_SSH_KEYGEN) generateSshFixtures(f);
}, 120_000);
afterAll(() => f?.cleanup());

const file = (name: string) => () => f.read(name);
const testKey = (name: string) => () => readTestKey(name);
const rsa2048 = file('rsa2048.pem');
const oneLineBody = (pem: string) => {
  const [begin, ...rest] = pem.trim().split('\n');
  const end = rest.pop();
  return `${begin}\n${rest.join('')}\n${end}\n`;
};
const dropLines = (pem: string, from: number, count: number) => {
  const lines = pem.split('\n');
  lines.splice(from, count);
  return lines.join('\n');
};
const replaceInLine = (pem: string, line: number, column: number, character: string) => {
  const lines = pem.split('\n');
  const target = lines[line]!;
  lines[line] = target.slice(0, column) + character + target.slice(column + 1);
  return lines.join('\n');
};
const armour = (label: string, der: Buffer) =>
  `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;
const passphrase = { passphrase: PASSPHRASE };

type Accepted = [name: string, pem: () => string, publicPem: () => string, options?: ImportPrivateKeyOptions];
const accepted: Accepted[] = [
  ['PKCS#8 2048 (openssl genpkey)', rsa2048, file('rsa2048.pub.pem')],
  ['PKCS#1 (openssl pkey -traditional)', file('rsa2048-pkcs1.pem'), file('rsa2048.pub.pem')],
  ['PKCS#8 4096', file('rsa4096.pem'), file('rsa4096.pub.pem')],
  ['PKCS#8 with the RSASSA-PSS identifier', file('rsapss.pem'), file('rsapss.pub.pem')],
  ['vector test key PKCS#8', testKey('test_private_pkcs8.pem'), testKey('test_public.pem')],
  ['vector test key PKCS#1', testKey('test_private_pkcs1.pem'), testKey('test_public.pem')],
  ['CRLF line endings', () => rsa2048().replace(/\n/g, '\r\n'), file('rsa2048.pub.pem')],
  [
    'PKCS#1 with CRLF and no final newline',
    () => f.read('rsa2048-pkcs1.pem').trim().replace(/\n/g, '\r\n'),
    file('rsa2048.pub.pem'),
  ],
  ['CR-only line endings', () => rsa2048().replace(/\n/g, '\r'), file('rsa2048.pub.pem')],
  [
    'extra whitespace, blank lines and indentation',
    () =>
      `\n\n  ${rsa2048()
        .split('\n')
        .map((line) => `   ${line} \t`)
        .join('\n\n')}\n\n`,
    file('rsa2048.pub.pem'),
  ],
  [
    'text around the block (a pasted e-mail)',
    () =>
      `Hi Alex,\n\nhere is the key:\n\n${rsa2048()}\nBest regards,\n-- \nSam\n\n-----Original Message-----\nFrom: x`,
    file('rsa2048.pub.pem'),
  ],
  ['no final newline', () => rsa2048().trimEnd(), file('rsa2048.pub.pem')],
  ['base64 body on one line', () => oneLineBody(rsa2048()), file('rsa2048.pub.pem')],
  ['armour and body on one line', () => rsa2048().trim().replace(/\n/g, ' '), file('rsa2048.pub.pem')],
  ['JSON-escaped line breaks', () => JSON.stringify(rsa2048()).slice(1, -1), file('rsa2048.pub.pem')],
  ['the same key pasted twice', () => `${rsa2048()}\n${rsa2048()}`, file('rsa2048.pub.pem')],
  [
    'next to its public key and certificate',
    () => f.read('rsa2048.pub.pem') + rsa2048() + f.read('cert.pem'),
    file('rsa2048.pub.pem'),
  ],
  [
    'encrypted PKCS#8, AES-256-CBC + PBKDF2-HMAC-SHA256',
    file('enc-aes256-sha256.pem'),
    file('rsa2048.pub.pem'),
    passphrase,
  ],
  [
    'encrypted PKCS#8, AES-128-CBC + PBKDF2-HMAC-SHA1',
    file('enc-aes128-sha1.pem'),
    file('rsa2048.pub.pem'),
    passphrase,
  ],
];

const sshConverted: Accepted[] = [
  ['ssh-keygen -p -m PKCS8 output', file('ssh-rsa-converted'), file('ssh-rsa.pub.pem')],
  [
    'ssh-keygen -p -m PKCS8 output with a passphrase',
    file('ssh-rsa-converted-enc'),
    file('ssh-rsa.pub.pem'),
    passphrase,
  ],
];

async function expectUsableSigningKey(key: CryptoKey, publicPem: string) {
  expect(key).toBeInstanceOf(CryptoKey);
  expect(key.extractable).toBe(false);
  expect(key.type).toBe('private');
  expect(key.usages).toEqual(['sign']);
  expect(key.algorithm).toMatchObject({ name: 'RSA-PSS', hash: { name: 'SHA-256' } });
  await expect(crypto.subtle.exportKey('pkcs8', key)).rejects.toThrow();
  await expect(crypto.subtle.exportKey('jwk', key)).rejects.toThrow();
  expect(await signsVerifiably(key, publicPem)).toBe(true);
}

describe('importPrivateKeyPem accepts', () => {
  it.each(accepted)('%s', async (_name, pem, publicPem, options) => {
    await expectUsableSigningKey(await importPrivateKeyPem(pem(), options), publicPem());
  });

  it.runIf(HAS_SSH_KEYGEN).each(sshConverted)('%s', async (_name, pem, publicPem, options) => {
    await expectUsableSigningKey(await importPrivateKeyPem(pem(), options), publicPem());
  });
});

describe('readPrivateKeyPem', () => {
  const opensslFingerprint = (publicPem: string) =>
    createHash('sha256')
      .update(createPublicKey(publicPem).export({ type: 'spki', format: 'der' }))
      .digest('hex');

  it.each([
    ['rsa2048.pem', 'rsa2048.pub.pem', 2048],
    ['rsa2048-pkcs1.pem', 'rsa2048.pub.pem', 2048],
    ['rsa4096.pem', 'rsa4096.pub.pem', 4096],
  ])('reports the size and the public key fingerprint of %s', async (privateFile, publicFile, bits) => {
    const imported = await readPrivateKeyPem(f.read(privateFile));
    expect(imported.modulusBits).toBe(bits);
    expect(imported.publicKeyFingerprint).toBe(opensslFingerprint(f.read(publicFile)));
  });
});

const wrongKeyGenerateHint = 'rsa_keygen_bits:2048';
const pastePrivateHint = '-----BEGIN PRIVATE KEY-----';
const decryptHint = 'openssl pkcs8 -in key.pem -out plain.pem';
const copyAgainHint = 'Copy the whole key file again';
const wrongHint = 'passphrase is wrong';

const openSsh = (file: string, fallback: () => string) => () => (HAS_SSH_KEYGEN ? f.read(file) : fallback());
const sshRsaLine = () =>
  `ssh-rsa ${Buffer.concat(
    [Buffer.from('ssh-rsa'), ...sshRsaPublicParts(rsa2048())].map((part) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(part.length);
      return Buffer.concat([length, part]);
    }),
  ).toString('base64')} someone@laptop\n`;

type Rejected = [
  name: string,
  pem: () => string,
  code: KeyImportErrorCode,
  hint: string,
  options?: ImportPrivateKeyOptions,
];
const rejected: Rejected[] = [
  [
    'OpenSSH RSA key',
    openSsh('ssh-rsa', () => handBuiltOpenSsh('none', 'ssh-rsa', ...sshRsaPublicParts(rsa2048()))),
    'openssh-key',
    'ssh-keygen -p -m PKCS8 -f <file>',
  ],
  [
    'passphrase-protected OpenSSH RSA key',
    openSsh('ssh-rsa-enc', () => handBuiltOpenSsh('aes256-ctr', 'ssh-rsa', ...sshRsaPublicParts(rsa2048()))),
    'openssh-key',
    'ssh-keygen -p -m PKCS8 -f <file>',
    passphrase,
  ],
  [
    'OpenSSH Ed25519 key',
    openSsh('ssh-ed25519', () => handBuiltOpenSsh('none', 'ssh-ed25519', Buffer.alloc(32, 1))),
    'not-rsa',
    'Ed25519',
  ],
  [
    'OpenSSH RSA 1024-bit key',
    openSsh('ssh-rsa1024', () => handBuiltOpenSsh('none', 'ssh-rsa', ...sshRsaPublicParts(f.read('rsa1024.pem')))),
    'key-too-small',
    '1024 bits',
  ],
  [
    'hand-built OpenSSH ECDSA armour',
    () => handBuiltOpenSsh('none', 'ecdsa-sha2-nistp256', Buffer.from('nistp256'), Buffer.alloc(65, 4)),
    'not-rsa',
    'EC (P-256)',
  ],
  [
    'OpenSSH armour around a damaged body',
    () => '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA*\n-----END OPENSSH PRIVATE KEY-----\n',
    'openssh-key',
    'ssh-keygen -p -m PKCS8 -f <file>',
  ],
  ['encrypted PKCS#8 without a passphrase', file('enc-aes256-sha256.pem'), 'passphrase-required', decryptHint],
  [
    'encrypted PKCS#8, empty passphrase',
    file('enc-aes256-sha256.pem'),
    'passphrase-required',
    decryptHint,
    { passphrase: '' },
  ],
  [
    'AES-256 PKCS#8, wrong passphrase',
    file('enc-aes256-sha256.pem'),
    'wrong-passphrase',
    wrongHint,
    { passphrase: 'nope' },
  ],
  [
    'AES-128 PKCS#8, wrong passphrase',
    file('enc-aes128-sha1.pem'),
    'wrong-passphrase',
    wrongHint,
    { passphrase: 'nope' },
  ],
  ['AES-192 PKCS#8', file('enc-aes192.pem'), 'unsupported-encryption', 'AES-192-CBC', passphrase],
  ['Triple-DES PKCS#8', file('enc-des3.pem'), 'unsupported-encryption', 'Triple DES', passphrase],
  ['PBES1 PKCS#8', file('enc-pbes1.pem'), 'unsupported-encryption', 'legacy PBES1', passphrase],
  ['scrypt PKCS#8', file('enc-scrypt.pem'), 'unsupported-encryption', 'scrypt', passphrase],
  [
    'legacy encrypted PKCS#1',
    file('legacy-enc.pem'),
    'legacy-encrypted-key',
    'openssl pkey -in key.pem -out plain.pem',
  ],
  [
    'legacy encrypted PKCS#1, even with its passphrase',
    file('legacy-enc.pem'),
    'legacy-encrypted-key',
    'openssl pkey -in key.pem -out plain.pem',
    passphrase,
  ],
  ['SPKI public key', file('rsa2048.pub.pem'), 'public-key', pastePrivateHint],
  ['PKCS#1 public key', file('rsa2048-pkcs1.pub.pem'), 'public-key', pastePrivateHint],
  ['OpenSSH public key line', sshRsaLine, 'public-key', pastePrivateHint],
  ['certificate', file('cert.pem'), 'certificate', pastePrivateHint],
  ['certificate signing request', file('csr.pem'), 'unsupported-pem', 'CERTIFICATE REQUEST'],
  ['EC P-256 key (SEC 1)', file('ec-sec1.pem'), 'not-rsa', 'EC (P-256)'],
  ['EC P-256 key (PKCS#8)', file('ec-pkcs8.pem'), 'not-rsa', 'EC (P-256)'],
  ['Ed25519 key (PKCS#8)', file('ed25519.pem'), 'not-rsa', 'Ed25519'],
  ['EC key, with the fix', file('ec-pkcs8.pem'), 'not-rsa', wrongKeyGenerateHint],
  ['RSA 1024 (PKCS#8)', file('rsa1024.pem'), 'key-too-small', '1024 bits'],
  ['RSA 1024 (PKCS#1), with the fix', file('rsa1024-pkcs1.pem'), 'key-too-small', wrongKeyGenerateHint],
  [
    'block cut off before its END line',
    () => rsa2048().slice(0, 900),
    'truncated',
    '-----END PRIVATE KEY----- line is missing',
  ],
  [
    'block without its BEGIN line',
    () => rsa2048().slice(30),
    'truncated',
    '-----BEGIN PRIVATE KEY----- line is missing',
  ],
  [
    'BEGIN and END lines that do not match',
    () => f.read('rsa2048-pkcs1.pem').replace('END RSA PRIVATE', 'END PRIVATE'),
    'truncated',
    '-----END RSA PRIVATE KEY----- line is missing',
  ],
  ['lines missing from the middle', () => dropLines(rsa2048(), 5, 3), 'corrupt-der', copyAgainHint],
  [
    'bytes appended to the DER',
    () => armour('PRIVATE KEY', Buffer.concat([Buffer.from(pemBody(rsa2048()), 'base64'), Buffer.alloc(3)])),
    'corrupt-der',
    copyAgainHint,
  ],
  [
    'an empty SEQUENCE',
    () => '-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n',
    'corrupt-der',
    copyAgainHint,
  ],
  ['an empty block', () => '-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n', 'corrupt-der', copyAgainHint],
  ['a character that is not base64', () => replaceInLine(rsa2048(), 3, 10, '*'), 'invalid-base64', copyAgainHint],
  ['a quoted-printable soft break', () => replaceInLine(rsa2048(), 4, 63, '='), 'invalid-base64', copyAgainHint],
  ['two different keys', () => rsa2048() + f.read('rsa4096.pem'), 'multiple-keys', 'Paste only the one'],
  ['a PKCS#1 and a PKCS#8 key', () => f.read('rsa1024-pkcs1.pem') + rsa2048(), 'multiple-keys', '2 private keys'],
  ['no PEM block at all', () => 'Dear merchant, please find your key attached.', 'no-pem-block', pastePrivateHint],
  ['empty text', () => '', 'no-pem-block', pastePrivateHint],
  ['only the base64 body', () => pemBody(rsa2048()), 'no-pem-block', pastePrivateHint],
  [
    'a PuTTY key',
    () => 'PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: x\n',
    'putty-key',
    'Export OpenSSH key',
  ],
];

describe('importPrivateKeyPem rejects', () => {
  it.each(rejected)('%s', async (_name, pem, code, hint, options) => {
    const text = pem();
    const error: unknown = await importPrivateKeyPem(text, options).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(KeyImportError);
    const { code: actual, message, userMessage } = error as KeyImportError;
    expect(actual).toBe(code);
    expect(message).toContain(hint);
    expect(userMessage).toBe(message);
    // No run of base64 long enough to be key material, and in particular no piece of this key's body.
    expect(message).not.toMatch(/[A-Za-z0-9+/]{16,}/);
    const body = pemBody(text);
    const leaked = Array.from({ length: Math.max(0, body.length - 11) }, (_, i) => body.slice(i, i + 12)).filter(
      (piece) => message.includes(piece),
    );
    expect(leaked).toEqual([]);
  });

  it('maps a WebCrypto import failure to import-failed', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey').mockRejectedValueOnce(new DOMException('x', 'DataError'));
    try {
      await expect(importPrivateKeyPem(rsa2048())).rejects.toMatchObject({ code: 'import-failed' });
    } finally {
      importKey.mockRestore();
    }
  });
});
