import { promisifyRequest } from 'idb-keyval';
import { browser } from 'wxt/browser';
import { storageProblemOf } from '../keys/storage-problem';
import { keepImageInSession, readSessionImage, restoreImage, type SessionArea } from './session-image';

/**
 * Where this context's IndexedDB keeps its data: on disk (`persistent`), or in memory until the browser closes,
 * where the browser opens no IndexedDB for extensions at all (Firefox set to never remember history).
 */
export type IndexedDbKind = 'persistent' | 'in-memory';

const PROBE_DB = 'report-courier-probe';
let decided: Promise<IndexedDbKind> | undefined;

/**
 * Makes `indexedDB` usable here before its first use: the browser's own when it opens, else an in-memory one
 * (fake-indexeddb, a complete implementation, imported only then) whose image `storage.session` keeps across
 * background restarts (session-image.ts), so the report cache and the job queue work for the browser session.
 * Only the background calls it: its in-memory data is its own, which is why views reach that data through
 * messages alone (keys are kept for the session in `storage.session` itself, see session-keys.ts).
 */
export function ensureIndexedDb(session: SessionArea = browser.storage.session): Promise<IndexedDbKind> {
  decided ??= browserIndexedDbOpens().then(async (opens) => {
    if (opens) return 'persistent';
    const memory = await import('fake-indexeddb');
    const factory = new memory.IDBFactory();
    await restoreImage(factory, await readSessionImage(session));
    keepImageInSession(factory, session);
    // Own properties shadow the window's read-only accessors; idb-keyval and the stores find them as globals.
    Object.defineProperty(globalThis, 'indexedDB', { value: factory, configurable: true, writable: true });
    Object.defineProperty(globalThis, 'IDBKeyRange', { value: memory.IDBKeyRange, configurable: true, writable: true });
    return 'in-memory';
  });
  return decided;
}

async function browserIndexedDbOpens(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  try {
    const db = await promisifyRequest(indexedDB.open(PROBE_DB));
    db.close();
    await promisifyRequest(indexedDB.deleteDatabase(PROBE_DB));
    return true;
  } catch (error) {
    // Any other failure is the store's to report when it hits it; memory would hide it.
    return storageProblemOf(error) !== 'private-mode';
  }
}
