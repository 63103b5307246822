import { afterEach, describe, expect, it } from 'vitest';
import { KeyStoreError, deleteKey, hasKey, loadKey, loadKeyRecord, saveKey } from '@/utils/keys/keystore';
import { importPrivateKeyPem } from '@/utils/keys/pem';
import { readTestKey, signsVerifiably } from './fixtures';

const privatePem = readTestKey('test_private_pkcs8.pem');
const publicPem = readTestKey('test_public.pem');
const PSS = { name: 'RSA-PSS', hash: 'SHA-256', modulusLength: 2048, publicExponent: Uint8Array.of(1, 0, 1) };

afterEach(async () => {
  await Promise.all(['acct-1', 'acct-2'].map(deleteKey));
});

describe('key store', () => {
  it('gives back a CryptoKey that still signs and still cannot be exported', async () => {
    await saveKey('acct-1', await importPrivateKeyPem(privatePem));
    const key = await loadKey('acct-1');
    expect(key).toBeInstanceOf(CryptoKey);
    expect(key!.extractable).toBe(false);
    expect(key!.usages).toEqual(['sign']);
    await expect(crypto.subtle.exportKey('pkcs8', key!)).rejects.toThrow();
    expect(await signsVerifiably(key!, publicPem)).toBe(true);
  });

  it('keeps non-secret metadata beside the key', async () => {
    const before = Date.now();
    await saveKey('acct-1', await importPrivateKeyPem(privatePem), { publicKeyFingerprint: 'ab'.repeat(32) });
    const record = await loadKeyRecord('acct-1');
    expect(record?.publicKeyFingerprint).toBe('ab'.repeat(32));
    expect(record?.addedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(record!.addedAt)).toBeGreaterThanOrEqual(before - 1);
  });

  it('answers has/delete per account', async () => {
    await saveKey('acct-1', await importPrivateKeyPem(privatePem));
    expect(await hasKey('acct-1')).toBe(true);
    expect(await hasKey('acct-2')).toBe(false);
    expect(await loadKey('acct-2')).toBeUndefined();
    await deleteKey('acct-1');
    expect(await hasKey('acct-1')).toBe(false);
    expect(await loadKeyRecord('acct-1')).toBeUndefined();
  });

  it('replaces the key of an account on a second save', async () => {
    const second = await crypto.subtle.generateKey(PSS, false, ['sign', 'verify']);
    await saveKey('acct-1', await importPrivateKeyPem(privatePem));
    await saveKey('acct-1', second.privateKey);
    const data = new TextEncoder().encode('x');
    const pss = { name: 'RSA-PSS', saltLength: 32 };
    const signature = await crypto.subtle.sign(pss, (await loadKey('acct-1'))!, data);
    expect(await crypto.subtle.verify(pss, second.publicKey, signature, data)).toBe(true);
    const firstPublic = await crypto.subtle.importKey('spki', spkiOf(publicPem), PSS, false, ['verify']);
    expect(await crypto.subtle.verify(pss, firstPublic, signature, data)).toBe(false);
  });

  it('refuses an extractable key and stores nothing', async () => {
    const { privateKey } = await crypto.subtle.generateKey(PSS, true, ['sign', 'verify']);
    await expect(saveKey('acct-1', privateKey)).rejects.toThrow(KeyStoreError);
    await expect(saveKey('acct-1', privateKey)).rejects.toThrow(/extractable/);
    expect(await hasKey('acct-1')).toBe(false);
  });

  it('refuses a public key and an empty account ID', async () => {
    const { publicKey } = await crypto.subtle.generateKey(PSS, false, ['sign', 'verify']);
    await expect(saveKey('acct-1', publicKey)).rejects.toThrow(KeyStoreError);
    await expect(saveKey('', await importPrivateKeyPem(privatePem))).rejects.toThrow(KeyStoreError);
    expect(await hasKey('acct-1')).toBe(false);
  });
});

function spkiOf(pem: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
}
