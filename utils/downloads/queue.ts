import type { Report } from '../amazon-pay/types';
import { reportFilename } from './filenames';
import type { JobsTx } from './jobs-store';
import { emptyCounts, IN_FLIGHT_STATES, type DownloadJob, type JobState } from './types';

/** Queue operations: each runs inside one transaction, so a decision and its writes can never be split. */

/** Dates may arrive as `Date` (from the client) or as ISO strings (after crossing a message boundary). */
export type QueuedReport = Pick<Report, 'reportId' | 'reportType' | 'reportDocumentId'> & {
  startTime: Date | string;
  endTime: Date | string;
};

export interface EnqueueOptions {
  accountLabel: string;
  /** Download again even if the history says this report was already archived. */
  force?: boolean;
}

export type SkipReason = 'live' | 'downloaded' | 'not-ready';

export interface EnqueueResult {
  /** Absent when every report was skipped: no empty batch is created. */
  batchId?: string;
  queued: DownloadJob[];
  skipped: { reportId: string; reason: SkipReason }[];
}

const iso = (value: Date | string): string => (value instanceof Date ? value.toISOString() : value);

export async function enqueueReports(
  tx: JobsTx,
  accountId: string,
  reports: QueuedReport[],
  options: EnqueueOptions & { now: number; newId: () => string },
): Promise<EnqueueResult> {
  const { now, newId } = options;
  const busy = new Set((await tx.liveJobs()).filter((j) => j.accountId === accountId).map((j) => j.reportId));
  const result: EnqueueResult = { queued: [], skipped: [] };
  const batchId = newId();
  for (const report of reports) {
    let reason: SkipReason | undefined;
    if (!report.reportDocumentId) reason = 'not-ready';
    else if (busy.has(report.reportId)) reason = 'live';
    else if (!options.force && (await tx.history(accountId, report.reportId))) reason = 'downloaded';
    if (reason) {
      result.skipped.push({ reportId: report.reportId, reason });
      continue;
    }
    if (result.queued.length === 0) {
      tx.saveBatch({
        id: batchId,
        accountId,
        createdAt: now,
        updatedAt: now,
        total: 0,
        counts: emptyCounts(),
        paused: false,
      });
    }
    busy.add(report.reportId);
    const times = { startTime: iso(report.startTime), endTime: iso(report.endTime) };
    const names = { accountLabel: options.accountLabel, reportType: report.reportType, reportId: report.reportId };
    const job: DownloadJob = {
      id: newId(),
      accountId,
      reportId: report.reportId,
      reportDocumentId: report.reportDocumentId as string,
      reportType: report.reportType,
      ...times,
      accountLabel: options.accountLabel,
      batchId,
      position: result.queued.length,
      state: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      filename: reportFilename({ ...names, ...times }),
      createdAt: now,
      updatedAt: now,
    };
    await tx.saveJob(job);
    result.queued.push(job);
  }
  if (result.queued.length > 0) result.batchId = batchId;
  return result;
}

const byQueueOrder = (a: DownloadJob, b: DownloadJob) =>
  a.createdAt - b.createdAt || a.batchId.localeCompare(b.batchId) || a.position - b.position;

/** How much may run at once: jobs in flight in all, and of those, jobs waiting for Amazon to hand out a URL. */
export interface Slots {
  inFlight: number;
  requests: number;
}

/**
 * Moves as many due jobs to `requesting-url` as free slots allow, counting the in-flight jobs stored (not those
 * this worker remembers), and says when the earliest backed-off job becomes due.
 */
export async function claimJobs(
  tx: JobsTx,
  slots: Slots,
  now: number,
): Promise<{ claimed: DownloadJob[]; wakeAt?: number }> {
  const jobs = await tx.liveJobs();
  const requesting = jobs.filter((j) => j.state === 'requesting-url').length;
  const inFlight = jobs.filter((j) => IN_FLIGHT_STATES.includes(j.state)).length;
  let free = Math.min(slots.inFlight - inFlight, slots.requests - requesting);
  const claimed: DownloadJob[] = [];
  let wakeAt: number | undefined;
  for (const job of jobs.filter((j) => j.state === 'queued').sort(byQueueOrder)) {
    if (free <= 0) break;
    if ((await tx.batch(job.batchId))?.paused) continue;
    if (job.nextAttemptAt > now) {
      wakeAt = Math.min(wakeAt ?? Infinity, job.nextAttemptAt);
      continue;
    }
    const next: DownloadJob = {
      ...job,
      state: 'requesting-url',
      attempts: job.attempts + 1,
      requestedAt: now,
      updatedAt: now,
    };
    await tx.saveJob(next);
    claimed.push(next);
    free -= 1;
  }
  return { claimed, wakeAt };
}

/** Compare-and-set: changes the job only if it is still where the caller last saw it, so late events are no-ops. */
export async function moveJob(
  tx: JobsTx,
  jobId: string,
  expected: { state: JobState; downloadId?: number },
  change: (job: DownloadJob) => Partial<DownloadJob>,
  now: number,
): Promise<DownloadJob | undefined> {
  const job = await tx.job(jobId);
  if (!job || job.state !== expected.state) return undefined;
  if (expected.downloadId !== undefined && job.downloadId !== expected.downloadId) return undefined;
  const next: DownloadJob = { ...job, ...change(job), updatedAt: now };
  await tx.saveJob(next);
  return next;
}
