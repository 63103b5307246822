/** Get Disbursements: Amazon's shape, paged, and one disbursement for every Transfer in the settlement files. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, seeded } from './helpers/amazon-client';
import { records, toMinor } from './helpers/csv-records';
import { download } from './helpers/http-client';
import { SETTLEMENT, startEmulator, type RunningEmulator } from './index';
import { SETTLEMENT_COLUMNS } from './settlement-file';

const LIVE = seeded('na', 'live').publicKeyId;
const DAY = 86_400_000;
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ seed: 'disbursements' });
});
afterAll(() => emu.close());

const compact = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d+/g, '');
const list = (query: Array<[string, string]>) => call(emu, { publicKeyId: LIVE, path: '/v2/disbursements', query });

async function all(start: number, end: number) {
  const out: Array<Record<string, string>> = [];
  let res = await list([
    ['startTime', compact(start)],
    ['endTime', compact(end)],
    ['pageSize', '7'],
  ]);
  for (;;) {
    expect(res.status).toBe(200);
    out.push(...res.json().disbursements);
    const token = res.json().nextToken as string | undefined;
    if (!token) return out;
    res = await list([['nextToken', token]]);
  }
}

describe('Get Disbursements', () => {
  it("answers in Amazon's shape: amount as a decimal string, time with milliseconds", async () => {
    const res = await list([
      ['startTime', compact(emu.admin.now() - 10 * DAY)],
      ['endTime', compact(emu.admin.now())],
    ]);
    expect(res.status).toBe(200);
    const [first] = res.json().disbursements;
    expect(Object.keys(first)).toEqual([
      'amazonDisbursementReferenceId',
      'amount',
      'currencyCode',
      'sellerId',
      'settlementId',
      'transactionTime',
    ]);
    expect(first).toMatchObject({
      amount: expect.stringMatching(/^\d+\.\d\d$/),
      currencyCode: 'USD',
      sellerId: expect.stringMatching(/^A[A-Z0-9]{13}$/),
      settlementId: expect.stringMatching(/^\d{10}$/),
    });
    expect(first.transactionTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('pages with a nextToken that must come alone, and refuses a missing window', async () => {
    const res = await list([
      ['startTime', compact(emu.admin.now() - 30 * DAY)],
      ['endTime', compact(emu.admin.now())],
      ['pageSize', '5'],
    ]);
    const token = res.json().nextToken as string;
    expect(token).toEqual(expect.any(String));
    const mixed = await list([
      ['nextToken', token],
      ['pageSize', '5'],
    ]);
    expect([mixed.status, mixed.json().reasonCode]).toEqual([400, 'InvalidParameterCombination']);
    const missing = await list([['startTime', compact(emu.admin.now() - DAY)]]);
    expect([missing.status, missing.json().reasonCode]).toEqual([400, 'MissingParameterValue']);
  });

  it('has one disbursement for every Transfer in the settlement files, same amount, same second', async () => {
    const settlements = emu.admin
      .reports(LIVE)
      .filter((r) => r.reportType === SETTLEMENT)
      .slice(0, 8);
    const transfers: Array<{ amount: number; posted: string }> = [];
    for (const r of settlements) {
      const doc = await call(emu, { publicKeyId: LIVE, path: `/v2/report-documents/${r.reportDocumentId}` });
      const rows = records((await download(emu, doc.json().url)).text).slice(6);
      for (const row of rows.filter((x) => x[SETTLEMENT_COLUMNS.indexOf('TransactionType')] === 'Transfer')) {
        transfers.push({
          amount: -toMinor(row[SETTLEMENT_COLUMNS.indexOf('NetTransactionAmount')]!, 2),
          posted: row[0]!,
        });
      }
    }
    expect(transfers.length).toBeGreaterThanOrEqual(6);
    const oldest = Math.min(
      ...settlements.map((r) =>
        Date.parse(r.startTime!.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z')),
      ),
    );
    const disbursements = await all(oldest, emu.admin.now());
    const bySecond = new Map(disbursements.map((d) => [d.transactionTime!.slice(0, 19), d]));
    for (const t of transfers) {
      const utcSecond = new Date(Date.parse(t.posted.replace(' ', ''))).toISOString().slice(0, 19);
      const d = bySecond.get(utcSecond);
      expect(d, `disbursement at ${utcSecond}`).toBeDefined();
      expect(toMinor(d!.amount!, 2)).toBe(t.amount);
    }
    expect(new Set(disbursements.map((d) => d.amazonDisbursementReferenceId)).size).toBe(disbursements.length);
  });

  it("gives the same payouts to the admin API in the client's shape (the demo writes its bank statement from them)", async () => {
    const wire = await all(emu.admin.now() - 30 * DAY, emu.admin.now());
    const admin = emu.admin
      .disbursements(LIVE, 'live')
      .filter((d) => d.transactionTime.getTime() >= emu.admin.now() - 30 * DAY);
    expect(wire.length).toBeGreaterThan(20);
    expect(
      admin.map((d) => [
        d.amazonDisbursementReferenceId,
        d.settlementId,
        d.amountMinor,
        d.transactionTime.toISOString(),
      ]),
    ).toEqual(
      wire.map((d) => [d.amazonDisbursementReferenceId, d.settlementId, toMinor(d.amount!, 2), d.transactionTime]),
    );
  });

  it('is empty in sandbox, where no money moves', async () => {
    const res = await call(emu, {
      path: '/v2/disbursements',
      query: [
        ['startTime', compact(emu.admin.now() - 30 * DAY)],
        ['endTime', compact(emu.admin.now())],
      ],
    });
    expect([res.status, res.json().disbursements]).toEqual([200, []]);
  });
});
