/**
 * Last known report list per account, in an IndexedDB store of its own, so views can show reports at once
 * and refresh behind them. Structured clone keeps `Date`s as `Date`s.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { Report } from './types';

export interface CachedReports {
  reports: Report[];
  /** Epoch ms of the fetch that produced the list. */
  fetchedAt: number;
}

let store: UseStore | undefined;

/** Opened on first use: importing this module must not touch IndexedDB. */
function cacheStore(): UseStore {
  store ??= createStore('report-courier-cache', 'reports');
  return store;
}

export async function readCachedReports(accountId: string): Promise<CachedReports | undefined> {
  return get<CachedReports>(accountId, cacheStore());
}

export async function writeCachedReports(accountId: string, reports: Report[], fetchedAt = Date.now()): Promise<CachedReports> {
  const entry = { reports, fetchedAt };
  await set(accountId, entry, cacheStore());
  return entry;
}

export interface RevalidateHandlers {
  /** The fresh list, after it has been written to the cache. */
  onFresh: (fresh: CachedReports) => void;
  /** The refresh failed; the cached list (if any) stays as it was. */
  onError: (error: unknown) => void;
}

/**
 * Stale-while-revalidate: resolves with the cached list (undefined on first use) without waiting for the
 * network, while `fetchFresh` runs in the background and its result is cached and handed to `onFresh`.
 */
export async function listWithCache(
  accountId: string,
  fetchFresh: () => Promise<Report[]>,
  handlers: RevalidateHandlers,
): Promise<CachedReports | undefined> {
  const cached = readCachedReports(accountId);
  Promise.resolve()
    .then(fetchFresh)
    .then(async (reports) => {
      // The cached answer goes first even when the network wins the race: wait for it, then one macrotask,
      // so the caller's continuation of the returned promise has run.
      await cached.catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 0));
      handlers.onFresh(await writeCachedReports(accountId, reports));
    })
    .catch(handlers.onError);
  return cached;
}
