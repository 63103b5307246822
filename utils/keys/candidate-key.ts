/**
 * A replacement key for an existing account waits in a slot of its own until it has passed "Test connection" or
 * the merchant confirms it: until then the stored key keeps working, so a key that Amazon does not know yet never
 * costs the merchant the one that works.
 */
import { deleteKey, KeyStoreError, loadKeyRecord, saveKey } from './keystore';

export function candidateKeyId(accountId: string): string {
  return `${accountId}#candidate`;
}

export async function stageCandidateKey(accountId: string, key: CryptoKey, fingerprint: string): Promise<void> {
  await saveKey(candidateKeyId(accountId), key, { publicKeyFingerprint: fingerprint });
}

/** The candidate becomes the account's key; the old one is gone from this browser from here on. */
export async function promoteCandidateKey(accountId: string): Promise<void> {
  const candidate = await loadKeyRecord(candidateKeyId(accountId));
  if (!candidate) throw new KeyStoreError('candidate-key-missing', `No candidate key stored for account ${accountId}`);
  await saveKey(accountId, candidate.key, { publicKeyFingerprint: candidate.publicKeyFingerprint });
  await deleteKey(candidateKeyId(accountId));
}

export async function discardCandidateKey(accountId: string): Promise<void> {
  await deleteKey(candidateKeyId(accountId));
}
