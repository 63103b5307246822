/** What the emulator serves: each merchant's settlements chain up by its payout convention; transaction layouts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, seeded } from './helpers/amazon-client';
import { records, toMinor } from './helpers/csv-records';
import { download } from './helpers/http-client';
import { ORDER_REFERENCE, REFUND, SETTLEMENT, startEmulator, type RunningEmulator } from './index';
import { SETTLEMENT_COLUMNS } from './settlement-file';
import { settlementHabits } from './settlement-history';

const SEED = 'report-files';
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ seed: SEED });
});
afterAll(() => emu.close());

async function file(publicKeyId: string, reportDocumentId: string, region: 'na' | 'jp' = 'na'): Promise<string> {
  const res = await call(emu, { publicKeyId, region, path: `/v2/report-documents/${reportDocumentId}` });
  return (await download(emu, res.json().url)).text;
}

const col = (name: string) => SETTLEMENT_COLUMNS.indexOf(name as (typeof SETTLEMENT_COLUMNS)[number]);

interface Parsed {
  id: string;
  start: string;
  end: string;
  activity: number;
  payout: number;
}

function parse(text: string, exponent: number): Parsed {
  const rows = records(text);
  const body = rows.slice(6);
  const net = (r: string[]) => toMinor(r[col('NetTransactionAmount')]!, exponent);
  const isTransfer = (r: string[]) => r[col('TransactionType')] === 'Transfer';
  return {
    id: body[0]![col('SettlementId')]!,
    start: rows[3]![1]!,
    end: rows[4]![1]!,
    activity: body.filter((r) => !isTransfer(r)).reduce((s, r) => s + net(r), 0),
    payout: -body.filter(isTransfer).reduce((s, r) => s + net(r), 0),
  };
}

describe.each([
  ['na', 2, 86_400_000],
  ['jp', 0, 7 * 86_400_000],
] as const)('%s live settlements', (region, exponent, periodMs) => {
  const merchant = seeded(region, 'live');
  const habits = settlementHabits(SEED, merchant.publicKeyId, region);

  it(`come ${periodMs > 86_400_000 ? 'weekly' : 'daily'}, boundaries at an odd time, each Transfer paying by the merchant's convention`, async () => {
    const reports = emu.admin
      .reports(merchant.publicKeyId)
      .filter((r) => r.reportType === SETTLEMENT)
      .slice(0, 5)
      .reverse();
    const files = await Promise.all(
      reports.map(async (r) => parse(await file(merchant.publicKeyId, r.reportDocumentId!, region), exponent)),
    );
    for (let k = 1; k < files.length; k++) {
      const [before, now] = [files[k - 1]!, files[k]!];
      const span = Date.parse(now.start.replace(' ', '')) - Date.parse(before.start.replace(' ', ''));
      expect(Math.abs(span - periodMs)).toBeLessThanOrEqual(600_000);
      expect(now.start.slice(11, 19)).not.toBe('00:00:00');
      const paid = habits.convention === 'this-period' ? now.activity : before.activity;
      expect(now.payout).toBe(Math.max(0, paid));
    }
  });
});

describe('transaction reports', () => {
  const live = seeded('na', 'live').publicKeyId;
  const ofType = (type: string) =>
    emu.admin.reports(live).find((r) => r.reportType === type && r.processingStatus === 'COMPLETED')!;

  it('refunds: the 12 real columns, no BOM, one row per state change (Pending, then Completed or Declined)', async () => {
    const text = await file(live, ofType(REFUND).reportDocumentId!);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const [header, ...rows] = text.trimEnd().split('\n');
    expect(header).toBe(
      '"AmazonRefundId","RefundReferenceId","AmazonCaptureId","AmazonOrderReferenceId","RefundAmount","CurrencyCode","SellerRefundNote","RefundType","RefundStatus","LastUpdateTimestamp","ReasonCode","CreationTimestamp"',
    );
    const parsed = records(rows.join('\n'));
    for (let i = 0; i < parsed.length; i += 2) {
      const [pending, final] = [parsed[i]!, parsed[i + 1]!];
      expect(final[0]).toBe(pending[0]);
      expect([pending[8], ['Completed', 'Declined'].includes(final[8]!)]).toEqual(['Pending', true]);
      expect(pending[9]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d -0[78]00$/);
      expect(final[9]! >= pending[9]!).toBe(true);
    }
  });

  it("order references: the 19 columns reconstructed from a retailer's views", async () => {
    const [header] = (await file(live, ofType(ORDER_REFERENCE).reportDocumentId!)).split('\n');
    expect(records(header!)[0]).toHaveLength(19);
    expect(header!.startsWith('"AmazonOrderReferenceId","SellerOrderId","OrderTotal","CurrencyCode"')).toBe(true);
  });
});
