import { saveKey } from '../keys/keystore';
import { saveAccount } from './store';
import type { Account } from './types';

/**
 * Stores a new or replaced key, then the account that uses it. Runs in the options page: the CryptoKey goes
 * straight from WebCrypto into IndexedDB and never crosses a message boundary.
 */
export async function saveAccountWithKey(account: Account, key?: { key: CryptoKey; fingerprint: string }): Promise<void> {
  if (key) await saveKey(account.id, key.key, { publicKeyFingerprint: key.fingerprint });
  await saveAccount(account);
}
