import type { JobsTx } from './jobs-store';
import type { DownloadJob, JobError } from './types';

/** Batch-wide operations (what a view's Pause, Resume, Retry failed and Cancel buttons do), one transaction each. */

export async function setPaused(tx: JobsTx, batchId: string, paused: boolean, now: number): Promise<boolean> {
  const batch = await tx.batch(batchId);
  if (!batch) return false;
  tx.saveBatch({ ...batch, paused, stopped: paused ? batch.stopped : undefined, updatedAt: now });
  return true;
}

/** The pipeline's own pause: the rest of the batch stays queued until the user has fixed the cause. */
export async function stopBatch(tx: JobsTx, batchId: string, reason: JobError, now: number): Promise<void> {
  const batch = await tx.batch(batchId);
  if (batch) tx.saveBatch({ ...batch, paused: true, stopped: reason, updatedAt: now });
}

/** Failed jobs start over with a full set of attempts, and the batch runs again. */
export async function retryFailed(tx: JobsTx, batchId: string, now: number): Promise<number> {
  const failed = (await tx.batchJobs(batchId)).filter((j) => j.state === 'failed');
  for (const job of failed) {
    const next: DownloadJob = { ...job, state: 'queued', attempts: 0, nextAttemptAt: now, updatedAt: now };
    await tx.saveJob({ ...next, error: undefined, downloadId: undefined });
  }
  await setPaused(tx, batchId, false, now);
  return failed.length;
}

export interface Cancelled {
  jobs: DownloadJob[];
  /** Browser downloads still running for the cancelled jobs: the caller cancels them after the commit. */
  downloadIds: number[];
}

export async function cancelJobs(tx: JobsTx, target: string[] | { batchId: string }, now: number): Promise<Cancelled> {
  const targeted = Array.isArray(target)
    ? (job: DownloadJob) => target.includes(job.id)
    : (job: DownloadJob) => job.batchId === target.batchId;
  const live = (await tx.liveJobs()).filter(targeted);
  const result: Cancelled = { jobs: [], downloadIds: [] };
  for (const job of live) {
    if (job.state === 'downloading' && job.downloadId !== undefined) result.downloadIds.push(job.downloadId);
    const next: DownloadJob = { ...job, state: 'cancelled', updatedAt: now };
    await tx.saveJob(next);
    result.jobs.push(next);
  }
  return result;
}
