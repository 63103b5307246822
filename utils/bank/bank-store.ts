/**
 * Bank entries imported for a merchant account and the merchant's decisions on matches, in the extension's own
 * IndexedDB (`report-courier-bank`): the options page imports and decides, and the ledger views read the last
 * match state per settlement for their payout badges. A re-import adds only entries not already known; payouts
 * fetched from Amazon (Get Disbursements) are kept too, so the match has them without asking again.
 */
import { createStore, get, type UseStore, update } from 'idb-keyval';
import { withoutDuplicates } from './entry-id';
import type { DisbursementView } from '../messaging/protocol';
import type { Decision } from './match';
import type { BankEntry } from './types';

/** What the ledger views show per settlement: the payout's state at the last match. */
export interface PayoutState {
  state: 'matched' | 'suggested' | 'unmatched';
  /** The bank's booking date of the matched credit. */
  bookingDate?: string;
}

let store: UseStore | undefined;
const bankStore = () => (store ??= createStore('report-courier-bank', 'bank'));

const entriesKey = (accountId: string) => `entries:${accountId}`;
const decisionsKey = (accountId: string) => `decisions:${accountId}`;
const disbursementsKey = (accountId: string) => `disbursements:${accountId}`;
const STATES_KEY = 'payout-states';

export async function readBankEntries(accountId: string): Promise<BankEntry[]> {
  return (await get<BankEntry[]>(entriesKey(accountId), bankStore())) ?? [];
}

/** Adds the entries not already known; returns how many were added and how many were known. */
export async function addBankEntries(
  accountId: string,
  incoming: readonly BankEntry[],
): Promise<{ added: number; duplicates: number }> {
  let outcome = { added: 0, duplicates: 0 };
  await update<BankEntry[]>(
    entriesKey(accountId),
    (known = []) => {
      const { added, duplicates } = withoutDuplicates(known, incoming);
      outcome = { added: added.length, duplicates };
      return [...known, ...added];
    },
    bankStore(),
  );
  return outcome;
}

export async function readDecisions(accountId: string): Promise<Decision[]> {
  return (await get<Decision[]>(decisionsKey(accountId), bankStore())) ?? [];
}

/** Keeps the merchant's verdict on one payout and entry, replacing an earlier one on the same pair. */
export async function decide(accountId: string, decision: Decision): Promise<void> {
  await update<Decision[]>(
    decisionsKey(accountId),
    (known = []) => [
      ...known.filter((d) => d.payoutKey !== decision.payoutKey || d.entryId !== decision.entryId),
      decision,
    ],
    bankStore(),
  );
}

/** Payout states by settlement id, for every account. */
export async function readPayoutStates(): Promise<Record<string, PayoutState>> {
  return (await get<Record<string, PayoutState>>(STATES_KEY, bankStore())) ?? {};
}

export async function writePayoutStates(states: Record<string, PayoutState>): Promise<void> {
  await update<Record<string, PayoutState>>(STATES_KEY, (known = {}) => ({ ...known, ...states }), bankStore());
}

export async function readDisbursements(accountId: string): Promise<DisbursementView[]> {
  return (await get<DisbursementView[]>(disbursementsKey(accountId), bankStore())) ?? [];
}

/** Adds fetched records; one already known (same settlement and reference) is replaced by the newer answer. */
export async function keepDisbursements(accountId: string, incoming: readonly DisbursementView[]): Promise<void> {
  const id = (d: DisbursementView) => `${d.settlementId}\u0000${d.amazonDisbursementReferenceId}`;
  const fresh = new Set(incoming.map(id));
  await update<DisbursementView[]>(
    disbursementsKey(accountId),
    (known = []) => [...known.filter((d) => !fresh.has(id(d))), ...incoming],
    bankStore(),
  );
}
