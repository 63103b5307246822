/**
 * One merchant account's bank match: its payouts (the Transfer rows of its seller's settlements in the ledger,
 * joined with the Get Disbursements records fetched for it), the bank entries imported for it and the merchant's
 * decisions, matched; each settlement's payout state is kept for the ledger views.
 */
import type { AccountingSettings } from '../books/accounting-settings';
import { ZoneClock } from '../books/time-zone';
import { request, ROW_PAGES, SETTLEMENTS, type StoredSettlement } from '../ledger/db';
import { readSettlementRows } from '../ledger/row-pages';
import { type PayoutState, readBankEntries, readDecisions, readDisbursements, writePayoutStates } from './bank-store';
import { disbursementFromView } from './disbursement-views';
import { matchPayouts, type MatchResult } from './match';
import { type PayoutCandidate, payoutCandidates } from './payouts';
import type { BankEntry } from './types';

export interface AccountMatch {
  result: MatchResult;
  payouts: ReadonlyMap<string, PayoutCandidate>;
  entries: ReadonlyMap<string, BankEntry>;
  today: string;
}

async function sellerPayoutRows(db: IDBDatabase, sellerId: string) {
  const summaries = await request<StoredSettlement[]>(db.transaction(SETTLEMENTS).objectStore(SETTLEMENTS).getAll());
  const paid = summaries.filter((s) => s.sellerId === sellerId && s.payoutPostedAt !== undefined);
  const pages = db.transaction(ROW_PAGES).objectStore(ROW_PAGES);
  const rows = await Promise.all(paid.map((s) => readSettlementRows(pages, s.settlementId, s.currency)));
  return rows.flat().filter((row) => row.category === 'payout');
}

/** Each settlement's payout state: matched wins over suggested, suggested over unmatched. */
export function payoutStates(match: AccountMatch): Record<string, PayoutState> {
  const states: Record<string, PayoutState> = {};
  for (const { payout } of match.result.unmatchedPayouts) states[payout.settlementId] ??= { state: 'unmatched' };
  for (const suggestion of match.result.suggestions) {
    for (const key of suggestion.payoutKeys) {
      const id = match.payouts.get(key)!.settlementId;
      if (states[id]?.state !== 'matched') states[id] = { state: 'suggested' };
    }
  }
  for (const m of match.result.matches) {
    const bookingDate = match.entries.get(m.entryIds[0]!)?.bookingDate;
    for (const key of m.payoutKeys) states[match.payouts.get(key)!.settlementId] = { state: 'matched', bookingDate };
  }
  return states;
}

export async function matchAccount(
  ledger: IDBDatabase,
  accountId: string,
  settings: AccountingSettings,
  now: Date,
): Promise<AccountMatch> {
  const today = new ZoneClock(settings.timeZone).localDate(now.getTime());
  const rows = settings.sellerId ? await sellerPayoutRows(ledger, settings.sellerId) : [];
  const [entries, decisions, disbursements] = await Promise.all([
    readBankEntries(accountId),
    readDecisions(accountId),
    readDisbursements(accountId),
  ]);
  const candidates = payoutCandidates(rows, disbursements.map(disbursementFromView), settings.timeZone);
  const result = matchPayouts(candidates, entries, { today, decisions });
  const match: AccountMatch = {
    result,
    payouts: new Map(candidates.map((p) => [p.key, p])),
    entries: new Map(entries.map((e) => [e.id, e])),
    today,
  };
  await writePayoutStates(payoutStates(match));
  return match;
}
