import type { Page } from 'playwright-core';
import type { SeededMerchant } from '../../emulator/index';
import { importSeededAccount, type Region, type Stack } from './stack';

/** The shapes the drills read from the background's replies (a subset of utils/messaging/protocol.ts). */
export interface ReportRow {
  reportId: string;
  reportType: string;
  processingStatus: string;
  reportDocumentId?: string;
}
export interface JobRow {
  jobId: string;
  batchId: string;
  reportId: string;
  state: string;
  filename?: string;
  error?: { code: string; userMessage: string };
}
export interface BatchRow {
  batchId: string;
  total: number;
  counts: Record<string, number>;
  paused: boolean;
  stoppedReason?: string;
}

export type Send = <T = any>(type: string, payload: unknown) => Promise<T>;

/** Talks to the real background from an extension page, as the views do; throws the error of an `ok: false` reply. */
export function messenger(page: Page): Send {
  return async (type, payload) => {
    const reply = await page.evaluate(
      ([t, p]) => (globalThis as any).chrome.runtime.sendMessage({ type: t, payload: p }),
      [type, payload] as const,
    );
    if (!reply?.ok) throw new Error(`${type} failed: ${JSON.stringify(reply?.error ?? reply)}`);
    return reply.value;
  };
}

export interface Driver {
  page: Page;
  send: Send;
  accountId: string;
  merchant: SeededMerchant;
}

/** Adds the region's seeded live merchant through the options page and keeps that page open to drive the background. */
export async function driveAccount(stack: Stack, label: string, region: Region = 'eu'): Promise<Driver> {
  const page = await stack.browser.openPage('options.html');
  const merchant = await importSeededAccount(page, label, region);
  const send = messenger(page);
  const { accounts } = await send<{ accounts: { id: string; label: string }[] }>('listAccounts', {});
  const accountId = accounts.find((a) => a.label === label)!.id;
  return { page, send, accountId, merchant };
}

/** Lists the account afresh and returns its first `count` completed reports (all of them when count is omitted). */
export async function completedReports(driver: Driver, count?: number): Promise<ReportRow[]> {
  const listing = await driver.send<{ reports: ReportRow[]; refreshError?: unknown }>('listReports', {
    accountId: driver.accountId,
    mode: 'fresh',
  });
  if (listing.refreshError) throw new Error(`listing failed: ${JSON.stringify(listing.refreshError)}`);
  const completed = listing.reports.filter((r) => r.processingStatus === 'COMPLETED' && r.reportDocumentId);
  if (count !== undefined && completed.length < count)
    throw new Error(`only ${completed.length} completed reports, need ${count}`);
  return count === undefined ? completed : completed.slice(0, count);
}

export async function startBulk(driver: Pick<Driver, 'send' | 'accountId'>, reports: ReportRow[]): Promise<string> {
  const batch = await driver.send<{ batchId: string; queued: number }>('downloadReports', {
    accountId: driver.accountId,
    reportIds: reports.map((r) => r.reportId),
  });
  if (batch.queued !== reports.length) throw new Error(`queued ${batch.queued} of ${reports.length}`);
  return batch.batchId;
}

export async function downloadsOf(send: Send, batchId: string): Promise<{ batch?: BatchRow; jobs: JobRow[] }> {
  const snapshot = await send<{ jobs: JobRow[]; batches: BatchRow[] }>('getDownloads', {});
  return {
    batch: snapshot.batches.find((b) => b.batchId === batchId),
    jobs: snapshot.jobs.filter((j) => j.batchId === batchId),
  };
}

const FINAL = ['done', 'failed', 'cancelled'];

/**
 * Polls `getDownloads` (as the options page does; each poll also wakes a stopped worker) until every job of the
 * batch is final or the batch is paused with nothing in flight. Returns the last snapshot; throws once no job has
 * become final for `timeoutMs`.
 */
export async function waitForBatch(
  send: Send,
  batchId: string,
  timeoutMs: number,
  intervalMs = 250,
): Promise<{ batch: BatchRow; jobs: JobRow[] }> {
  // The bound is on a stall, not on the whole batch: a busy machine slows a batch down without stopping it.
  let deadline = Date.now() + timeoutMs;
  let progress = -1;
  let last: { batch?: BatchRow; jobs: JobRow[] } = { jobs: [] };
  while (Date.now() < deadline) {
    last = await downloadsOf(send, batchId).catch(() => last);
    const b = last.batch;
    if (b && b.total > 0) {
      const settled = FINAL.reduce((n, s) => n + (b.counts[s] ?? 0), 0);
      const inFlight = (b.counts['requesting-url'] ?? 0) + (b.counts.downloading ?? 0);
      if (settled === b.total || (b.paused && inFlight === 0)) return { batch: b, jobs: last.jobs };
      if (settled > progress) {
        progress = settled;
        deadline = Date.now() + timeoutMs;
      }
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`batch ${batchId} made no progress for ${timeoutMs} ms: ${JSON.stringify(last.batch?.counts)}`);
}

/** SHA-256 keys of the files the ledger holds, read from an extension page (the ledger lives in its origin). */
export const ledgerFileKeys = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('report-courier-ledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('files')) {
            db.close();
            return resolve([]);
          }
          const all = db.transaction('files').objectStore('files').getAllKeys();
          all.onsuccess = () => {
            resolve(all.result as string[]);
            db.close();
          };
        };
      }),
  );
