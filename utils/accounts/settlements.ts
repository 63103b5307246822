/**
 * Which of the ledger's settlements go with an account: those paid to the seller ids of its captured files. A
 * seller id that another account also has is shared, and its settlements stay in the ledger with that account.
 */
import { countSellerSettlements, deleteSellerSettlements } from '../ledger/sellers';
import { listAccounts } from './store';

export interface AccountSettlements {
  /** Settlements of seller ids no other account has: removing the account may drop them. */
  own: number;
  /** Settlements of seller ids another account has too: always kept. */
  shared: number;
}

async function sellerIdsOf(accountId: string): Promise<{ own: string[]; shared: string[] }> {
  const accounts = await listAccounts();
  const mine = accounts.find((a) => a.id === accountId)?.sellerIds ?? [];
  const elsewhere = new Set(accounts.filter((a) => a.id !== accountId).flatMap((a) => a.sellerIds ?? []));
  return { own: mine.filter((id) => !elsewhere.has(id)), shared: mine.filter((id) => elsewhere.has(id)) };
}

export async function accountSettlements(ledger: IDBDatabase, accountId: string): Promise<AccountSettlements> {
  const { own, shared } = await sellerIdsOf(accountId);
  return { own: await countSellerSettlements(ledger, own), shared: await countSellerSettlements(ledger, shared) };
}

/** Drops the account's own settlements; call while the account is still stored. Returns how many. */
export async function dropAccountSettlements(ledger: IDBDatabase, accountId: string): Promise<number> {
  return deleteSellerSettlements(ledger, (await sellerIdsOf(accountId)).own);
}
