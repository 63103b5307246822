import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openLedgerDb } from '../../../utils/ledger/db';
import { importSettlementFile } from '../../../utils/ledger/import';
import { listSettlements } from '../../../utils/ledger/queries';
import { decimalText, settlementSummaryCsv } from '../../../utils/ledger/summary-csv';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/ledger/${name}`, import.meta.url)));

describe('the settlement summary CSV', () => {
  it('writes minor units as exact decimals with the currency’s decimals', () => {
    expect([
      decimalText(-5, 'USD'),
      decimalText(123456, 'EUR'),
      decimalText(-12344, 'JPY'),
      decimalText(0, 'KWD'),
    ]).toEqual(['-0.05', '1234.56', '-12344', '0.000']);
  });

  it('has one CRLF line per settlement after a BOM and the header, and neutralises a formula-like file name', async () => {
    const db = await openLedgerDb('ledger-summary-csv');
    await importSettlementFile(db, fixture('settlement-us.csv'), '=HYPERLINK("x").csv');
    await importSettlementFile(db, fixture('settlement-jp.csv'), 'jp.csv');
    const csv = settlementSummaryCsv(await listSettlements(db));
    db.close();
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'settlement_id,currency,seller_id,period_start_utc,period_end_utc,rows,captures_gross,fees,refunds_and_claims_net,activity,payout,carry,check,payout_explanation,file,source_file_sha256',
    );
    expect(lines[1]).toMatch(
      /^9100001234,JPY,A4JPSELLER,2026-03-31T00:00:00Z,2026-04-01T00:00:00Z,4,16100,-456,-3183,12344,12344,0,green,balanced,jp\.csv,[0-9a-f]{64}$/,
    );
    expect(lines[2]).toMatch(
      /^7301234567,USD,A1EXAMPLESELLER,2026-03-02T23:00:12Z,2026-03-03T22:59:58Z,11,1300\.89,-38\.05,-106\.92,1149\.34,1204\.17,-54\.83,amber,unexplained,"'=HYPERLINK\(""x""\)\.csv",[0-9a-f]{64}$/,
    );
    expect(lines[3]).toBe('');
  });
});
