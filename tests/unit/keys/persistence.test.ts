/** Keys survive storage pressure: storing a key asks the browser to keep the key store (issue 13 §2). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteKey, saveKey } from '@/utils/keys/keystore';
import { keyStorePersisted } from '@/utils/keys/persistence';
import { importPrivateKeyPem } from '@/utils/keys/pem';
import { readTestKey } from './fixtures';

const privatePem = readTestKey('test_private_pkcs8.pem');
const limited = async () => false;

/** The browser's StorageManager as a window sees it: persisted once persist() was granted. */
function storageManager(grant: boolean) {
  let persisted = false;
  const manager = {
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => (persisted = grant)),
  };
  vi.stubGlobal('navigator', { storage: manager });
  return manager;
}

afterEach(async () => {
  vi.unstubAllGlobals();
  await deleteKey('acct-persist');
});

describe('persistent key storage', () => {
  it('asks for persistent storage when the first key is stored, and not again once granted', async () => {
    const manager = storageManager(true);
    expect(await keyStorePersisted(limited)).toBe(false);
    await saveKey('acct-persist', await importPrivateKeyPem(privatePem));
    expect(manager.persist).toHaveBeenCalledTimes(1);
    expect(await keyStorePersisted(limited)).toBe(true);
    await saveKey('acct-persist', await importPrivateKeyPem(privatePem));
    expect(manager.persist).toHaveBeenCalledTimes(1);
  });

  it('stores the key even when the browser refuses', async () => {
    const manager = storageManager(false);
    manager.persist.mockRejectedValueOnce(new Error('refused'));
    await expect(saveKey('acct-persist', await importPrivateKeyPem(privatePem))).resolves.toBeDefined();
    expect(await keyStorePersisted(limited)).toBe(false);
  });

  it('counts storage as kept when the extension holds unlimitedStorage, which Chromium never evicts', async () => {
    storageManager(false);
    expect(await keyStorePersisted(async () => true)).toBe(true);
  });

  it('says nothing where the browser cannot tell', async () => {
    vi.stubGlobal('navigator', {});
    expect(await keyStorePersisted(limited)).toBeUndefined();
  });
});
