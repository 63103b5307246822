/**
 * What the bank should show: one payout candidate per Transfer row of the ledger (money to the bank is minus the
 * row's net) and per Get Disbursements record, joined on settlement id and currency when the amounts agree — the
 * disbursement then lends its reference id, which Amazon says appears on the bank statement. A record that finds no
 * row (the settlement is not imported yet) is a candidate on its own.
 */
import type { Disbursement } from '../amazon-pay/disbursements';
import { type LocalDate, ZoneClock } from '../books/time-zone';
import type { SettlementRow } from '../ledger/types';

export interface PayoutCandidate {
  key: string;
  settlementId: string;
  currency: string;
  /** Money to the bank, minor units, positive for a payout. */
  amountMinor: number;
  /** The day Amazon posted the Transfer (or disbursed), in the accounting time zone. */
  postedDate: LocalDate;
  disbursementReferenceId?: string;
  sources: ('transfer' | 'disbursement')[];
}

export function payoutCandidates(
  rows: readonly SettlementRow[],
  disbursements: readonly Disbursement[],
  timeZone: string,
): PayoutCandidate[] {
  const clock = new ZoneClock(timeZone);
  const candidates: PayoutCandidate[] = [];
  const perSettlement = new Map<string, number>();
  const add = (candidate: Omit<PayoutCandidate, 'key'>) => {
    const n = perSettlement.get(candidate.settlementId) ?? 0;
    perSettlement.set(candidate.settlementId, n + 1);
    candidates.push({ ...candidate, key: `${candidate.settlementId}/${candidate.currency}/${n}` });
  };
  for (const row of rows) {
    if (row.category !== 'payout') continue;
    add({
      settlementId: row.settlementId,
      currency: row.currency,
      amountMinor: -row.netMinor,
      postedDate: clock.localDate(row.postedAt),
      sources: ['transfer'],
    });
  }
  for (const record of disbursements) {
    const currency = record.currencyCode.toUpperCase();
    const amountMinor = record.amountMinor;
    const joined = candidates.find(
      (c) =>
        c.settlementId === record.settlementId &&
        c.currency === currency &&
        c.amountMinor === amountMinor &&
        !c.sources.includes('disbursement'),
    );
    if (joined) {
      joined.sources.push('disbursement');
      joined.disbursementReferenceId = record.amazonDisbursementReferenceId;
    } else {
      add({
        settlementId: record.settlementId,
        currency,
        amountMinor,
        postedDate: clock.localDate(record.transactionTime.getTime()),
        disbursementReferenceId: record.amazonDisbursementReferenceId,
        sources: ['disbursement'],
      });
    }
  }
  return candidates.sort((a, b) =>
    a.postedDate === b.postedDate ? (a.key < b.key ? -1 : 1) : a.postedDate < b.postedDate ? -1 : 1,
  );
}
