/** What the key store keeps per account, wherever it keeps it (IndexedDB or this session's storage). */
export interface KeyRecord {
  key: CryptoKey;
  /** ISO 8601 time the key was saved. */
  addedAt: string;
  /** SHA-256 of the public key (see `publicKeyFingerprint`), when known. */
  publicKeyFingerprint?: string;
}

export function isKeyRecord(value: unknown): value is KeyRecord {
  const record = value as Partial<KeyRecord> | undefined;
  return typeof record?.addedAt === 'string' && record.key instanceof CryptoKey;
}
