/** Capture at download: a settlement handed to downloads.download() ends up in the ledger, through the inbox (issue 16 §1). */
import { beforeEach, describe, expect, it } from 'vitest';
import { SETTLEMENT } from '@/utils/amazon-pay/report-types';
import { createSettlementCapture, type CaptureDeps } from '@/utils/capture/capture';
import { openInbox, type Inbox, type InboxEntry } from '@/utils/capture/inbox';
import type { DownloadJob } from '@/utils/downloads/types';
import { openLedgerDb } from '@/utils/ledger/db';
import { listSettlements } from '@/utils/ledger/queries';
import { settlementFile } from '../../emulator/settlement-file';

const HOST = 'https://tortuga-prod-na.s3-external-1.amazonaws.com';
const file = settlementFile({ seed: 'capture', activityRows: 6 });

let n = 0;
let ledger: IDBDatabase;
let inbox: Inbox;
beforeEach(async () => {
  n += 1;
  ledger = await openLedgerDb(`capture-ledger-${n}`);
  inbox = openInbox(`capture-inbox-${n}`);
  return () => ledger.close();
});

function job(overrides: Partial<DownloadJob> = {}): DownloadJob {
  return {
    id: 'j1',
    accountId: 'acc-1',
    reportId: 'R1',
    reportDocumentId: 'amzn1.tortuga.3.doc1',
    reportType: SETTLEMENT,
    startTime: '2026-10-01T00:00:00.000Z',
    endTime: '2026-10-02T00:00:00.000Z',
    accountLabel: 'Shop',
    batchId: 'b1',
    position: 0,
    state: 'downloading',
    attempts: 1,
    nextAttemptAt: 0,
    filename: 'AmazonPay/Shop/Settlement/2026-10-01_2026-10-02_R1.csv',
    ...overrides,
  } as DownloadJob;
}

/** A document host: each URL serves the file until it is marked expired (403, as S3 answers). */
function host() {
  const expired = new Set<string>();
  const requested: string[] = [];
  const fetch = (async (url: string) => {
    requested.push(url);
    if (expired.has(url)) return new Response('<Error><Code>AccessDenied</Code></Error>', { status: 403 });
    return new Response(new Uint8Array(file.bytes));
  }) as typeof globalThis.fetch;
  return { fetch, expired, requested };
}

function capture(overrides: Partial<CaptureDeps> = {}) {
  const learned: Array<[string, string]> = [];
  const errors: unknown[] = [];
  const freshUrls: string[] = [];
  const deps: CaptureDeps = {
    inbox,
    ledger: async () => ledger,
    permitted: async (origin) => origin === HOST,
    freshUrl: async (entry) => {
      const url = `${HOST}/%2FNinetyDays/${entry.reportDocumentId}?fresh=${freshUrls.length + 1}`;
      freshUrls.push(url);
      return url;
    },
    busy: async () => false,
    learned: async (accountId, sellerId) => void learned.push([accountId, sellerId]),
    onError: (error) => void errors.push(error),
    idlePollMs: 5,
    ...overrides,
  };
  return { capture: createSettlementCapture(deps), learned, errors, freshUrls };
}

const url = `${HOST}/%2FNinetyDays/amzn1.tortuga.3.doc1?X-Amz-Expires=30`;
const settlementIds = async () => (await listSettlements(ledger)).map((s) => s.summary.settlementId);

describe('capture at download', () => {
  it("imports the downloaded settlement into the ledger, learns the account's seller id and empties the inbox", async () => {
    const documentHost = host();
    const { capture: c, learned, errors } = capture({ fetch: documentHost.fetch });
    c.offer(job(), url);
    await c.settled();
    expect(errors).toEqual([]);
    expect(documentHost.requested).toEqual([url]);
    expect(await settlementIds()).toEqual([file.settlementId]);
    expect(learned).toEqual([['acc-1', file.sellerId]]);
    expect(await inbox.all()).toEqual([]);
  });

  it('reads nothing without the merchant’s permission for that origin, and nothing but settlements', async () => {
    const documentHost = host();
    const { capture: c } = capture({ fetch: documentHost.fetch, permitted: async () => false });
    c.offer(job(), url);
    const { capture: allowed } = capture({ fetch: documentHost.fetch });
    allowed.offer(job({ reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_' }), url);
    allowed.offer(job(), 'https://evil.example/%2FNinetyDays/doc1');
    await Promise.all([c.settled(), allowed.settled()]);
    expect(documentHost.requested).toEqual([]);
    expect(await settlementIds()).toEqual([]);
  });

  it('asks for a fresh URL when the one it got has expired', async () => {
    const documentHost = host();
    documentHost.expired.add(url);
    const { capture: c, freshUrls, errors } = capture({ fetch: documentHost.fetch });
    c.offer(job(), url);
    await c.settled();
    expect(errors).toEqual([]);
    expect(documentHost.requested).toEqual([url, freshUrls[0]]);
    expect(await settlementIds()).toEqual([file.settlementId]);
  });

  it('never imports while downloads are in flight, and does once they end', async () => {
    let downloading = true;
    const { capture: c } = capture({ fetch: host().fetch, busy: async () => downloading });
    c.offer(job(), url);
    await expect.poll(async () => (await inbox.all())[0]?.bytes?.byteLength).toBe(file.bytes.byteLength);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await settlementIds()).toEqual([]);
    downloading = false;
    await c.settled();
    expect(await settlementIds()).toEqual([file.settlementId]);
  });

  it('a new worker resumes what a stopped one left: fetched bytes are imported, an unfetched entry fetched again', async () => {
    const fetched: InboxEntry = {
      reportDocumentId: 'amzn1.tortuga.3.kept',
      accountId: 'acc-1',
      name: 'kept.csv',
      url: `${HOST}/%2FNinetyDays/kept`,
      bytes: new Uint8Array(file.bytes).buffer,
      addedAt: 1,
      failures: 0,
    };
    const other = settlementFile({ seed: 'capture-other', activityRows: 4 });
    const unfetched: InboxEntry = {
      reportDocumentId: 'amzn1.tortuga.3.stale',
      accountId: 'acc-2',
      name: 'stale.csv',
      url: `${HOST}/%2FNinetyDays/stale?expired`,
      addedAt: 2,
      failures: 0,
    };
    await inbox.put(fetched);
    await inbox.put(unfetched);
    const requested: string[] = [];
    const {
      capture: c,
      learned,
      errors,
    } = capture({
      fetch: (async (u: string) => {
        requested.push(u);
        return u.includes('expired')
          ? new Response('expired', { status: 403 })
          : new Response(new Uint8Array(other.bytes));
      }) as typeof fetch,
    });
    await c.resume();
    expect(errors).toEqual([]);
    expect(requested).toHaveLength(2);
    expect((await settlementIds()).sort()).toEqual([file.settlementId, other.settlementId].sort());
    expect(learned.sort()).toEqual(
      [
        ['acc-1', file.sellerId],
        ['acc-2', other.sellerId],
      ].sort(),
    );
    expect(await inbox.all()).toEqual([]);
  });

  it('keeps a failed entry with its count for the next start, and gives it up after five tries', async () => {
    const refusing = (async () => new Response('no', { status: 500 })) as typeof fetch;
    const { capture: c, errors } = capture({ fetch: refusing });
    c.offer(job(), url);
    await c.settled();
    expect(errors).toHaveLength(1);
    expect((await inbox.all()).map((e) => e.failures)).toEqual([1]);
    for (let i = 0; i < 4; i++) await capture({ fetch: refusing }).capture.resume();
    expect(await inbox.all()).toEqual([]);
    expect(await settlementIds()).toEqual([]);
  });
});
