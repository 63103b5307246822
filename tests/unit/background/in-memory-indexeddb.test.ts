import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { searchHistory } from '@/utils/downloads/history';
import { firefoxSessionStorage, failIndexedDbOpen, throwFromIndexedDbOpen } from '../keys/browser-storage';
import { createRig, freshIndexedDb, reports } from '../downloads/harness';

const globals = { indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange };

/** A fresh background context: the decision is made once per context. */
async function ensureIndexedDb() {
  vi.resetModules();
  return (await import('@/utils/storage/indexed-db')).ensureIndexedDb();
}

beforeEach(freshIndexedDb);
afterEach(() => {
  vi.restoreAllMocks();
  Object.assign(globalThis, globals);
});

describe("the background's IndexedDB", () => {
  it.each([
    ['fails to open (Firefox never remembering history)', () => failIndexedDbOpen('InvalidStateError')],
    ['throws from open (storage blocked)', () => throwFromIndexedDbOpen('SecurityError')],
  ])('is kept in memory when the browser one %s, and the queue and cache work in it', async (_, breakIt) => {
    const browserOwn = globalThis.indexedDB;
    breakIt();
    expect(await ensureIndexedDb()).toBe('in-memory');
    expect(globalThis.indexedDB).not.toBe(browserOwn);

    const { readCachedReports, writeCachedReports } = await import('@/utils/amazon-pay/report-cache');
    await writeCachedReports('acct-1', [], 1_000);
    expect(await readCachedReports('acct-1')).toEqual({ reports: [], fetchedAt: 1_000 });

    // createRig's queue opens through the globals, as the background's does.
    const rig = createRig();
    await rig.pipeline.enqueue('acct-1', reports(3), { accountLabel: 'Shop' });
    await rig.drain();
    expect((await rig.pipeline.snapshot()).jobs.map((j) => j.state)).toEqual(['done', 'done', 'done']);
  });

  it('keeps its image in storage.session, so a background Firefox unloaded after 30 s idle starts where it was', async () => {
    firefoxSessionStorage();
    failIndexedDbOpen('InvalidStateError');
    const browserOwn = { indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange };
    expect(await ensureIndexedDb()).toBe('in-memory');
    const rig = createRig();
    await rig.pipeline.enqueue('acct-1', reports(2), { accountLabel: 'Shop' });
    await rig.drain();
    const { readSessionImage } = await import('@/utils/storage/session-image');
    const historyKept = async () =>
      (await readSessionImage(fakeBrowser.storage.session))
        .flatMap((db) => db.stores.flatMap((s) => s.values))
        .filter((value) => typeof value === 'object' && value !== null && 'downloadedAt' in value).length;
    await expect.poll(historyKept).toBe(2);

    // The next background of this browser session: the browser's IndexedDB still refuses, memory starts empty.
    Object.assign(globalThis, browserOwn);
    expect(await ensureIndexedDb()).toBe('in-memory');
    const next = createRig({ fake: rig.fake, clock: rig.clock });
    expect((await searchHistory(next.db)).map((h) => h.reportId).sort()).toEqual(['R001', 'R002']);
    expect(
      (await next.pipeline.enqueue('acct-1', reports(2), { accountLabel: 'Shop' })).skipped.map((s) => s.reason),
    ).toEqual(['downloaded', 'downloaded']);
  });

  it('stays the browser one when it opens', async () => {
    const browserOwn = globalThis.indexedDB;
    expect(await ensureIndexedDb()).toBe('persistent');
    expect(globalThis.indexedDB).toBe(browserOwn);
    expect(await browserOwn.databases()).toEqual([]);
  });

  it('stays the browser one on any other failure, so the store that hits it reports it', async () => {
    const browserOwn = globalThis.indexedDB;
    failIndexedDbOpen('QuotaExceededError');
    expect(await ensureIndexedDb()).toBe('persistent');
    expect(globalThis.indexedDB).toBe(browserOwn);
  });
});
