/**
 * Last known report list per account, in an IndexedDB store of its own, so views can show reports at once
 * and refresh behind them. Structured clone keeps `Date`s as `Date`s.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
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

/** Starts opening the cache's database ahead of its first read; resolves once it is open. */
export function openReportCache(): Promise<void> {
  return cacheStore()('readonly', () => undefined);
}

export async function readCachedReports(accountId: string): Promise<CachedReports | undefined> {
  return get<CachedReports>(accountId, cacheStore());
}

export async function writeCachedReports(
  accountId: string,
  reports: Report[],
  fetchedAt = Date.now(),
): Promise<CachedReports> {
  const entry = { reports, fetchedAt };
  await set(accountId, entry, cacheStore());
  return entry;
}

export async function deleteCachedReports(accountId: string): Promise<void> {
  await del(accountId, cacheStore());
}
