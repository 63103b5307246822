import { storage } from 'wxt/utils/storage';
import type { Account } from './types';

/** Non-secret account settings; the private key is kept apart in the key store under the same id. */
const accountsItem = storage.defineItem<Account[]>('local:accounts', { fallback: [] });
const selectedItem = storage.defineItem<string | null>('local:selectedAccountId', { fallback: null });

export async function listAccounts(): Promise<Account[]> {
  return accountsItem.getValue();
}

export async function getAccount(id: string): Promise<Account | undefined> {
  return (await accountsItem.getValue()).find((a) => a.id === id);
}

export async function saveAccount(account: Account): Promise<void> {
  // A copy: with nothing stored, getValue() hands out the shared fallback array itself.
  const accounts = [...(await accountsItem.getValue())];
  const index = accounts.findIndex((a) => a.id === account.id);
  if (index === -1) accounts.push(account);
  else accounts[index] = account;
  await accountsItem.setValue(accounts);
}

export async function removeAccount(id: string): Promise<void> {
  await accountsItem.setValue((await accountsItem.getValue()).filter((a) => a.id !== id));
  if ((await selectedItem.getValue()) === id) await selectedItem.setValue(null);
}

/** The account the popup shows: the remembered choice while it exists, else the first one. */
export async function selectedAccount(): Promise<Account | undefined> {
  const [accounts, selected] = await Promise.all([accountsItem.getValue(), selectedItem.getValue()]);
  return accounts.find((a) => a.id === selected) ?? accounts[0];
}

export async function selectAccount(id: string): Promise<void> {
  await selectedItem.setValue(id);
}

export function watchAccounts(callback: (accounts: Account[]) => void): () => void {
  return accountsItem.watch((value) => callback(value ?? []));
}

export function newAccountId(): string {
  return crypto.randomUUID();
}
