import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearPrivateSettings } from '@/tests/unit/helpers/private-settings';
import { listAccounts, saveAccount } from '@/utils/accounts/store';
import type { Account } from '@/utils/accounts/types';
import { ledgerHandlers } from '@/utils/background/handlers/ledger';
import { createRouter, type Handlers } from '@/utils/background/router';
import { openLedgerDb } from '@/utils/ledger/db';
import { importSettlementFile } from '@/utils/ledger/import';
import { orderTimelines, REGION_CURRENCIES } from '@/utils/ledger/order-lookup';
import type { SenderInfo } from '@/utils/messaging/senders';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/ledger/${name}`, import.meta.url)));
const DB = 'panel-order-lookup-test';
const extension = { id: 'abcdefghijklmnop', baseUrl: 'chrome-extension://abcdefghijklmnop/' };
const options: SenderInfo = { id: extension.id, url: `${extension.baseUrl}options.html` };
const panelOn = (host: string): SenderInfo => ({
  id: extension.id,
  url: `https://${host}/external-payments/pmd/payment-details?orderReferenceId=P01-7730114-0091826`,
  origin: `https://${host}`,
  tab: { id: 4 },
  frameId: 0,
});
const usPanel = panelOn('sellercentral.amazon.com');
const euPanel = panelOn('sellercentral-europe.amazon.com');
const jpPanel = panelOn('sellercentral-japan.amazon.com');
const US_ORDER = 'P01-7730114-0091826';
const JP_ORDER = 'S03-6604218-0093315';

let db: IDBDatabase;
beforeAll(async () => {
  db = await openLedgerDb(DB);
  await importSettlementFile(db, fixture('settlement-us.csv'), 'settlement-us.csv');
  await importSettlementFile(db, fixture('settlement-jp.csv'), 'settlement-jp.csv');
});

const account = (id: string, region: Account['region']): Account => ({
  id,
  label: id,
  region,
  environment: 'live',
  publicKeyId: `LIVE-${id}`,
  algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
  createdAt: '2026-11-01T00:00:00Z',
});

const open = vi.fn(() => openLedgerDb(DB));
async function send(sender: SenderInfo, payload: unknown) {
  const services = {
    accountsInRegion: async (region: Account['region']) => (await listAccounts()).filter((a) => a.region === region),
  };
  const route = createRouter({
    handlers: ledgerHandlers(services, open) as unknown as Handlers,
    extension,
    log: () => undefined,
  });
  return route({ type: 'lookupOrder', payload }, sender as Parameters<typeof route>[1]);
}

beforeEach(async () => {
  await clearPrivateSettings();
  open.mockClear();
  await saveAccount(account('us-1', 'na'));
  await saveAccount(account('jp-1', 'jp'));
});

describe("an order's timeline from the ledger", () => {
  it('is capture → refund → the payout that carried it, with figures only', async () => {
    const [timeline, ...others] = await orderTimelines(db, US_ORDER, REGION_CURRENCIES.na);
    expect(others).toEqual([]);
    expect(timeline!.key).toBe(US_ORDER);
    expect(timeline!.entries).toEqual([
      {
        settlementId: '7301234567',
        line: 10,
        category: 'capture',
        currency: 'USD',
        amountMinor: 4990,
        feeMinor: -175,
        netMinor: 4815,
        postedAt: '2026-03-03T05:40:55Z',
      },
      expect.objectContaining({ line: 12, category: 'refund', amountMinor: -2000, feeMinor: 58, netMinor: -1942 }),
    ]);
    expect(timeline!.payouts).toEqual([
      { settlementId: '7301234567', currency: 'USD', payoutMinor: 120417, payoutPostedAt: '2026-03-03T00:04:31Z' },
    ]);
  });

  it("keeps to the region's currencies, and answers order ids only", async () => {
    expect(await orderTimelines(db, US_ORDER, REGION_CURRENCIES.eu)).toEqual([]);
    expect(await orderTimelines(db, US_ORDER, REGION_CURRENCIES.jp)).toEqual([]);
    expect((await orderTimelines(db, JP_ORDER, REGION_CURRENCIES.jp))[0]!.entries.map((e) => e.category)).toEqual([
      'capture',
      'refund',
    ]);
    for (const notAnOrder of ['P01-7730114', `${US_ORDER}-C004417`, '49.90', '7301234567', 'p01-7730114-0091826']) {
      expect(await orderTimelines(db, notAnOrder)).toEqual([]);
    }
  });
});

describe('lookupOrder through the router', () => {
  it("answers a Seller Central panel with its region's settlements only", async () => {
    const us = await send(usPanel, { orderReferenceId: US_ORDER });
    expect(us).toMatchObject({ ok: true, value: { timelines: [{ key: US_ORDER }] } });
    expect(await send(jpPanel, { orderReferenceId: US_ORDER })).toEqual({ ok: true, value: { timelines: [] } });
    expect(await send(jpPanel, { orderReferenceId: JP_ORDER })).toMatchObject({
      ok: true,
      value: { timelines: [{ key: JP_ORDER }] },
    });
  });

  it("says no-account where the page's region has no account, and the extension's pages see every region", async () => {
    expect(await send(euPanel, { orderReferenceId: US_ORDER })).toMatchObject({
      ok: false,
      error: { code: 'no-account' },
    });
    expect(await send(options, { orderReferenceId: JP_ORDER })).toMatchObject({
      ok: true,
      value: { timelines: [{ key: JP_ORDER }] },
    });
  });

  it.each([
    ['a prefix', { orderReferenceId: 'P01-' }],
    ['a charge id', { orderReferenceId: `${US_ORDER}-C004417` }],
    ['an amount', { orderReferenceId: '49.90' }],
    ['a number', { orderReferenceId: 7301234567 }],
    ['a field the panel never sends', { orderReferenceId: US_ORDER, limit: 100000 }],
    ['no payload', null],
  ])('refuses %s from the panel before the ledger is opened', async (_case, payload) => {
    expect(await send(usPanel, payload)).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(open).not.toHaveBeenCalled();
  });
});
