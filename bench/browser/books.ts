/**
 * Runs inside a Chromium page for bench/metrics/books.ts: builds a busy EU month (100 000 settlement rows) and a
 * year of payouts with 1 000 bank lines, then times the books code on them. The timing wraps each call from the
 * outside; the data is built before the clock starts.
 */
import { matchPayouts } from '../../utils/bank/match';
import type { Disbursement } from '../../utils/amazon-pay/disbursements';
import { payoutCandidates } from '../../utils/bank/payouts';
import type { BankEntry } from '../../utils/bank/types';
import { bookSettlementRows } from '../../utils/books/bookings';
import { exportDatev } from '../../utils/books/datev';
import { defaultDatevSettings } from '../../utils/books/datev-settings';
import { monthPeriod } from '../../utils/books/time-zone';
import type { SettlementRow } from '../../utils/ledger/types';

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

export function monthOfRows(count: number): SettlementRow[] {
  const start = Date.parse('2026-09-30T22:00:00Z');
  const span = Date.parse('2026-10-31T23:00:00Z') - start;
  const rows: SettlementRow[] = [];
  for (let i = 0; i < count; i++) {
    const settlementId = String(5984860000 + Math.floor((i / count) * 31));
    const postedAt = new Date(start + Math.floor((i / count) * span)).toISOString();
    const kind = i % 500 === 499 ? 'payout' : i % 20 === 19 ? 'refund' : 'capture';
    const amountMinor =
      kind === 'payout'
        ? -Math.floor(random() * 5_000_000)
        : (kind === 'refund' ? -1 : 1) * (500 + Math.floor(random() * 30_000));
    const percentageFeeMinor = kind === 'payout' ? 0 : -Math.round(amountMinor * 0.019) * (kind === 'refund' ? -1 : 1);
    const fixedFeeMinor = kind === 'capture' ? -35 : 0;
    const feeMinor = percentageFeeMinor + fixedFeeMinor;
    rows.push({
      line: i + 7,
      postedAt,
      settlementId,
      transactionType: kind === 'payout' ? 'Transfer' : kind === 'refund' ? 'Refund' : 'Capture',
      category: kind,
      currency: 'EUR',
      amountMinor,
      percentageFeeMinor,
      fixedFeeMinor,
      feeMinor,
      netMinor: amountMinor + feeMinor,
      amazonTransactionId: kind === 'payout' ? '' : `S02-${1000000 + i}-${2000000 + i}-C000001`,
      amazonOrderReferenceId: kind === 'payout' ? '' : `S02-${1000000 + i}-${2000000 + i}`,
      sellerReferenceId: `ref-${i}`,
      sellerOrderId: kind === 'payout' ? '' : `#${100000 + i}`,
      storeName: 'Müller Shop',
      description: '',
    });
  }
  return rows;
}

function yearOfPayouts(): { disbursements: Disbursement[]; entries: BankEntry[] } {
  const disbursements: Disbursement[] = [];
  const entries: BankEntry[] = [];
  const day = (n: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
  const entry = (n: number, fields: Partial<BankEntry>): BankEntry => ({
    id: `e${n}`,
    account: 'DE02',
    currency: 'EUR',
    amountMinor: 0,
    bookingDate: day(n % 365),
    status: 'booked',
    reversal: false,
    counterparty: 'ACME GMBH',
    references: [],
    remittance: `Rechnung ${n}`,
    details: [],
    source: { file: 'bench', position: n },
    ...fields,
  });
  for (let d = 0; d < 365; d++) {
    const amountMinor = 10_000 + Math.floor(random() * 900_000);
    const reference = `${1000 + d}-${200000 + d}-${3000 + d}`;
    disbursements.push({
      settlementId: String(5984860000 + d),
      sellerId: 'A2EUSELLER',
      amazonDisbursementReferenceId: reference,
      amountMinor,
      currencyCode: 'EUR',
      transactionTime: new Date(`${day(d)}T06:00:00.000Z`),
    });
    const anonymous = d % 3 === 0;
    entries.push(
      entry(d, {
        amountMinor,
        bookingDate: day(Math.min(364, d + 2)),
        counterparty: 'AMAZON PAYMENTS EUROPE S.C.A.',
        references: anonymous ? [] : [reference],
        remittance: anonymous ? 'AMAZON PAYMENTS PAYOUT' : `settlement ${5984860000 + d}`,
      }),
    );
  }
  for (let n = 365; n < 1000; n++)
    entries.push(entry(n, { amountMinor: (random() < 0.6 ? 1 : -1) * (1_000 + Math.floor(random() * 300_000)) }));
  return { disbursements, entries };
}

const timed = (run: () => unknown) => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

export function datevMonthMs(rowCount: number, runs: number): number[] {
  const rows = monthOfRows(rowCount);
  const period = monthPeriod(2026, 10);
  const settings = { ...defaultDatevSettings(), consultantNumber: '29098', clientNumber: '55003' };
  const once = () => {
    const bookings = bookSettlementRows(rows, {
      currency: 'EUR',
      period,
      timeZone: 'Europe/Berlin',
      granularity: 'detailed',
    });
    const { files } = exportDatev({
      bookings,
      currency: 'EUR',
      period,
      settings,
      accountName: 'Bench',
      createdAt: new Date(0),
      timeZone: 'Europe/Berlin',
    });
    if (files.length === 0) throw new Error('no DATEV file');
  };
  once();
  return Array.from({ length: runs }, () => timed(once));
}

export function matchMs(runs: number): number[] {
  const { disbursements, entries } = yearOfPayouts();
  const once = () => {
    const payouts = payoutCandidates([], disbursements, 'Europe/Berlin');
    const result = matchPayouts(payouts, entries, { today: '2027-01-05' });
    if (result.matches.length < 300) throw new Error(`only ${result.matches.length} matches`);
  };
  once();
  return Array.from({ length: runs }, () => timed(once));
}
