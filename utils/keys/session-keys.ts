/**
 * Keys kept only for this browser session, for browsers where IndexedDB cannot keep them (see storage-problem.ts).
 * `storage.session` lives in memory, is shared by the options page and the background (where signing happens),
 * survives the background being suspended, is gone when the browser closes, and is not readable by content
 * scripts. Firefox structured-clones its values, so a non-extractable CryptoKey stays one; Chrome stores JSON,
 * which cannot hold a key: that is refused rather than saved as an empty object.
 */
import { browser } from 'wxt/browser';
import { isKeyRecord, type KeyRecord } from './key-record';

const PREFIX = 'sessionKey:';

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export function createSessionKeys(area: SessionArea = browser.storage.session) {
  const load = async (accountId: string): Promise<KeyRecord | undefined> => {
    const value = (await area.get(PREFIX + accountId))[PREFIX + accountId];
    return isKeyRecord(value) ? value : undefined;
  };
  return {
    load,
    /** False when this browser's session storage cannot hold a CryptoKey; nothing is left behind then. */
    async save(accountId: string, record: KeyRecord): Promise<boolean> {
      await area.set({ [PREFIX + accountId]: record });
      if (await load(accountId)) return true;
      await area.remove(PREFIX + accountId);
      return false;
    },
    remove: (accountId: string) => area.remove(PREFIX + accountId),
  };
}
