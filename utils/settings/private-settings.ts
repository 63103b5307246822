/**
 * Settings that only the extension's own pages and worker may read or change: accounts, the account draft,
 * auto-archive, clock offsets, on-demand reports. They live in the extension's IndexedDB, which a content script
 * (it runs in the web page's origin) cannot open; `storage.local` is readable and writable by content scripts.
 * Every setting goes through this module, so the one IndexedDB store behind them can be swapped in one place.
 */
import { createStore, get, promisifyRequest, set, type UseStore } from 'idb-keyval';
import { browser } from 'wxt/browser';

/** Names these settings had in `storage.local`; moved here on first use and deleted there. */
export const PRIVATE_KEYS = ['accounts', 'selectedAccountId', 'accountDraft', 'autoArchive', 'clockSkew', 'onDemand'] as const;
export type PrivateKey = (typeof PRIVATE_KEYS)[number];

/** Other open pages and the worker hear of a change here (IndexedDB has no change events of its own). */
const CHANGES_CHANNEL = 'report-courier-settings';

let store: UseStore | undefined;
/** Opened on first use: importing this module must not touch IndexedDB. */
function settingsStore(): UseStore {
  store ??= createStore('report-courier-settings', 'settings');
  return store;
}

/** Set once the move below has happened: after it, storage.local is never read for these settings again. */
const MOVED_MARK = '\u0000moved-from-storage-local';

let moved: Promise<void> | undefined;
/**
 * Once per context, before the first read or write: if no context has done so yet, copies what an earlier version
 * kept in `storage.local` (unless this store already has it) and marks the move done, in one transaction; the
 * copies in `storage.local` are then deleted. After the mark, whatever a content script writes there is ignored.
 */
function movedFromLocalStorage(): Promise<void> {
  moved ??= (async () => {
    if (await get(MOVED_MARK, settingsStore())) return;
    const legacy = await browser.storage.local.get([...PRIVATE_KEYS]);
    await settingsStore()('readwrite', async (s) => {
      if (await promisifyRequest(s.get(MOVED_MARK))) return;
      for (const key of PRIVATE_KEYS) {
        if (legacy[key] !== undefined && (await promisifyRequest(s.get(key))) === undefined) s.put(legacy[key], key);
      }
      s.put(true, MOVED_MARK);
      await promisifyRequest(s.transaction);
    });
    await browser.storage.local.remove([...PRIVATE_KEYS]);
  })().catch((error: unknown) => {
    moved = undefined;
    throw error;
  });
  return moved;
}

function announce(key: PrivateKey): void {
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  channel.postMessage(key);
  channel.close();
}

export interface PrivateSetting<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls back with the new value whenever another page or the worker changes it; returns the unsubscribe. */
  watch(callback: (value: T) => void): () => void;
}

/** One setting; `fallback` is copied on every read, so a caller can never change the shared default. */
export function definePrivateSetting<T>(key: PrivateKey, fallback: T): PrivateSetting<T> {
  const getValue = async (): Promise<T> => {
    await movedFromLocalStorage();
    return (await get<T>(key, settingsStore())) ?? structuredClone(fallback);
  };
  return {
    getValue,
    async setValue(value) {
      await movedFromLocalStorage();
      await set(key, value, settingsStore());
      announce(key);
    },
    watch(callback) {
      const channel = new BroadcastChannel(CHANGES_CHANNEL);
      channel.onmessage = (event: MessageEvent) => { if (event.data === key) void getValue().then(callback); };
      return () => channel.close();
    },
  };
}
