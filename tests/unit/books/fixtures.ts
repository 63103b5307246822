/** Settlement rows for the books tests: our own values in the shapes real files have. */
import type { SettlementCategory, SettlementRow } from '../../../utils/ledger/types';

let nextLine = 7;

export function row(
  fields: Partial<SettlementRow> & { category: SettlementCategory; postedAt: string },
): SettlementRow {
  const amountMinor = fields.amountMinor ?? 0;
  const percentageFeeMinor = fields.percentageFeeMinor ?? 0;
  const fixedFeeMinor = fields.fixedFeeMinor ?? 0;
  const feeMinor = fields.feeMinor ?? percentageFeeMinor + fixedFeeMinor;
  return {
    line: nextLine++,
    settlementId: '5984860001',
    transactionType:
      fields.category === 'payout' ? 'Transfer' : fields.category[0]!.toUpperCase() + fields.category.slice(1),
    currency: 'EUR',
    amountMinor,
    percentageFeeMinor,
    fixedFeeMinor,
    feeMinor,
    netMinor: fields.netMinor ?? amountMinor + feeMinor,
    amazonTransactionId: '',
    amazonOrderReferenceId: '',
    sellerReferenceId: '',
    sellerOrderId: '',
    storeName: '',
    description: '',
    ...fields,
  };
}

export function capture(
  postedAt: string,
  amountMinor: number,
  sellerOrderId: string,
  extra: Partial<SettlementRow> = {},
): SettlementRow {
  const percentage = -Math.round(amountMinor * 0.019);
  return row({
    category: 'capture',
    postedAt,
    amountMinor,
    percentageFeeMinor: percentage,
    fixedFeeMinor: -35,
    amazonTransactionId: `S02-1234567-${String(amountMinor).padStart(7, '0')}-C000001`,
    amazonOrderReferenceId: `S02-1234567-${String(amountMinor).padStart(7, '0')}`,
    sellerReferenceId: `ref-${sellerOrderId}`,
    sellerOrderId,
    storeName: 'Müller Shop',
    ...extra,
  });
}

/**
 * October 2026 of an EU (EUR) account, with the awkward cases: rows on both sides of the month boundary in Berlin
 * time (UTC+2 until 25 October, UTC+1 after), a refund with its fee refunded, a chargeback, reserve withheld and
 * released, an unknown type, a Transfer, Japanese text, `#` order ids, an over-long token and a formula-looking id.
 */
export function octoberEu(): SettlementRow[] {
  return [
    capture('2026-09-30T21:59:59Z', 5000, '1000'), // 23:59:59 on 30 Sep in Berlin: September
    capture('2026-09-30T22:00:00Z', 11900, '#1001'), // 00:00 on 1 Oct in Berlin: October
    capture('2026-10-03T10:00:00Z', 2499, 'Bestellung Nr. 1002'),
    capture('2026-10-05T10:00:00Z', 123456, 'c1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0#1003', {
      storeName: 'アマゾン ストア',
    }),
    capture('2026-10-06T10:00:00Z', 1000, '=HYPERLINK("http://x")'),
    row({
      category: 'refund',
      postedAt: '2026-10-07T08:00:00Z',
      amountMinor: -2499,
      percentageFeeMinor: 47,
      sellerOrderId: 'Bestellung Nr. 1002',
      amazonTransactionId: 'S02-1234567-0002499-R000001',
    }),
    row({
      category: 'chargeback',
      postedAt: '2026-10-08T08:00:00Z',
      amountMinor: -1000,
      fixedFeeMinor: -1500,
      sellerOrderId: '1004',
    }),
    row({
      category: 'reserve',
      postedAt: '2026-10-09T08:00:00Z',
      amountMinor: 2400,
      description: 'Previous Reserve Balance',
    }),
    row({
      category: 'reserve',
      postedAt: '2026-10-15T08:00:00Z',
      amountMinor: -3000,
      description: 'Current Reserve Amount',
    }),
    row({ category: 'other', transactionType: 'ServiceFee "Q4"', postedAt: '2026-10-16T08:00:00Z', amountMinor: -199 }),
    row({
      category: 'payout',
      postedAt: '2026-10-20T08:00:00Z',
      amountMinor: -100000,
      description: 'Transfer to bank',
    }),
    capture('2026-10-31T22:59:59Z', 4200, '1005'), // 23:59:59 on 31 Oct in Berlin (UTC+1): October
    capture('2026-10-31T23:00:00Z', 777, '1006'), // 00:00 on 1 Nov in Berlin: November
    capture('2026-10-20T09:00:00Z', 5000, '1007', { currency: 'GBP' }), // another currency: never in a EUR export
  ];
}

/** The rows the October EUR export must carry, computed from the fixture's comments, not by the code under test. */
export const OCTOBER_EUR_EXCLUDED = new Set(['1000', '1006', '1007']);

export function netOfOctoberEur(rows: readonly SettlementRow[]): number {
  return rows
    .filter((r) => r.currency === 'EUR' && !OCTOBER_EUR_EXCLUDED.has(r.sellerOrderId))
    .reduce((sum, r) => sum + r.netMinor, 0);
}

/** RFC 4180 fields of one line (no line ends inside), quotes kept so tests can check quoting. */
export function rawFields(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    if (char === delimiter && !quoted) {
      fields.push(current);
      current = '';
    } else current += char;
  }
  fields.push(current);
  return fields;
}

export const unquote = (field: string) => (field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field);
