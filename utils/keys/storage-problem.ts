/**
 * Telling "this browser keeps no data for extensions" apart from an ordinary storage failure, so the views can
 * explain it and the key store can keep keys for the session instead.
 */
import { promisifyRequest, type UseStore } from 'idb-keyval';

/**
 * - `private-mode`: IndexedDB refuses to open (Firefox's "never remember history": InvalidStateError; storage
 *   blocked by settings or policy: SecurityError).
 * - `key-not-storable`: IndexedDB opens but cannot hold a CryptoKey (DataCloneError).
 */
export type KeyStorageProblem = 'private-mode' | 'key-not-storable';

export function storageProblemOf(error: unknown): KeyStorageProblem | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'InvalidStateError' || name === 'SecurityError') return 'private-mode';
  if (name === 'DataCloneError') return 'key-not-storable';
  return undefined;
}

const PROBE_ID = '\u0000probe';

/** Writes and removes a throwaway CryptoKey in one transaction: nothing stays, every failure mode shows. */
export async function probeStore(store: UseStore): Promise<KeyStorageProblem | undefined> {
  if (typeof indexedDB === 'undefined') return 'private-mode';
  const key = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  try {
    await store('readwrite', (s) => {
      s.put(key, PROBE_ID);
      s.delete(PROBE_ID);
      return promisifyRequest(s.transaction);
    });
    return undefined;
  } catch (error) {
    const problem = storageProblemOf(error);
    if (problem) return problem;
    throw error;
  }
}
