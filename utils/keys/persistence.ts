/**
 * Keeps the key store safe from the browser's clean-up under disk pressure: it may hold the only copy of a
 * merchant's private key. Only a window may ask for persistence (the options page, where keys are stored);
 * elsewhere, and in browsers without the Storage API, persist() is not asked.
 */
import { browser } from 'wxt/browser';

const storageManager = (): StorageManager | undefined => globalThis.navigator?.storage;

/** Chromium never evicts the storage of an extension that holds unlimitedStorage, whatever persisted() says. */
async function holdsUnlimitedStorage(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ permissions: ['unlimitedStorage'] });
  } catch {
    return false;
  }
}

/** Whether the browser keeps the key store under disk pressure; undefined when it cannot say. */
export async function keyStorePersisted(unlimited = holdsUnlimitedStorage): Promise<boolean | undefined> {
  const manager = storageManager();
  const persisted = manager?.persisted ? await manager.persisted() : undefined;
  if (persisted) return true;
  return (await unlimited()) || persisted;
}

/** Asked whenever a key is stored; a refusal leaves keys where they are, only less protected. */
export async function requestPersistentKeyStore(): Promise<boolean | undefined> {
  const manager = storageManager();
  if (!manager?.persist) return undefined;
  try {
    return (await manager.persisted()) || (await manager.persist());
  } catch {
    return undefined;
  }
}
