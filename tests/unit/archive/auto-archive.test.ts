import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startEmulator, type RunningEmulator } from '@/tests/emulator';
import { demoKey, liveAccount, otherKey } from '@/tests/unit/client/emulator-setup';
import { createEmulatorFetch } from '@/tests/unit/helpers/emulator-fetch';
import { FakeDownloads } from '@/tests/unit/fakes/downloads';
import { saveAccount } from '@/utils/accounts/store';
import { createReportsClient } from '@/utils/amazon-pay/client';
import { writeCachedReports } from '@/utils/amazon-pay/report-cache';
import { expiresSoon, retentionStart } from '@/utils/amazon-pay/retention';
import { createClockSkewStore } from '@/utils/amazon-pay/clock-skew';
import { countExpiringUnarchived, readState, runAutoArchive } from '@/utils/archive/auto-archive';
import { SETTLEMENT } from '@/utils/amazon-pay/report-types';
import { archiveDeps, type ArchiveDeps } from '@/utils/archive/deps';
import { openJobsDb } from '@/utils/downloads/jobs-store';
import { createDownloadPipeline } from '@/utils/downloads/pipeline';

let emulator: RunningEmulator;
let key: CryptoKey;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 'auto-archive' });
  key = await demoKey();
});
afterAll(async () => emulator?.close());

/** The archive's functions, for real but for the browser downloads, which a Chromium-like fake plays. */
function services(signingKey = key) {
  const downloads = new FakeDownloads();
  const db = openJobsDb();
  const client = () =>
    createReportsClient({
      account: liveAccount,
      loadKey: async () => signingKey,
      fetch: createEmulatorFetch(emulator.port),
      skew: createClockSkewStore(),
    });
  const pipeline = createDownloadPipeline({
    db,
    downloads,
    fetchDocument: (job) => client().getReportDocument(job.reportDocumentId),
  });
  downloads.onChanged.addListener((delta) => void pipeline.handleDownloadChanged(delta));
  const deps: ArchiveDeps = archiveDeps({ db, pipeline, account: async () => liveAccount, client });
  return { services: deps, downloads, pipeline, client };
}

describe('auto-archive', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    globalThis.indexedDB = new IDBFactory();
    await saveAccount(liveAccount);
  });

  it('queues every completed settlement report of 90 days on its first run, and records the run', async () => {
    const { services: s, downloads, pipeline, client } = services();
    // The account's list as the views cache it: Amazon's oldest settlements are about to expire, none archived yet.
    const cached = await writeCachedReports(
      liveAccount.id,
      await client().listReports({ createdSince: retentionStart(Date.now()) }),
    );
    const expiring = cached.reports.filter(
      (r) => r.processingStatus === 'COMPLETED' && expiresSoon(r.createdTime.getTime(), Date.now()),
    );
    const expiringSettlements = expiring.filter((r) => r.reportType === SETTLEMENT);
    expect(expiringSettlements.length).toBeGreaterThan(0);
    expect(await countExpiringUnarchived(s, liveAccount.id)).toBe(expiring.length);
    const before = Date.now();
    const state = await runAutoArchive(s, liveAccount.id);
    await expect
      .poll(async () => (await pipeline.snapshot()).jobs.filter((j) => j.state === 'done').length, {
        timeout: 20_000,
      })
      .toBe(state.lastResult?.queued);
    const settlements = emulator.admin
      .reports(liveAccount.publicKeyId, 'live')
      .filter((r) => r.reportType === SETTLEMENT && r.processingStatus === 'COMPLETED');
    expect(settlements.length).toBeGreaterThan(60);
    expect(state.lastResult).toEqual({ queued: settlements.length });
    expect(new Set(downloads.calls.map((c) => c.filename.split('_').pop()))).toEqual(
      new Set(settlements.map((r) => `${r.reportId}.csv`)),
    );
    expect(state.lastRun).toBeGreaterThanOrEqual(before);
    expect(state.nextRun).toBe(state.lastRun! + 6 * 3_600_000);
    // Archived settlements no longer count; the expiring reports of other types (not auto-archived) still do.
    expect(await countExpiringUnarchived(s, liveAccount.id)).toBe(expiring.length - expiringSettlements.length);
  });

  it('queues nothing twice: a second run finds everything archived', async () => {
    const { services: s, pipeline } = services();
    const first = await runAutoArchive(s, liveAccount.id);
    await expect
      .poll(async () => (await pipeline.snapshot()).jobs.filter((j) => j.state === 'done').length, {
        timeout: 20_000,
      })
      .toBe(first.lastResult?.queued);
    const second = await runAutoArchive(s, liveAccount.id);
    expect(second.lastResult).toEqual({ queued: 0 });
  });

  it('records a failure with its user message instead of throwing', async () => {
    const { services: s } = services(await otherKey());
    const state = await runAutoArchive(s, liveAccount.id);
    expect(state.lastResult?.queued).toBe(0);
    expect(state.lastResult?.error).toMatchObject({
      code: 'signature-mismatch',
      userMessage: expect.stringContaining("doesn't match"),
    });
    expect((await readState(liveAccount.id, 'live')).lastResult).toEqual(state.lastResult);
  });
});
