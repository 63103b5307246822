import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { importPrivateKeyPem } from '@/utils/keys/pem';
import { storageProblemOf } from '@/utils/keys/storage-problem';
import { failIndexedDbOpen, failPut, firefoxSessionStorage, throwFromIndexedDbOpen } from './browser-storage';
import { readTestKey, signsVerifiably } from './fixtures';

const privatePem = readTestKey('test_private_pkcs8.pem');
const publicPem = readTestKey('test_public.pem');

/**
 * The key store as a fresh page or background would load it: idb-keyval keeps its connection once open, so a
 * browser where IndexedDB fails from the start needs a module that never opened it.
 */
async function keystore() {
  vi.resetModules();
  return import('@/utils/keys/keystore');
}

/** The probe's answer holds for the browser session; each test starts a new one. */
const restartBrowser = () => fakeBrowser.storage.session.clear();

afterEach(async () => {
  vi.restoreAllMocks();
  await (await keystore()).deleteKey('acct-1');
  await restartBrowser();
});

describe('telling "no storage here" apart from a failed write', () => {
  it.each([
    ['InvalidStateError', 'private-mode'],
    ['SecurityError', 'private-mode'],
    ['DataCloneError', 'key-not-storable'],
    ['QuotaExceededError', undefined],
    ['AbortError', undefined],
  ])('%s means %s', (name, problem) => {
    expect(storageProblemOf(new DOMException('x', name))).toBe(problem);
  });

  it('ignores errors that are not storage refusals', () => {
    expect(storageProblemOf(new TypeError('x'))).toBeUndefined();
    expect(storageProblemOf(null)).toBeUndefined();
    expect(storageProblemOf('InvalidStateError')).toBeUndefined();
  });

  it('finds no problem where IndexedDB works, and leaves nothing behind', async () => {
    const { keyStorageProblem } = await keystore();
    expect(await keyStorageProblem()).toBeUndefined();
    const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
      const open = indexedDB.open('report-courier-keys');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const all = open.result.transaction('keys').objectStore('keys').getAllKeys();
        all.onsuccess = () => {
          resolve(all.result);
          open.result.close();
        };
      };
    });
    expect(keys).toEqual([]);
  });

  it('detects private mode whether open fails its request or throws', async () => {
    const { keyStorageProblem } = await keystore();
    failIndexedDbOpen();
    expect(await keyStorageProblem()).toBe('private-mode');
    vi.restoreAllMocks();
    await restartBrowser();
    throwFromIndexedDbOpen('SecurityError');
    expect(await keyStorageProblem()).toBe('private-mode');
  });

  it('probes once per browser session, and again in the next one', async () => {
    const { keyStorageProblem } = await keystore();
    failPut('DataCloneError');
    expect(await keyStorageProblem()).toBe('key-not-storable');
    const probes = vi.spyOn(indexedDB, 'open');
    vi.mocked(IDBObjectStore.prototype.put).mockRestore();
    // A view opened later in the session, with a module graph of its own.
    expect(await (await keystore()).keyStorageProblem()).toBe('key-not-storable');
    expect(probes).not.toHaveBeenCalled();
    await restartBrowser();
    expect(await (await keystore()).keyStorageProblem()).toBeUndefined();
    expect(probes).toHaveBeenCalled();
  });

  it('does not remember a probe that failed for another reason', async () => {
    const { keyStorageProblem } = await keystore();
    failPut('QuotaExceededError');
    await expect(keyStorageProblem()).rejects.toThrow('simulated QuotaExceededError');
    vi.restoreAllMocks();
    expect(await keyStorageProblem()).toBeUndefined();
  });

  it('detects a CryptoKey that cannot be cloned into IndexedDB', async () => {
    const { keyStorageProblem } = await keystore();
    failPut('DataCloneError');
    expect(await keyStorageProblem()).toBe('key-not-storable');
  });

  it('passes other failures on instead of calling them private mode', async () => {
    const { keyStorageProblem } = await keystore();
    failPut('QuotaExceededError');
    await expect(keyStorageProblem()).rejects.toThrow('simulated QuotaExceededError');
  });
});

describe('session-only keys (Firefox private mode)', () => {
  it('keeps the key in session storage, where it still signs and still cannot be exported', async () => {
    const { loadKeyRecord, saveKey } = await keystore();
    const session = firefoxSessionStorage();
    failIndexedDbOpen();
    await saveKey('acct-1', await importPrivateKeyPem(privatePem), { publicKeyFingerprint: 'ab'.repeat(32) });
    expect(session.keys()).toEqual(['sessionKey:acct-1']);
    const record = await loadKeyRecord('acct-1');
    expect(record?.publicKeyFingerprint).toBe('ab'.repeat(32));
    expect(record!.key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', record!.key)).rejects.toThrow();
    expect(await signsVerifiably(record!.key, publicPem)).toBe(true);
  });

  it('is gone once the browser restarts, and on delete', async () => {
    const { deleteKey, hasKey, saveKey } = await keystore();
    const session = firefoxSessionStorage();
    failIndexedDbOpen();
    await saveKey('acct-1', await importPrivateKeyPem(privatePem));
    session.restartBrowser();
    expect(await hasKey('acct-1')).toBe(false);
    await saveKey('acct-1', await importPrivateKeyPem(privatePem));
    await deleteKey('acct-1');
    expect(session.keys()).toEqual([]);
  });

  it('falls back the same way when IndexedDB cannot clone the key, and reads it back beside a working IndexedDB', async () => {
    const { loadKey, saveKey } = await keystore();
    const session = firefoxSessionStorage();
    failPut('DataCloneError');
    await saveKey('acct-1', await importPrivateKeyPem(privatePem));
    vi.mocked(IDBObjectStore.prototype.put).mockRestore();
    expect(session.keys()).toEqual(['sessionKey:acct-1']);
    expect(await loadKey('acct-1')).toBeInstanceOf(CryptoKey);
  });

  it('drops the session copy once IndexedDB keeps the key again', async () => {
    const { hasKey, saveKey } = await keystore();
    const session = firefoxSessionStorage();
    failPut('DataCloneError');
    await saveKey('acct-1', await importPrivateKeyPem(privatePem));
    vi.mocked(IDBObjectStore.prototype.put).mockRestore();
    await saveKey('acct-1', await importPrivateKeyPem(privatePem));
    expect(session.keys()).toEqual([]);
    expect(await hasKey('acct-1')).toBe(true);
  });

  it('refuses clearly where session storage cannot hold a key either (JSON, as in Chrome), leaving nothing', async () => {
    const { KeyStoreError, saveKey } = await keystore();
    failIndexedDbOpen();
    const key = await importPrivateKeyPem(privatePem);
    await expect(saveKey('acct-1', key)).rejects.toThrow(KeyStoreError);
    await expect(saveKey('acct-1', key)).rejects.toMatchObject({
      code: 'key-storage-unavailable',
      userMessage: expect.stringMatching(/cannot hold the key even for this session/),
    });
    expect(await browser.storage.session.get(null)).toEqual({});
  });

  it('does not hide other write failures behind a session key', async () => {
    const { saveKey } = await keystore();
    const session = firefoxSessionStorage();
    failPut('QuotaExceededError');
    await expect(saveKey('acct-1', await importPrivateKeyPem(privatePem))).rejects.toThrow(
      'simulated QuotaExceededError',
    );
    expect(session.keys()).toEqual([]);
  });
});
