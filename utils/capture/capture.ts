/**
 * Capture at download: when the merchant has let the extension read documents from a URL's origin, a settlement
 * file the pipeline has just handed to downloads.download() is fetched once more beside it, kept in the inbox and
 * imported into the ledger. The download never waits for any of it; the import (the CPU-heavy part) waits until no
 * download is in flight, so a bulk is not slowed either.
 */
import { SANDBOX_SETTLEMENT, SETTLEMENT } from '../amazon-pay/report-types';
import type { DownloadJob } from '../downloads/types';
import { importSettlementFile } from '../ledger/import';
import { sellerIdsOf } from '../ledger/sellers';
import { MAX_ATTEMPTS, type Inbox, type InboxEntry } from './inbox';
import { documentOrigin } from './origins';

export interface CaptureDeps {
  inbox: Inbox;
  ledger(): Promise<IDBDatabase>;
  /** Whether the merchant granted this document origin. */
  permitted(origin: string): Promise<boolean>;
  /** A fresh URL for the document, when the one kept has expired (the account's client asks Amazon again). */
  freshUrl(entry: InboxEntry): Promise<string>;
  /** True while downloads are in flight: the import waits for them. */
  busy(): Promise<boolean>;
  /** The seller ids the imported file was paid to, for the account it was downloaded for. */
  learned(accountId: string, sellerId: string): Promise<void>;
  onError(error: unknown): void;
  fetch?: typeof fetch;
  /** How long the import waits before looking again whether downloads are still in flight. */
  idlePollMs?: number;
}

export interface SettlementCapture {
  /** Called right after downloads.download() took the URL; returns at once. */
  offer(job: DownloadJob, url: string): void;
  /** Worker start: everything a stopped worker left in the inbox. Resolves when all of it was tried. */
  resume(): Promise<void>;
  /** Resolves once nothing offered or resumed is still running (tests). */
  settled(): Promise<void>;
}

const isSettlement = (reportType: string) => reportType === SETTLEMENT || reportType === SANDBOX_SETTLEMENT;
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

export function createSettlementCapture(deps: CaptureDeps): SettlementCapture {
  const get = deps.fetch ?? ((input: string) => fetch(input));
  const idlePollMs = deps.idlePollMs ?? 1_000;
  // Fetches run at once (a URL lives 30 s); imports one at a time, in the order their files arrived.
  let imports: Promise<void> = Promise.resolve();
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    const tracked = work.catch(deps.onError).finally(() => pending.delete(tracked));
    pending.add(tracked);
  };

  async function bytesOf(entry: InboxEntry): Promise<ArrayBuffer> {
    const first = await get(entry.url).catch(() => undefined);
    if (first?.ok) return first.arrayBuffer();
    // Expired (S3 answers 403) or unreachable: Amazon hands out a new URL for the same document.
    const again = await get(await deps.freshUrl(entry));
    if (!again.ok) throw new Error(`The settlement document could not be read (HTTP ${again.status}).`);
    return again.arrayBuffer();
  }

  async function idle(): Promise<void> {
    while (await deps.busy()) await new Promise((resolve) => setTimeout(resolve, idlePollMs));
  }

  async function importEntry(entry: InboxEntry & { bytes: ArrayBuffer }): Promise<void> {
    await idle();
    const ledger = await deps.ledger();
    const { file } = await importSettlementFile(ledger, new Uint8Array(entry.bytes), entry.name);
    for (const sellerId of await sellerIdsOf(ledger, file.settlementIds)) await deps.learned(entry.accountId, sellerId);
    await deps.inbox.remove(entry.reportDocumentId);
  }

  /** Fetches what has no bytes yet, then queues the import; a failure is counted on the entry, which stays. */
  async function process(entry: InboxEntry): Promise<void> {
    let current = entry;
    try {
      if (!current.bytes) {
        current = { ...current, bytes: await bytesOf(current) };
        await deps.inbox.put(current);
      }
      const fetched = current as InboxEntry & { bytes: ArrayBuffer };
      const imported = imports.then(() => importEntry(fetched));
      imports = imported.catch(() => undefined);
      await imported;
    } catch (error) {
      const failures = current.failures + 1;
      if (failures >= MAX_ATTEMPTS) await deps.inbox.remove(current.reportDocumentId);
      else await deps.inbox.put({ ...current, failures });
      throw error;
    }
  }

  return {
    offer(job, url) {
      const origin = documentOrigin(url);
      if (!origin || !isSettlement(job.reportType)) return;
      track(
        (async () => {
          if (!(await deps.permitted(origin))) return;
          const entry: InboxEntry = {
            reportDocumentId: job.reportDocumentId,
            accountId: job.accountId,
            name: baseName(job.filename),
            url,
            addedAt: Date.now(),
            failures: 0,
          };
          await deps.inbox.put(entry);
          await process(entry);
        })(),
      );
    },
    async resume() {
      for (const entry of await deps.inbox.all()) track(process(entry));
      await this.settled();
    },
    async settled() {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}
