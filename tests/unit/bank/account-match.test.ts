import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchAccount } from '../../../utils/bank/account-match';
import { decide, keepDisbursements, readDisbursements, readPayoutStates } from '../../../utils/bank/bank-store';
import { rememberedMappings } from '../../../utils/bank/csv-mappings';
import { importStatements } from '../../../utils/bank/import-statement';
import { MATCH_CSV_COLUMNS, matchCsv } from '../../../utils/bank/match-csv';
import { defaultAccountingSettings } from '../../../utils/books/accounting-settings';
import { openLedgerDb } from '../../../utils/ledger/db';
import { importSettlementFile } from '../../../utils/ledger/import';
import { type StatementLine, writeCamt053 } from '../../emulator/bank-statement';
import { EU_FIXTURE_PAYOUT } from '../../fixtures/ledger/eu-payout';

const settings = { ...defaultAccountingSettings('eu'), sellerId: 'A2EUSELLER' };
const NOW = new Date('2026-02-20T12:00:00Z');
const line = (fields: Partial<StatementLine>): StatementLine => ({ ...EU_FIXTURE_PAYOUT, ...fields });
const camt = (lines: StatementLine[]) => new TextEncoder().encode(writeCamt053(lines, 'DE02120300000000202051', 'EUR'));
let ledger: IDBDatabase;

beforeAll(async () => {
  ledger = await openLedgerDb('account-match-test');
  const file = readFileSync(path.join(process.cwd(), 'tests/fixtures/ledger/settlement-eu-windows-1252-crlf.csv'));
  await importSettlementFile(ledger, new Uint8Array(file), 'eu.csv');
});

describe("an account's bank match", () => {
  it('matches the Transfer row to the credit that names its settlement, once however often it is imported', async () => {
    const credit = camt([
      line({}),
      line({ bankReference: 'B2', amountMinor: 5_000, counterparty: 'ACME GMBH', remittance: 'Rechnung 7' }),
    ]);
    expect(await importStatements('acc-1', [{ name: 'feb.xml', bytes: credit }])).toEqual({
      files: 1,
      added: 2,
      duplicates: 0,
      notBooked: 0,
    });
    expect((await importStatements('acc-1', [{ name: 'feb.xml', bytes: credit }])).duplicates).toBe(2);
    const match = await matchAccount(ledger, 'acc-1', settings, NOW);
    expect(match.result.matches.map((m) => [m.rule, m.payoutKeys])).toEqual([['reference', ['4410098765/EUR/0']]]);
    expect(match.result.unmatchedCredits).toEqual([]);
    expect(match.result.otherCredits).toBe(1);
    expect((await readPayoutStates())['4410098765']).toEqual({ state: 'matched', bookingDate: '2026-02-10' });

    const csv = matchCsv(match)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(csv[0]).toBe(MATCH_CSV_COLUMNS.join(','));
    expect(csv[1]).toMatch(/^matched,reference,4410098765,EUR,2430\.83,2026-02-07,[^,]+,2026-02-10,2430\.83,/);
    expect(csv).toHaveLength(3);
    expect(csv[2]).toBe('');
  });

  it("keeps the merchant's rejection and confirmation, and they win over the rules", async () => {
    const before = await matchAccount(ledger, 'acc-1', settings, NOW);
    const [pair] = before.result.matches;
    await decide('acc-1', { payoutKey: pair!.payoutKeys[0]!, entryId: pair!.entryIds[0]!, verdict: 'rejected' });
    const rejected = await matchAccount(ledger, 'acc-1', settings, NOW);
    expect(rejected.result.matches).toEqual([]);
    expect(rejected.result.unmatchedPayouts.map((p) => [p.payout.settlementId, p.state])).toEqual([
      ['4410098765', 'late'],
    ]);
    expect((await readPayoutStates())['4410098765']).toEqual({ state: 'unmatched' });
    expect(rejected.result.unmatchedCredits.map((c) => [c.entry.amountMinor, c.ageDays])).toEqual([[243_083, 10]]);
    const other = [...rejected.entries.values()].find((e) => e.amountMinor === 5_000)!;
    await decide('acc-1', { payoutKey: pair!.payoutKeys[0]!, entryId: other.id, verdict: 'confirmed' });
    const confirmed = await matchAccount(ledger, 'acc-1', settings, NOW);
    expect(confirmed.result.matches.map((m) => [m.rule, m.entryIds])).toEqual([['confirmed', [other.id]]]);
  });

  it("joins Amazon's disbursement to the Transfer row on settlement id, and its reference on the statement matches", async () => {
    const record = {
      sellerId: 'A2EUSELLER',
      settlementId: '4410098765',
      amazonDisbursementReferenceId: '3021-118834-5521',
      amountMinor: 243_083,
      currencyCode: 'EUR',
      transactionTime: '2026-02-07T09:30:00.000Z',
    };
    await keepDisbursements('acc-3', [record, { ...record, settlementId: '4410099999', amountMinor: 1_000 }]);
    // Fetched again: the known records are replaced, not doubled.
    await keepDisbursements('acc-3', [record]);
    expect(await readDisbursements('acc-3')).toHaveLength(2);
    const credit = line({ bankReference: 'D1', endToEndId: '3021-118834-5521', remittance: 'AMAZON PAYOUT' });
    await importStatements('acc-3', [{ name: 'feb.xml', bytes: camt([credit]) }]);
    const match = await matchAccount(ledger, 'acc-3', settings, NOW);
    const joined = [...match.payouts.values()].find((p) => p.settlementId === '4410098765')!;
    expect([joined.sources, joined.disbursementReferenceId]).toEqual([
      ['transfer', 'disbursement'],
      '3021-118834-5521',
    ]);
    expect(match.result.matches.map((m) => [m.rule, m.payoutKeys])).toEqual([['reference', [joined.key]]]);
    expect(match.result.matches[0]!.explanation).toMatch(/names the disbursement reference 3021-118834-5521/);
    // A disbursement whose settlement is not in the ledger yet is a payout candidate of its own.
    expect(match.result.unmatchedPayouts.map((u) => [u.payout.settlementId, u.payout.sources])).toEqual([
      ['4410099999', ['disbursement']],
    ]);
  });

  it('reads a CSV statement through a mapping and remembers it for the bank account', async () => {
    const csv =
      'Buchungstag;Betrag;Auftraggeber;Verwendungszweck\r\n12.02.2026;2.430,83;AMAZON PAYMENTS EUROPE;4410098765\r\n';
    const mapping = {
      account: 'DE02 Hausbank',
      date: 'Buchungstag',
      dateOrder: 'DD.MM.YYYY' as const,
      amount: 'Betrag',
      decimal: ',' as const,
      currency: 'EUR',
      counterparty: 'Auftraggeber',
      purpose: ['Verwendungszweck'],
      references: [],
    };
    await expect(
      importStatements('acc-2', [{ name: 'umsatz.csv', bytes: new TextEncoder().encode(csv) }]),
    ).rejects.toMatchObject({
      details: { reason: 'csv without mapping' },
    });
    const read = await importStatements(
      'acc-2',
      [{ name: 'umsatz.csv', bytes: new TextEncoder().encode(csv) }],
      mapping,
    );
    expect(read.added).toBe(1);
    expect((await rememberedMappings())['DE02 Hausbank']).toEqual(mapping);
    const match = await matchAccount(ledger, 'acc-2', settings, NOW);
    expect(match.result.matches.map((m) => m.rule)).toEqual(['reference']);
  });
});
