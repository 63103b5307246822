/**
 * Settings that only the extension's own pages and worker may read or change: accounts, the account draft,
 * auto-archive, clock offsets, on-demand reports. They live in the extension's IndexedDB, which a content script
 * (it runs in the web page's origin) cannot open; `storage.local` is readable and writable by content scripts.
 * Where the browser opens no IndexedDB for extensions (Firefox set to never remember history) they live in
 * `storage.session` for the browser session, as the keys do there: content scripts cannot read that area either
 * (its default access level is trusted contexts only). Every setting goes through this module.
 */
import { get, promisifyRequest, set, type UseStore } from 'idb-keyval';
import { browser } from 'wxt/browser';
import { storageProblemOf } from '../keys/storage-problem';

/** Names these settings had in `storage.local`; moved here on first use and deleted there. */
export const PRIVATE_KEYS = [
  'accounts',
  'selectedAccountId',
  'accountDraft',
  'autoArchive',
  'clockSkew',
  'onDemand',
  'documentOrigins',
] as const;
/** Settings added after the move: never in `storage.local`. */
type NewerKey = 'accounting' | 'bankCsvMappings';
export type PrivateKey = (typeof PRIVATE_KEYS)[number] | NewerKey;

/** Other open pages and the worker hear of a change here (IndexedDB has no change events of its own). */
const CHANGES_CHANNEL = 'report-courier-settings';
const SESSION_PREFIX = 'settings:';

/**
 * The browser's own IndexedDB, taken when this module loads: the background may later stand an in-memory one in
 * its place (storage/indexed-db.ts), which the pages could not share; these settings then go to storage.session.
 */
const browserIndexedDb: IDBFactory | undefined = typeof indexedDB === 'undefined' ? undefined : indexedDB;

let store: Promise<UseStore | undefined> | undefined;
/** Opened on first use: importing this module must not touch IndexedDB. Undefined where the browser keeps none. */
function settingsStore(): Promise<UseStore | undefined> {
  const opening = (store ??= openSettingsStore());
  opening.catch(() => {
    if (store === opening) store = undefined;
  });
  return opening;
}

async function openSettingsStore(): Promise<UseStore | undefined> {
  if (!browserIndexedDb) return undefined;
  const request = browserIndexedDb.open('report-courier-settings');
  request.onupgradeneeded = () => request.result.createObjectStore('settings');
  try {
    const db = await promisifyRequest(request);
    return (mode, work) => Promise.resolve(work(db.transaction('settings', mode).objectStore('settings'))) as never;
  } catch (error) {
    if (storageProblemOf(error) === 'private-mode') return undefined;
    throw error;
  }
}

async function read<T>(key: PrivateKey): Promise<T | undefined> {
  const idb = await settingsStore();
  if (idb) return get<T>(key, idb);
  return (await browser.storage.session.get(SESSION_PREFIX + key))[SESSION_PREFIX + key] as T | undefined;
}

async function write(key: PrivateKey, value: unknown): Promise<void> {
  const idb = await settingsStore();
  if (idb) await set(key, value, idb);
  else await browser.storage.session.set({ [SESSION_PREFIX + key]: value });
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
    const idb = await settingsStore();
    // Without IndexedDB nothing is moved: storage.session would lose it when the browser closes.
    if (!idb || (await get(MOVED_MARK, idb))) return;
    const legacy = await browser.storage.local.get([...PRIVATE_KEYS]);
    await idb('readwrite', async (s) => {
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
    return (await read<T>(key)) ?? structuredClone(fallback);
  };
  return {
    getValue,
    async setValue(value) {
      await movedFromLocalStorage();
      await write(key, value);
      announce(key);
    },
    watch(callback) {
      const channel = new BroadcastChannel(CHANGES_CHANNEL);
      channel.onmessage = (event: MessageEvent) => {
        if (event.data === key) void getValue().then(callback);
      };
      return () => channel.close();
    },
  };
}
