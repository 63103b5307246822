import { storage } from 'wxt/utils/storage';
import type { BatchView, BulkPreview, JobView, MessageResponse } from '@/utils/messaging/protocol';
import { liveJobCount } from '@/utils/downloads/types';
import { errorText } from '@/utils/views/error-text';

/** The bulk download this page started; kept in storage so leaving the page or restarting the browser loses nothing. */
export interface BulkRun {
  batchIds: string[];
  startedAt: string;
  /** Reports left out because they were already archived or already on their way. */
  skipped: number;
}

export const bulkRunItem = storage.defineItem<BulkRun | null>('local:bulkRun', { fallback: null });

export interface RunProgress {
  total: number;
  done: number;
  failed: number;
  cancelled: number;
  /** Jobs still waiting, asking for a link or downloading. */
  live: number;
  /** Every batch with work left is paused. */
  paused: boolean;
  /** Why the background stopped a batch by itself (a disk problem), if it did. */
  stoppedReason?: string;
}

export function liveCount(batch: BatchView): number {
  return liveJobCount(batch.counts);
}

/** One overall figure across the run's batches (one per account). */
export function summarize(batches: BatchView[]): RunProgress {
  const sum = (pick: (b: BatchView) => number) => batches.reduce((n, b) => n + pick(b), 0);
  const working = batches.filter((b) => liveCount(b) > 0);
  return {
    total: sum((b) => b.total),
    done: sum((b) => b.counts.done),
    failed: sum((b) => b.counts.failed),
    cancelled: sum((b) => b.counts.cancelled),
    live: sum(liveCount),
    paused: working.length > 0 && working.every((b) => b.paused),
    stoppedReason: stoppedText(batches.find((b) => b.stoppedReason)),
  };
}

export interface FailureGroup {
  reason: string;
  reportIds: string[];
}

/** The first stopped batch's reason, in the UI language when its code is known. */
function stoppedText(batch: BatchView | undefined): string | undefined {
  return batch?.stoppedReason && errorText({ code: batch.stoppedCode, userMessage: batch.stoppedReason });
}

/** Failed jobs by what went wrong, the most frequent reason first. */
export function groupFailures(jobs: JobView[], unknownReason: string): FailureGroup[] {
  const groups = new Map<string, string[]>();
  for (const job of jobs) {
    if (job.state !== 'failed') continue;
    const reason = job.error ? errorText(job.error) || unknownReason : unknownReason;
    groups.set(reason, [...(groups.get(reason) ?? []), job.reportId]);
  }
  return [...groups]
    .map(([reason, reportIds]) => ({ reason, reportIds }))
    .sort((a, b) => b.reportIds.length - a.reportIds.length);
}

/** Batches that have failed jobs: where "Retry failed" has something to do. */
export function batchesWithFailures(batches: BatchView[]): string[] {
  return batches.filter((b) => b.counts.failed > 0).map((b) => b.batchId);
}

export interface Started {
  batchIds: string[];
  queued: number;
  skipped: number;
  /** The first account whose batch could not be started, if any. */
  failure?: unknown;
}

/** One batch per account with something to download; the batches that start count even if another account fails. */
export async function startBatches(
  preview: BulkPreview,
  download: (accountId: string, reportIds: string[]) => Promise<MessageResponse<'downloadReports'>>,
): Promise<Started> {
  const settled = await Promise.allSettled(
    preview.perAccount.filter((p) => p.reportIds.length > 0).map((p) => download(p.accountId, p.reportIds)),
  );
  const results = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  return {
    batchIds: results.flatMap((r) => (r.batchId ? [r.batchId] : [])),
    queued: results.reduce((n, r) => n + r.queued, 0),
    skipped: results.reduce((n, r) => n + r.skipped, 0),
    failure: settled.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason,
  };
}
