import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clearPrivateSettings } from '@/tests/unit/helpers/private-settings';
import { getAccount, listAccounts, saveAccount, selectAccount } from '@/utils/accounts/store';
import type { Account } from '@/utils/accounts/types';
import { writeCachedReports } from '@/utils/amazon-pay/report-cache';
import { reportHandlers } from '@/utils/background/handlers/reports';
import { createRouter, type Handlers } from '@/utils/background/router';
import type { Services } from '@/utils/background/services';
import { openJobsDb } from '@/utils/downloads/jobs-store';
import type { ReportListing } from '@/utils/messaging/protocol';
import type { SenderInfo } from '@/utils/messaging/senders';

const extension = { id: 'abcdefghijklmnop', baseUrl: 'chrome-extension://abcdefghijklmnop/' };
const popup: SenderInfo = { id: extension.id, url: `${extension.baseUrl}popup.html` };
const panel = (host: string): SenderInfo => ({
  id: extension.id,
  url: `https://${host}/gp/pyop/x`,
  origin: `https://${host}`,
  tab: { id: 4 },
  frameId: 0,
});
const usPanel = panel('sellercentral.amazon.com');
const euPanel = panel('sellercentral-europe.amazon.com');
const jpPanel = panel('sellercentral-japan.amazon.com');

function account(id: string, region: Account['region'], environment: Account['environment'] = 'live'): Account {
  return {
    id,
    label: `Shop ${id}`,
    region,
    environment,
    publicKeyId: `LIVE-KEY-${id}`,
    algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
    createdAt: '2026-11-01T00:00:00Z',
  };
}

const db = openJobsDb();
const fetchFromAmazon = vi.fn();

function services(): Services {
  return {
    db,
    account: async (id: string) => {
      const found = await getAccount(id);
      if (!found) throw Object.assign(new Error('missing'), { code: 'unknown', userMessage: 'No such account' });
      return found;
    },
    accountsInRegion: async (region: Account['region']) => (await listAccounts()).filter((a) => a.region === region),
    client: () => ({ listReports: fetchFromAmazon }),
    skew: { offset: () => 0 },
  } as unknown as Services;
}

/** Sends one message through the real router, as the browser would deliver it. */
async function send(sender: SenderInfo, payload: unknown) {
  const route = createRouter({ handlers: reportHandlers(services()) as Handlers, extension, log: () => undefined });
  return route({ type: 'listReports', payload }, sender as Parameters<typeof route>[1]);
}

function value(reply: Awaited<ReturnType<typeof send>>): ReportListing {
  if (!reply?.ok) throw new Error(`expected an answer, got ${JSON.stringify(reply)}`);
  return reply.value as ReportListing;
}

const emptyStorage = clearPrivateSettings;

beforeEach(async () => {
  await emptyStorage();
  fetchFromAmazon.mockReset();
  await saveAccount(account('us-1', 'na'));
  await saveAccount(account('eu-1', 'eu'));
  await saveAccount(account('eu-2', 'eu', 'sandbox'));
});

describe('listReports for the Seller Central panel', () => {
  it('without an account id, lists the first account of the host region and names only that region’s accounts', async () => {
    const listing = value(await send(euPanel, { mode: 'cached' }));
    expect(listing.accountId).toBe('eu-1');
    expect(listing.regionAccounts).toEqual([
      { id: 'eu-1', label: 'Shop eu-1', region: 'eu', environment: 'live' },
      { id: 'eu-2', label: 'Shop eu-2', region: 'eu', environment: 'sandbox' },
    ]);
    expect(JSON.stringify(listing)).not.toContain('LIVE-KEY');
  });

  it('prefers the remembered account when it belongs to the region, and ignores it otherwise', async () => {
    await selectAccount('eu-2');
    expect(value(await send(euPanel, { mode: 'cached' })).accountId).toBe('eu-2');
    expect(value(await send(usPanel, { mode: 'cached' })).accountId).toBe('us-1');
  });

  it('answers code no-account for a region without accounts', async () => {
    const reply = await send(jpPanel, { mode: 'cached' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'no-account' } });
  });

  it('refuses an account of another region, by id', async () => {
    const reply = await send(usPanel, { accountId: 'eu-1', mode: 'cached' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'other-region' } });
  });

  it('lists the cached reports of the chosen account, and fresh ones from Amazon', async () => {
    const report = {
      reportId: 'R1',
      reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_',
      processingStatus: 'COMPLETED' as const,
      startTime: new Date('2026-11-01T00:00:00Z'),
      endTime: new Date('2026-11-02T00:00:00Z'),
      createdTime: new Date('2026-11-02T01:00:00Z'),
      reportDocumentId: 'D1',
    };
    await writeCachedReports('eu-2', [report], 1234);
    const cached = value(await send(euPanel, { accountId: 'eu-2', mode: 'cached' }));
    expect(cached).toMatchObject({
      accountId: 'eu-2',
      fetchedAt: 1234,
      reports: [{ reportId: 'R1', startTime: '2026-11-01T00:00:00.000Z' }],
    });
    expect(cached.regionAccounts?.map((a) => a.id)).toEqual(['eu-1', 'eu-2']);

    fetchFromAmazon.mockResolvedValue([{ ...report, reportId: 'R2' }]);
    const fresh = value(await send(euPanel, { accountId: 'eu-2', mode: 'fresh' }));
    expect(fresh.refreshError).toBeUndefined();
    expect(fresh.reports.map((r) => r.reportId)).toEqual(['R2']);
  });
});

describe('listReports for extension pages', () => {
  it('without an account id, lists the remembered account and adds no region accounts', async () => {
    await selectAccount('eu-1');
    const listing = value(await send(popup, { mode: 'cached' }));
    expect(listing.accountId).toBe('eu-1');
    expect(listing.regionAccounts).toBeUndefined();
  });

  it('falls back to the first account, and to no-account when there is none', async () => {
    expect(value(await send(popup, { mode: 'cached' })).accountId).toBe('us-1');
    await emptyStorage();
    expect(await send(popup, { mode: 'cached' })).toMatchObject({ ok: false, error: { code: 'no-account' } });
  });
});
