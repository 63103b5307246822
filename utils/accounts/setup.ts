import { ReportCourierError } from '../errors/base';
import { promoteCandidateKey } from '../keys/candidate-key';
import { saveKey } from '../keys/keystore';
import { getAccount, saveAccount } from './store';
import type { Account } from './types';

export interface NewKey {
  key: CryptoKey;
  fingerprint: string;
}

/**
 * These run in the options page: a CryptoKey goes straight from WebCrypto into IndexedDB and never crosses a
 * message boundary.
 */

/** A new account, with its key unless the key is already stored under its id (generated there). Never an existing id. */
export async function addAccount(account: Account, key?: NewKey): Promise<void> {
  if (await getAccount(account.id)) {
    throw new ReportCourierError(
      'account-exists',
      `Account ${account.id} exists already`,
      'An account with this id exists already; add the account again.',
      { accountId: account.id },
    );
  }
  if (key) await saveKey(account.id, key.key, { publicKeyFingerprint: key.fingerprint });
  await saveAccount(account);
}

/** New settings for an account whose key stays as it is. */
export async function updateAccount(account: Account): Promise<void> {
  await saveAccount(account);
}

/** An existing account without a key gets its first one. */
export async function giveAccountKey(account: Account, key: NewKey): Promise<void> {
  await saveKey(account.id, key.key, { publicKeyFingerprint: key.fingerprint });
  await saveAccount(account);
}

/** The staged candidate key (tested or confirmed) replaces the account's key, with the settings that go with it. */
export async function replaceAccountKey(account: Account): Promise<void> {
  await promoteCandidateKey(account.id);
  await saveAccount(account);
}
