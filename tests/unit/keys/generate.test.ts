import { constants, createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair, publicKeyPemFromSpki } from '@/utils/keys/generate';
import { importPrivateKeyPem } from '@/utils/keys/pem';
import { signsVerifiably } from './fixtures';

describe('generateSigningKeyPair', () => {
  it('makes a non-extractable 2048-bit RSA-PSS private key', async () => {
    const { privateKey } = await generateSigningKeyPair();
    expect(privateKey.extractable).toBe(false);
    expect(privateKey.usages).toEqual(['sign']);
    expect(privateKey.algorithm).toMatchObject({ name: 'RSA-PSS', modulusLength: 2048, hash: { name: 'SHA-256' } });
    await expect(crypto.subtle.exportKey('pkcs8', privateKey)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('jwk', privateKey)).rejects.toThrow();
  });

  it('exports a public PEM that Node parses and that verifies the private key signatures', async () => {
    const { privateKey, publicKeyPem } = await generateSigningKeyPair();
    const base64Lines = '([A-Za-z0-9+/=]{64}\\n)+[A-Za-z0-9+/=]{1,64}\\n';
    expect(publicKeyPem).toMatch(
      new RegExp(`^-----BEGIN PUBLIC KEY-----\\n${base64Lines}-----END PUBLIC KEY-----\\n$`),
    );
    const publicKey = createPublicKey(publicKeyPem);
    expect(publicKey.asymmetricKeyType).toBe('rsa');
    expect(publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(await signsVerifiably(privateKey, publicKeyPem)).toBe(true);
  });

  it('fingerprints the public key as SHA-256 of its SPKI', async () => {
    const { publicKeyPem, publicKeyFingerprint } = await generateSigningKeyPair();
    const spki = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
    const digest = Buffer.from(await crypto.subtle.digest('SHA-256', spki)).toString('hex');
    expect(publicKeyFingerprint).toBe(digest);
  });

  it('makes a different pair each time', async () => {
    const [a, b] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair()]);
    expect(a.publicKeyPem).not.toBe(b.publicKeyPem);
    const data = Buffer.from('x');
    const signature = Buffer.from(await crypto.subtle.sign({ name: 'RSA-PSS', saltLength: 32 }, a.privateKey, data));
    const options = { key: createPublicKey(b.publicKeyPem), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
    expect(verify('sha256', data, options, signature)).toBe(false);
  });
});

describe('publicKeyPemFromSpki', () => {
  it('matches the PEM openssl and Node write, from bytes or an ArrayBuffer', async () => {
    const { publicKey } = await crypto.subtle.generateKey(
      { name: 'RSA-PSS', hash: 'SHA-256', modulusLength: 2048, publicExponent: Uint8Array.of(1, 0, 1) },
      true,
      ['sign', 'verify'],
    );
    const spki = await crypto.subtle.exportKey('spki', publicKey);
    const nodeKey = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    const nodePem = nodeKey.export({ type: 'spki', format: 'pem' });
    expect(publicKeyPemFromSpki(spki)).toBe(nodePem);
    expect(publicKeyPemFromSpki(new Uint8Array(spki))).toBe(nodePem);
  });

  it('is not a private key the importer would take', async () => {
    const { publicKeyPem } = await generateSigningKeyPair();
    await expect(importPrivateKeyPem(publicKeyPem)).rejects.toMatchObject({ code: 'public-key' });
  });
});
