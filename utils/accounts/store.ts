import { definePrivateSetting } from '../settings/private-settings';
import type { Account } from './types';

/** Non-secret account settings, out of content scripts' reach; the private key is kept apart in the key store under the same id. */
const accountsItem = definePrivateSetting<Account[]>('accounts', []);
const selectedItem = definePrivateSetting<string | null>('selectedAccountId', null);

export async function listAccounts(): Promise<Account[]> {
  return accountsItem.getValue();
}

export async function getAccount(id: string): Promise<Account | undefined> {
  return (await accountsItem.getValue()).find((a) => a.id === id);
}

export async function saveAccount(account: Account): Promise<void> {
  const accounts = await accountsItem.getValue();
  const index = accounts.findIndex((a) => a.id === account.id);
  if (index === -1) accounts.push(account);
  else {
    // The form knows nothing of seller ids: what capture learned stays.
    const learned = accounts[index]!.sellerIds;
    accounts[index] = learned && !account.sellerIds ? { ...account, sellerIds: learned } : account;
  }
  await accountsItem.setValue(accounts);
}

/** Records that a settlement file captured for this account was paid to `sellerId`. */
export async function rememberSellerId(accountId: string, sellerId: string): Promise<void> {
  const accounts = await accountsItem.getValue();
  const account = accounts.find((a) => a.id === accountId);
  if (!account || !sellerId || account.sellerIds?.includes(sellerId)) return;
  account.sellerIds = [...(account.sellerIds ?? []), sellerId];
  await accountsItem.setValue(accounts);
}

export async function removeAccount(id: string): Promise<void> {
  await accountsItem.setValue((await accountsItem.getValue()).filter((a) => a.id !== id));
  if ((await selectedItem.getValue()) === id) await selectedItem.setValue(null);
}

/** The account the popup shows: the remembered choice while it exists, else the first one. */
export async function selectedAccount(): Promise<Account | undefined> {
  return (await listAccountsAndSelection()).selected;
}

/** Every account and the one chosen last (the first when none is), from one read of each setting. */
export async function listAccountsAndSelection(): Promise<{ accounts: Account[]; selected?: Account }> {
  const [accounts, selectedId] = await Promise.all([accountsItem.getValue(), selectedItem.getValue()]);
  return { accounts, selected: accounts.find((a) => a.id === selectedId) ?? accounts[0] };
}

export async function selectAccount(id: string): Promise<void> {
  await selectedItem.setValue(id);
}

export function watchAccounts(callback: (accounts: Account[]) => void): () => void {
  return accountsItem.watch(callback);
}

export function newAccountId(): string {
  return crypto.randomUUID();
}
