/**
 * Amazon's 403s through the product's own paths, against the emulator: Test connection (and its signature doctor),
 * the report listing, auto-archive and downloads each say what is wrong — a key that does not match its Public Key
 * ID, or a merchant account that is not active — and none of them retries a refusal.
 */
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startEmulator, type RunningEmulator } from '@/tests/emulator';
import { demoKey, liveAccount, otherKey } from '@/tests/unit/client/emulator-setup';
import { FakeDownloads } from '@/tests/unit/fakes/downloads';
import { createEmulatorFetch } from '@/tests/unit/helpers/emulator-fetch';
import { saveAccount } from '@/utils/accounts/store';
import { createReportsClient } from '@/utils/amazon-pay/client';
import { createClockSkewStore } from '@/utils/amazon-pay/clock-skew';
import { runAutoArchive } from '@/utils/archive/auto-archive';
import { archiveDeps } from '@/utils/archive/deps';
import { SETTLEMENT } from '@/utils/amazon-pay/report-types';
import { reportHandlers } from '@/utils/background/handlers/reports';
import type { Services } from '@/utils/background/services';
import { openJobsDb } from '@/utils/downloads/jobs-store';
import { createDownloadPipeline } from '@/utils/downloads/pipeline';
import type { ConnectionVerdict, ReportListing } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';

/** The views word errors through browser.i18n: English, from the extension's own catalogue. */
const english = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
  string,
  { message: string }
>;

let emulator: RunningEmulator;
let key: CryptoKey;
let wrongKey: CryptoKey;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 'amazon-refusals' });
  [key, wrongKey] = await Promise.all([demoKey(), otherKey()]);
});
afterAll(async () => emulator?.close());

beforeEach(async () => {
  emulator.admin.reset();
  fakeBrowser.reset();
  Object.assign(fakeBrowser.i18n, { getMessage: (name: string) => english[name]?.message ?? '' });
  globalThis.indexedDB = new IDBFactory();
  await saveAccount(liveAccount);
});

function services(signingKey = key): { services: Services; downloads: FakeDownloads } {
  const downloads = new FakeDownloads();
  const db = openJobsDb();
  const skew = createClockSkewStore();
  const client = () =>
    createReportsClient({
      account: liveAccount,
      loadKey: async () => signingKey,
      fetch: createEmulatorFetch(emulator.port),
      skew,
      sleep: async () => undefined,
    });
  const pipeline = createDownloadPipeline({
    db,
    downloads,
    fetchDocument: (job) => client().getReportDocument(job.reportDocumentId),
  });
  downloads.onChanged.addListener((delta) => void pipeline.handleDownloadChanged(delta));
  const partial = {
    db,
    pipeline,
    skew,
    account: async () => liveAccount,
    client,
    accountsInRegion: async () => [liveAccount],
  };
  return { services: partial as unknown as Services, downloads };
}

const extensionPage = { kind: 'extension-page' } as const;
const inactive = () => emulator.admin.setFaults({ inactiveAccounts: [liveAccount.publicKeyId] });
const apiCalls = () => emulator.admin.requests().filter((r) => r.route !== 'document');

async function testConnection(s: Services): Promise<Extract<ConnectionVerdict, { ok: false }>> {
  const verdict = await reportHandlers(s).testConnection({ accountId: liveAccount.id }, extensionPage);
  if (verdict.ok) throw new Error('expected a failed connection test');
  return verdict;
}

describe('Test connection', () => {
  it("with a key that is not the Public Key ID's: 403, the doctor shows equal strings to sign, the key is to blame", async () => {
    const { error } = await testConnection(services(wrongKey).services);
    const details = error.details as {
      status: number;
      theirStringToSign: string;
      ourStringToSign: string;
      difference?: unknown;
    };
    expect([error.code, details.status]).toEqual(['signature-mismatch', 403]);
    expect(details.theirStringToSign).toMatch(/^AMZN-PAY-RSASSA-PSS-V2\n[0-9a-f]{64}$/);
    expect(details.ourStringToSign).toBe(details.theirStringToSign);
    expect(details.difference).toBeUndefined();
    expect(error.userMessage).toBe(
      "Amazon rejected the request signature: the private key doesn't match this Public Key ID",
    );
    expect(errorText(error)).toBe(
      "Amazon rejected the request signature: the private key doesn't match this Public Key ID.",
    );
  });

  it('for an account that is not active: 403 InvalidAccountStatus says so', async () => {
    inactive();
    const { error } = await testConnection(services().services);
    expect([error.code, (error.details as { status: number }).status]).toEqual(['account-inactive', 403]);
    expect(errorText(error)).toMatch(/^Amazon says this Amazon Pay account is not active/);
    expect(apiCalls()).toHaveLength(1);
  });
});

describe('report listing', () => {
  it('keeps the cached list and says the account is not active', async () => {
    inactive();
    const listing = (await reportHandlers(services().services).listReports(
      { accountId: liveAccount.id, mode: 'fresh' },
      extensionPage,
    )) as ReportListing;
    expect(listing.reports).toEqual([]);
    expect(listing.refreshError).toMatchObject({ code: 'account-inactive' });
    expect(errorText(listing.refreshError!)).toMatch(/not active/);
  });
});

describe('auto-archive', () => {
  it('records that the account is not active, queuing nothing', async () => {
    inactive();
    const state = await runAutoArchive(archiveDeps(services().services), liveAccount.id);
    expect(state.lastResult).toMatchObject({ queued: 0, error: { code: 'account-inactive' } });
    expect(errorText(state.lastResult!.error!)).toMatch(/not active/);
    expect(apiCalls()).toHaveLength(1);
  });
});

describe('downloads', () => {
  it('fail at once, without retries, when the account stops being active after listing', async () => {
    const { services: s, downloads } = services();
    const reports = (
      await s.client(liveAccount).listReports({ reportTypes: [SETTLEMENT], processingStatuses: ['COMPLETED'] })
    ).slice(0, 3);
    expect(reports).toHaveLength(3);
    inactive();
    await s.pipeline.enqueue(liveAccount.id, reports, { accountLabel: liveAccount.label });
    await expect
      .poll(async () => (await s.pipeline.snapshot()).jobs.filter((j) => j.state === 'failed').length, {
        timeout: 10_000,
      })
      .toBe(3);
    const { jobs } = await s.pipeline.snapshot();
    expect(jobs.map((j) => [j.error?.code, j.error?.details?.reasonCode])).toEqual([
      ['account-inactive', 'InvalidAccountStatus'],
      ['account-inactive', 'InvalidAccountStatus'],
      ['account-inactive', 'InvalidAccountStatus'],
    ]);
    expect(errorText(jobs[0]!.error!)).toMatch(/not active/);
    expect(apiCalls().filter((r) => r.route === 'getReportDocument')).toHaveLength(3);
    expect(downloads.calls).toEqual([]);
  });
});
