import { promisifyRequest } from 'idb-keyval';
import { batchKey, BY_STATE, BY_BATCH, jobKey, jobsIn, keysUnder, type JobsDb } from './jobs-store';
import {
  LIVE_STATES,
  liveJobCount,
  type DownloadBatch,
  type DownloadJob,
  type HistoryEntry,
  type JobState,
} from './types';

/** Reads outside any write: each reads what it returns and no more (the indexes spare it the finished jobs). */

/** The newest `limit` jobs in `state`, newest first. */
async function newestIn(store: IDBObjectStore, state: JobState, limit: number): Promise<DownloadJob[]> {
  const found: DownloadJob[] = [];
  if (limit <= 0) return found;
  const cursor = store.index(BY_STATE).openCursor(keysUnder(state), 'prev');
  return new Promise((resolve, reject) => {
    cursor.onerror = () => reject(cursor.error);
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (at) found.push(at.value as DownloadJob);
      if (at && found.length < limit) at.continue();
      else resolve(found);
    };
  });
}

export function readJob(db: JobsDb, id: string): Promise<DownloadJob | undefined> {
  return db('readonly', (store) => promisifyRequest<DownloadJob | undefined>(store.get(jobKey(id))));
}

export function readBatch(db: JobsDb, id: string): Promise<DownloadBatch | undefined> {
  return db('readonly', (store) => promisifyRequest<DownloadBatch | undefined>(store.get(batchKey(id))));
}

export function readLiveJobs(db: JobsDb, states: readonly JobState[] = LIVE_STATES): Promise<DownloadJob[]> {
  return db('readonly', (store) => jobsIn(store, states));
}

export interface QueueSnapshot {
  jobs: DownloadJob[];
  batches: DownloadBatch[];
}

/** How much of the finished past a view is sent: its recent results, never the whole store. */
export interface RecentLimits {
  jobs: number;
  batches: number;
}

const FINISHED_STATES: readonly JobState[] = ['done', 'failed', 'cancelled'];

/**
 * What views show: batches with work left and every job of theirs (a running bulk lists all its reports), plus
 * the newest finished batches and jobs, within `limits`.
 */
export function readRecent(db: JobsDb, limits: RecentLimits): Promise<QueueSnapshot> {
  return db('readonly', async (store) => {
    const batches = await promisifyRequest<DownloadBatch[]>(store.getAll(keysUnder('batch')));
    const working = batches.filter((b) => liveJobCount(b.counts) > 0);
    const finished = batches
      .filter((b) => !working.includes(b))
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .slice(0, limits.batches);
    const jobs = new Map<string, DownloadJob>();
    for (const batch of working) {
      for (const job of await promisifyRequest<DownloadJob[]>(store.index(BY_BATCH).getAll(batch.id)))
        jobs.set(job.id, job);
    }
    const recent = (await Promise.all(FINISHED_STATES.map((state) => newestIn(store, state, limits.jobs)))).flat();
    recent.sort((a, b) => b.updatedAt - a.updatedAt);
    for (const job of recent.filter((j) => !jobs.has(j.id)).slice(0, limits.jobs)) jobs.set(job.id, job);
    return { jobs: [...jobs.values()], batches: [...working, ...finished] };
  });
}

export function readHistory(db: JobsDb, accountId?: string): Promise<HistoryEntry[]> {
  const range = accountId === undefined ? keysUnder('history') : keysUnder('history', accountId);
  return db('readonly', (store) => promisifyRequest<HistoryEntry[]>(store.getAll(range)));
}
