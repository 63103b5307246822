/**
 * Per-account signing keys, stored as CryptoKey objects in an IndexedDB store of their own.
 * IndexedDB clones the key object, so the key material never becomes readable to script.
 */
import { createStore, del, get, set } from 'idb-keyval';

export interface KeyRecord {
  key: CryptoKey;
  /** ISO 8601 time the key was saved. */
  addedAt: string;
  /** SHA-256 of the public key (see `publicKeyFingerprint`), when known. */
  publicKeyFingerprint?: string;
}

export interface KeyMetadata {
  publicKeyFingerprint?: string;
}

export class KeyStoreError extends Error {
  override readonly name = 'KeyStoreError';
}

// idb-keyval opens the database on first use, so importing this module touches no storage.
const store = createStore('report-courier-keys', 'keys');

/** Refuses any key that could leak (extractable) or could not sign requests. */
export async function saveKey(accountId: string, key: CryptoKey, metadata: KeyMetadata = {}): Promise<KeyRecord> {
  if (!accountId) throw new KeyStoreError('An account ID is required to store a key');
  if (key.extractable) throw new KeyStoreError('Refusing to store an extractable key: its material could be read back');
  if (key.type !== 'private' || !key.usages.includes('sign')) {
    throw new KeyStoreError('Only private signing keys can be stored');
  }
  const record: KeyRecord = { key, addedAt: new Date().toISOString(), ...metadata };
  await set(accountId, record, store);
  return record;
}

export async function loadKeyRecord(accountId: string): Promise<KeyRecord | undefined> {
  const value: unknown = await get(accountId, store);
  return isKeyRecord(value) ? value : undefined;
}

export async function loadKey(accountId: string): Promise<CryptoKey | undefined> {
  return (await loadKeyRecord(accountId))?.key;
}

export async function hasKey(accountId: string): Promise<boolean> {
  return (await loadKeyRecord(accountId)) !== undefined;
}

export async function deleteKey(accountId: string): Promise<void> {
  await del(accountId, store);
}

function isKeyRecord(value: unknown): value is KeyRecord {
  const record = value as Partial<KeyRecord> | undefined;
  return typeof record?.addedAt === 'string' && record.key instanceof CryptoKey;
}
