/** Get Disbursements in the Reports client: signed like every call, all pages, amounts in minor units, keys in any case. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@/tests/emulator';
import { disbursementFromWire, disbursementsPageFromWire } from '@/utils/amazon-pay/disbursements';
import { BadResponseError } from '@/utils/amazon-pay/errors';
import { demoKey, recordingClient, startTestEmulator } from './emulator-setup';

const DAY = 86_400_000;
let emu: RunningEmulator;
let key: CryptoKey;

beforeAll(async () => {
  [emu, key] = await Promise.all([startTestEmulator(), demoKey()]);
});
afterAll(() => emu.close());
beforeEach(() => emu.admin.reset());

describe('listDisbursements against the emulator', () => {
  it('follows every page, sending the token alone, and returns integer minor units and Dates', async () => {
    const { client } = recordingClient(emu.port, { key });
    const window = { startTime: new Date(emu.admin.now() - 60 * DAY), endTime: new Date(emu.admin.now()) };
    const pages: number[] = [];
    const all = await client.listDisbursements({ ...window, pageSize: 10 }, (page) => pages.push(page.length));
    expect(all.length).toBeGreaterThan(20);
    expect(pages.slice(0, -1).every((n) => n === 10)).toBe(true);
    const log = emu.admin.requests().filter((r) => r.route === 'getDisbursements');
    expect(log.map((r) => r.status).every((s) => s === 200)).toBe(true);
    expect(log[0]!.query).toMatch(/^endTime=\d{8}T\d{6}Z&pageSize=10&startTime=\d{8}T\d{6}Z$/);
    for (const follow of log.slice(1)) expect(follow.query).toMatch(/^nextToken=[A-Za-z0-9%]+$/);

    const single = await client.listDisbursementsPage({ ...window, pageSize: 100 });
    expect(single.disbursements.map((d) => d.amazonDisbursementReferenceId)).toEqual(
      all.map((d) => d.amazonDisbursementReferenceId),
    );
    for (const d of all) {
      expect(Number.isInteger(d.amountMinor) && d.amountMinor > 0).toBe(true);
      expect(d.transactionTime).toBeInstanceOf(Date);
      expect(d.transactionTime.getTime()).toBeGreaterThanOrEqual(window.startTime.getTime());
      expect(d.currencyCode).toBe('USD');
      expect(d.settlementId).toMatch(/^\d{10}$/);
    }
    expect(all.map((d) => d.transactionTime.getTime())).toEqual(
      [...all.map((d) => d.transactionTime.getTime())].sort((a, b) => a - b),
    );
  });
});

describe("reading Amazon's answer", () => {
  const documented = {
    sellerId: 'A084390EXAMPLE',
    settlementId: '68973459224',
    amazonDisbursementReferenceId: 'REF123',
    amount: '1000.50',
    currencyCode: 'USD',
    transactionTime: '2022-12-07T17:08:26.717Z',
  };

  it('reads the documented example exactly', () => {
    expect(disbursementFromWire(documented)).toEqual({
      ...documented,
      amount: undefined,
      amountMinor: 100_050,
      transactionTime: new Date(Date.UTC(2022, 11, 7, 17, 8, 26, 717)),
    });
  });

  it('reads keys in any case, yen without decimals and thousands separators', () => {
    const page = disbursementsPageFromWire({
      Disbursements: [
        {
          SellerId: 'A1',
          SettlementId: '9',
          AmazonDisbursementReferenceId: 'R',
          Amount: '12,345',
          CurrencyCode: 'jpy',
          TransactionTime: '20221207T170826Z',
        },
      ],
      NextToken: 'abc',
    });
    expect(page).toEqual({
      nextToken: 'abc',
      disbursements: [
        {
          sellerId: 'A1',
          settlementId: '9',
          amazonDisbursementReferenceId: 'R',
          amountMinor: 12_345,
          currencyCode: 'JPY',
          transactionTime: new Date(Date.UTC(2022, 11, 7, 17, 8, 26)),
        },
      ],
    });
  });

  it.each([
    ['more decimals than the currency has', { ...documented, amount: '1000.505' }],
    ['an unknown currency', { ...documented, currencyCode: 'XYZ' }],
    ['no reference id', { ...documented, amazonDisbursementReferenceId: '' }],
    ['a time that is not one', { ...documented, transactionTime: 'yesterday' }],
  ])('refuses %s with a BadResponseError, never rounding', (_name, wire) => {
    expect(() => disbursementFromWire(wire)).toThrow(BadResponseError);
  });
});
