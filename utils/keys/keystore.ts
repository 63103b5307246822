/**
 * Per-account signing keys, stored as CryptoKey objects in an IndexedDB store of their own.
 * IndexedDB clones the key object, so the key material never becomes readable to script.
 * Where IndexedDB cannot keep a key (private mode, DataCloneError) keys are kept for the browser session only.
 */
import { createStore, del, get, set } from 'idb-keyval';
import { storage } from 'wxt/utils/storage';
import { ReportCourierError } from '../errors/base';
import { requestPersistentKeyStore } from './persistence';
import { isKeyRecord, type KeyRecord } from './key-record';
import { createSessionKeys } from './session-keys';
import { probeStore, storageProblemOf, type KeyStorageProblem } from './storage-problem';

export interface KeyMetadata {
  publicKeyFingerprint?: string;
}

const KEY_STORE_MESSAGES = {
  'key-not-storable': 'This key cannot be stored: only a private signing key that cannot be read back may be kept.',
  'key-storage-unavailable':
    'This browser keeps no data for extensions here and cannot hold the key even for this session.',
  'candidate-key-missing': 'The new key is no longer stored; generate or import it again.',
} as const;

/** A key that may not be stored, or storage that cannot keep it (codes in utils/errors/codes.ts). */
export class KeyStoreError extends ReportCourierError<Record<string, never>> {
  override name = 'KeyStoreError';

  constructor(code: 'key-not-storable' | 'key-storage-unavailable' | 'candidate-key-missing', message: string) {
    super(code, message, KEY_STORE_MESSAGES[code], {});
  }
}

// idb-keyval opens the database on first use, so importing this module touches no storage.
const store = createStore('report-courier-keys', 'keys');
const sessionKeys = createSessionKeys();

/** The probe's answer: private mode and what IndexedDB can clone do not change while the browser runs. */
const probedThisSession = storage.defineItem<KeyStorageProblem | 'none'>('session:keyStorageProblem');

/**
 * Why keys cannot be kept across browser restarts here (the views explain it), or undefined when they can.
 * Probed once per browser session: views opened later read the answer instead of writing a throwaway key again.
 */
export async function keyStorageProblem(): Promise<KeyStorageProblem | undefined> {
  const known = await probedThisSession.getValue().catch(() => null);
  if (known) return known === 'none' ? undefined : known;
  const problem = await probeStore(store);
  await probedThisSession.setValue(problem ?? 'none').catch(() => undefined);
  return problem;
}

/** Refuses any key that could leak (extractable) or could not sign requests. */
export async function saveKey(accountId: string, key: CryptoKey, metadata: KeyMetadata = {}): Promise<KeyRecord> {
  if (!accountId) throw new KeyStoreError('key-not-storable', 'An account ID is required to store a key');
  if (key.extractable)
    throw new KeyStoreError(
      'key-not-storable',
      'Refusing to store an extractable key: its material could be read back',
    );
  if (key.type !== 'private' || !key.usages.includes('sign')) {
    throw new KeyStoreError('key-not-storable', 'Only private signing keys can be stored');
  }
  const record: KeyRecord = { key, addedAt: new Date().toISOString(), ...metadata };
  try {
    await set(accountId, record, store);
  } catch (error) {
    if (!storageProblemOf(error)) throw error;
    if (!(await sessionKeys.save(accountId, record))) {
      throw new KeyStoreError('key-storage-unavailable', 'Neither IndexedDB nor storage.session could keep the key');
    }
    return record;
  }
  // A key kept for an earlier session must not outlive its replacement.
  await sessionKeys.remove(accountId);
  // Chrome may evict extension storage under disk pressure, and this may be the only copy of the key.
  await requestPersistentKeyStore();
  return record;
}

export async function loadKeyRecord(accountId: string): Promise<KeyRecord | undefined> {
  try {
    const value: unknown = await get(accountId, store);
    if (isKeyRecord(value)) return value;
  } catch (error) {
    if (!storageProblemOf(error)) throw error;
  }
  return sessionKeys.load(accountId);
}

export async function loadKey(accountId: string): Promise<CryptoKey | undefined> {
  return (await loadKeyRecord(accountId))?.key;
}

export async function hasKey(accountId: string): Promise<boolean> {
  return (await loadKeyRecord(accountId)) !== undefined;
}

export async function deleteKey(accountId: string): Promise<void> {
  await sessionKeys.remove(accountId);
  try {
    await del(accountId, store);
  } catch (error) {
    if (!storageProblemOf(error)) throw error;
  }
}
