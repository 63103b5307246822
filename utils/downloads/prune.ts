import { DAY_MS } from '../time/days';
import type { JobsTx } from './jobs-store';
import { liveJobCount, type DownloadBatch } from './types';

/**
 * Finished batches are kept a while, so views can still show how a run ended, then forgotten with their jobs.
 * The history, the archive record of what was downloaded, is never pruned.
 */
export interface KeepFinished {
  /** Jobs of finished batches kept in all (the newest batch is kept whatever its size). */
  jobs: number;
  /** A finished batch older than this goes regardless. */
  ageMs: number;
}

export const KEEP_FINISHED: KeepFinished = { jobs: 2_000, ageMs: 7 * DAY_MS };

export const isFinished = (batch: DownloadBatch): boolean => liveJobCount(batch.counts) === 0;

/** Removes the finished batches beyond `keep`, newest kept first; returns their ids. */
export async function pruneFinished(tx: JobsTx, keep: KeepFinished, now: number): Promise<string[]> {
  const finished = (await tx.batches()).filter(isFinished).sort((a, b) => b.updatedAt - a.updatedAt);
  let kept = 0;
  const drop: string[] = [];
  for (const batch of finished) {
    const tooOld = now - batch.updatedAt > keep.ageMs;
    if (tooOld || (kept > 0 && kept + batch.total > keep.jobs)) drop.push(batch.id);
    else kept += batch.total;
  }
  await tx.removeBatches(drop);
  return drop;
}
