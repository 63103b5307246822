/**
 * A new account whose key was generated before it was saved. The key is stored at once under the new account's id,
 * with this draft, so closing the page on the way to Integration Central loses nothing. A draft never belongs to
 * an account that exists: resuming one for an existing id would let "Add account" replace that account.
 */
import { deleteKey, loadKeyRecord, saveKey } from '../keys/keystore';
import { definePrivateSetting } from '../settings/private-settings';
import { getAccount } from './store';

export interface AccountDraft {
  accountId: string;
  publicKeyPem: string;
  fingerprint: string;
}

const draftItem = definePrivateSetting<AccountDraft | null>('accountDraft', null);

/** Stores the generated key under the new account's id, then the draft that leads back to it. */
export async function startAccountDraft(draft: AccountDraft, key: CryptoKey): Promise<void> {
  if (await getAccount(draft.accountId)) throw new Error('A key draft belongs to a new account only');
  await saveKey(draft.accountId, key, { publicKeyFingerprint: draft.fingerprint });
  await draftItem.setValue(draft);
}

/** The draft as stored, before any check. */
export async function storedAccountDraft(): Promise<AccountDraft | null> {
  return draftItem.getValue();
}

/**
 * The stored draft when it still describes a new account whose key the key store holds (same fingerprint);
 * any other draft is dropped, and no key is touched for it.
 */
export async function resumeAccountDraft(): Promise<AccountDraft | undefined> {
  const draft = await storedAccountDraft();
  if (!draft) return undefined;
  const isNew = !(await getAccount(draft.accountId));
  if (isNew && (await loadKeyRecord(draft.accountId))?.publicKeyFingerprint === draft.fingerprint) return draft;
  await draftItem.setValue(null);
  return undefined;
}

/** The draft's account was saved: the draft has done its job. */
export async function clearAccountDraft(): Promise<void> {
  await draftItem.setValue(null);
}

/** The new account was abandoned: its generated key has no account to sign for, so it goes with the draft. */
export async function discardAccountDraft(accountId: string): Promise<void> {
  await draftItem.setValue(null);
  if (!(await getAccount(accountId))) await deleteKey(accountId);
}
