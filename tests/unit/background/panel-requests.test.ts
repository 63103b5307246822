import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clearPrivateSettings } from '@/tests/unit/helpers/private-settings';
import { getAccount, listAccounts, saveAccount } from '@/utils/accounts/store';
import type { Account } from '@/utils/accounts/types';
import { writeCachedReports } from '@/utils/amazon-pay/report-cache';
import type { Report } from '@/utils/amazon-pay/types';
import { downloadHandlers } from '@/utils/background/handlers/downloads';
import { reportHandlers } from '@/utils/background/handlers/reports';
import { createRouter, type Handlers } from '@/utils/background/router';
import type { Services } from '@/utils/background/services';
import { openJobsDb, transact } from '@/utils/downloads/jobs-store';
import type { ReportListing } from '@/utils/messaging/protocol';
import type { SenderInfo } from '@/utils/messaging/senders';

const extension = { id: 'abcdefghijklmnop', baseUrl: 'chrome-extension://abcdefghijklmnop/' };
const popup: SenderInfo = { id: extension.id, url: `${extension.baseUrl}popup.html` };
const usPanel: SenderInfo = {
  id: extension.id,
  url: 'https://sellercentral.amazon.com/gp/pyop/x',
  origin: 'https://sellercentral.amazon.com',
  tab: { id: 4 },
  frameId: 0,
};

const db = openJobsDb();
const listFromAmazon = vi.fn<() => Promise<Report[]>>();
const getReport = vi.fn<(id: string) => Promise<Report>>();
const enqueue = vi.fn(async (_accountId: string, reports: Report[], _options: unknown) => ({
  batchId: 'B1',
  queued: reports,
  skipped: [],
}));

function report(reportId: string): Report {
  return {
    reportId,
    reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_',
    processingStatus: 'COMPLETED',
    reportDocumentId: `D-${reportId}`,
    startTime: new Date('2026-11-01T00:00:00Z'),
    endTime: new Date('2026-11-02T00:00:00Z'),
    createdTime: new Date('2026-11-02T01:00:00Z'),
  };
}

function services(): Services {
  return {
    db,
    account: async (id: string) => {
      const found = await getAccount(id);
      if (!found) throw Object.assign(new Error('missing'), { code: 'unknown', userMessage: 'No such account' });
      return found;
    },
    accountsInRegion: async (region: Account['region']) => (await listAccounts()).filter((a) => a.region === region),
    client: () => ({ listReports: listFromAmazon, getReport }),
    skew: { offset: () => 0 },
    pipeline: { enqueue },
  } as unknown as Services;
}

/** One message through the real router and the real handlers, as the browser would deliver it. */
async function send(sender: SenderInfo, type: 'listReports' | 'downloadReports', payload: unknown) {
  const handlers = { ...reportHandlers(services()), ...downloadHandlers(services()) } as Handlers;
  const route = createRouter({ handlers, extension, log: () => undefined });
  return route({ type, payload }, sender as Parameters<typeof route>[1]);
}

beforeEach(async () => {
  await clearPrivateSettings();
  vi.clearAllMocks();
  listFromAmazon.mockResolvedValue([]);
  await saveAccount({
    id: 'us-1',
    label: 'Shop',
    region: 'na',
    environment: 'live',
    publicKeyId: 'LIVE-KEY',
    algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
    createdAt: '2026-11-01T00:00:00Z',
  });
});

describe('what a Seller Central panel may send', () => {
  const manyIds = Array.from({ length: 501 }, (_, i) => `R${i}`);
  it.each([
    ['an unknown listing mode', 'listReports', { mode: 'everything' }],
    ['an account id that is not a string', 'listReports', { accountId: 42, mode: 'cached' }],
    ['a field the panel never sends', 'listReports', { mode: 'cached', pageSize: 5000 }],
    ['no payload at all', 'listReports', null],
    ['report ids that are one string', 'downloadReports', { accountId: 'us-1', reportIds: 'R1R2' }],
    ['report ids that are not strings', 'downloadReports', { accountId: 'us-1', reportIds: [{ toString: 'R1' }] }],
    ['more than 500 report ids', 'downloadReports', { accountId: 'us-1', reportIds: manyIds }],
    ['"download again" (force)', 'downloadReports', { accountId: 'us-1', reportIds: ['R1'], force: true }],
  ] as const)('refuses %s before anything runs', async (_case, type, payload) => {
    await writeCachedReports('us-1', [report('R1')]);
    const reply = await send(usPanel, type, payload);
    expect(reply).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(listFromAmazon).not.toHaveBeenCalled();
    expect(getReport).not.toHaveBeenCalled();
    expect(enqueue).not.toHaveBeenCalled();
  });

  it('accepts what the panel does send: 500 ids, and force only as false', async () => {
    await writeCachedReports('us-1', [report('R1')]);
    const reply = await send(usPanel, 'downloadReports', { accountId: 'us-1', reportIds: ['R1'], force: false });
    expect(reply).toMatchObject({ ok: true, value: { queued: 1 } });
    expect(await send(usPanel, 'listReports', { mode: 'fresh' })).toMatchObject({ ok: true });
  });

  it('an extension page may still download again', async () => {
    await writeCachedReports('us-1', [report('R1')]);
    expect(await send(popup, 'downloadReports', { accountId: 'us-1', reportIds: ['R1'], force: true })).toMatchObject({
      ok: true,
    });
    expect(enqueue).toHaveBeenCalledWith(
      'us-1',
      [expect.objectContaining({ reportId: 'R1' })],
      expect.objectContaining({ force: true }),
    );
  });

  it('looks up unknown reports at most 4 at a time, however many a panel names', async () => {
    let inFlight = 0;
    let most = 0;
    getReport.mockImplementation(async (id) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      return report(id);
    });
    const ids = Array.from({ length: 500 }, (_, i) => `UNKNOWN-${i}`);
    const reply = await send(usPanel, 'downloadReports', { accountId: 'us-1', reportIds: ids });
    expect(reply).toMatchObject({ ok: true, value: { queued: 500 } });
    expect(getReport).toHaveBeenCalledTimes(500);
    expect(most).toBeLessThanOrEqual(4);
  });
});

describe('what a Seller Central panel learns of a downloaded file', () => {
  it('its name, never the folder it was saved in; extension pages keep the full path', async () => {
    await writeCachedReports('us-1', [report('R1')]);
    await transact(db, async (tx) =>
      tx.saveHistory({
        accountId: 'us-1',
        reportId: 'R1',
        reportType: report('R1').reportType,
        bytes: 10,
        downloadedAt: Date.parse('2026-11-03T00:00:00Z'),
        filename: 'AmazonPay/Shop/Settlement/2026-11-01_2026-11-02_R1.csv',
        finalPath: '/home/merchant/Downloads/AmazonPay/Shop/Settlement/2026-11-01_2026-11-02_R1.csv',
      }),
    );
    const saved = async (sender: SenderInfo) => {
      const reply = await send(sender, 'listReports', { accountId: 'us-1', mode: 'cached' });
      if (!reply?.ok) throw new Error(JSON.stringify(reply));
      return (reply.value as ReportListing).reports[0]?.downloaded?.filename;
    };
    expect(await saved(usPanel)).toBe('2026-11-01_2026-11-02_R1.csv');
    expect(await saved(popup)).toBe('/home/merchant/Downloads/AmazonPay/Shop/Settlement/2026-11-01_2026-11-02_R1.csv');
  });
});
