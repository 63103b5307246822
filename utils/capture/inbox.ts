/**
 * The capture inbox: a settlement file fetched beside its download waits here, bytes and all, until it is in the
 * ledger. A worker stopped at any point finds its work here at the next start: an entry without bytes is fetched
 * again (with a fresh URL when its own has expired), one with bytes is imported.
 */
export interface InboxEntry {
  reportDocumentId: string;
  accountId: string;
  /** The file's base name, as the ledger lists it. */
  name: string;
  url: string;
  bytes?: ArrayBuffer;
  addedAt: number;
  /** Tries that failed so far; the entry is given up after `MAX_ATTEMPTS`. */
  failures: number;
}

export const MAX_ATTEMPTS = 5;
const DB_NAME = 'report-courier-capture';
const STORE = 'inbox';

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

export interface Inbox {
  put(entry: InboxEntry): Promise<void>;
  all(): Promise<InboxEntry[]>;
  remove(reportDocumentId: string): Promise<void>;
}

export function openInbox(name = DB_NAME): Inbox {
  let opening: Promise<IDBDatabase> | undefined;
  const db = () =>
    (opening ??= (() => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'reportDocumentId' });
      return request(open).catch((error: unknown) => {
        opening = undefined;
        throw error;
      });
    })());
  const store = async (mode: IDBTransactionMode) => (await db()).transaction(STORE, mode).objectStore(STORE);
  return {
    async put(entry) {
      await request((await store('readwrite')).put(entry));
    },
    async all() {
      return request<InboxEntry[]>((await store('readonly')).getAll());
    },
    async remove(reportDocumentId) {
      await request((await store('readwrite')).delete(reportDocumentId));
    },
  };
}
