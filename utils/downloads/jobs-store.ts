import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { DownloadBatch, DownloadJob, HistoryEntry, PipelineEvent } from './types';

/**
 * The queue's own IndexedDB database, one object store keyed by arrays: `['job', id]`, `['batch', id]` and
 * `['history', accountId, reportId]`. One store (idb-keyval's `createStore` makes exactly one) is enough because
 * IndexedDB orders array keys, so each kind is a key range, and a single readwrite transaction can change jobs,
 * their batch counts and the history together.
 */
export type JobsDb = UseStore;

export function openJobsDb(): JobsDb {
  return createStore('report-courier-jobs', 'jobs');
}

type Key = (string | number)[];
const jobKey = (id: string): Key => ['job', id];
const batchKey = (id: string): Key => ['batch', id];
const historyKey = (accountId: string, reportId: string): Key => ['history', accountId, reportId];
/** Every key that starts with `prefix`: arrays sort after strings, so `[...prefix, []]` is above them all. */
export const keysUnder = (...prefix: string[]): IDBKeyRange => IDBKeyRange.bound(prefix, [...prefix, []]);

/** One readwrite transaction; `saveJob` keeps the batch counts in step, so they can never drift from the jobs. */
export interface JobsTx {
  job(id: string): Promise<DownloadJob | undefined>;
  jobs(): Promise<DownloadJob[]>;
  batch(id: string): Promise<DownloadBatch | undefined>;
  history(accountId: string, reportId: string): Promise<HistoryEntry | undefined>;
  saveJob(job: DownloadJob): Promise<void>;
  saveBatch(batch: DownloadBatch): void;
  saveHistory(entry: HistoryEntry): void;
  remove(jobIds: string[], batchIds: string[]): void;
}

export interface Committed<T> {
  result: T;
  events: PipelineEvent[];
}

/** Runs `work` in one transaction (it must await only this transaction's requests) and reports what changed. */
export function transact<T>(db: JobsDb, work: (tx: JobsTx) => Promise<T>): Promise<Committed<T>> {
  return db('readwrite', async (store) => {
    const get = <V>(key: Key) => promisifyRequest<V | undefined>(store.get(key));
    const jobs = new Map<string, DownloadJob | undefined>();
    const batches = new Map<string, DownloadBatch | undefined>();
    const dirtyJobs = new Map<string, DownloadJob>();
    const dirtyBatches = new Map<string, DownloadBatch>();
    const removed: PipelineEvent & { type: 'removed' } = { type: 'removed', jobIds: [], batchIds: [] };

    const tx: JobsTx = {
      async job(id) {
        if (!jobs.has(id)) jobs.set(id, await get<DownloadJob>(jobKey(id)));
        return jobs.get(id);
      },
      async jobs() {
        const all = await promisifyRequest<DownloadJob[]>(store.getAll(keysUnder('job')));
        for (const job of all) if (!jobs.has(job.id)) jobs.set(job.id, job);
        return all.map((job) => jobs.get(job.id) ?? job);
      },
      async batch(id) {
        if (!batches.has(id)) batches.set(id, await get<DownloadBatch>(batchKey(id)));
        return batches.get(id);
      },
      history: (accountId, reportId) => get<HistoryEntry>(historyKey(accountId, reportId)),
      async saveJob(job) {
        const previous = await tx.job(job.id);
        const batch = await tx.batch(job.batchId);
        if (batch && previous?.state !== job.state) {
          const counts = { ...batch.counts, [job.state]: batch.counts[job.state] + 1 };
          if (previous) counts[previous.state] -= 1;
          tx.saveBatch({ ...batch, counts, total: batch.total + (previous ? 0 : 1), updatedAt: job.updatedAt });
        }
        jobs.set(job.id, job);
        dirtyJobs.set(job.id, job);
        store.put(job, jobKey(job.id));
      },
      saveBatch(batch) {
        batches.set(batch.id, batch);
        dirtyBatches.set(batch.id, batch);
        store.put(batch, batchKey(batch.id));
      },
      saveHistory(entry) {
        store.put(entry, historyKey(entry.accountId, entry.reportId));
      },
      remove(jobIds, batchIds) {
        for (const id of jobIds) store.delete(jobKey(id));
        for (const id of batchIds) store.delete(batchKey(id));
        removed.jobIds.push(...jobIds);
        removed.batchIds.push(...batchIds);
      },
    };

    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      // Nothing half-done may land: a thrown decision leaves the queue as it was.
      try {
        store.transaction.abort();
      } catch {
        // abort() throws once the transaction has ended; the original error is the one worth reporting.
      }
      throw error;
    }
    await promisifyRequest(store.transaction);
    const events: PipelineEvent[] = [
      ...[...dirtyJobs.values()].map((job) => ({ type: 'job' as const, job })),
      ...[...dirtyBatches.values()].map((batch) => ({ type: 'batch' as const, batch })),
    ];
    if (removed.jobIds.length + removed.batchIds.length > 0) events.push(removed);
    return { result, events };
  });
}

export interface QueueSnapshot {
  jobs: DownloadJob[];
  batches: DownloadBatch[];
}

export function readSnapshot(db: JobsDb): Promise<QueueSnapshot> {
  return db('readonly', async (store) => ({
    jobs: await promisifyRequest<DownloadJob[]>(store.getAll(keysUnder('job'))),
    batches: await promisifyRequest<DownloadBatch[]>(store.getAll(keysUnder('batch'))),
  }));
}

export function readJob(db: JobsDb, id: string): Promise<DownloadJob | undefined> {
  return db('readonly', (store) => promisifyRequest<DownloadJob | undefined>(store.get(jobKey(id))));
}

export function readHistory(db: JobsDb, accountId?: string): Promise<HistoryEntry[]> {
  const range = accountId === undefined ? keysUnder('history') : keysUnder('history', accountId);
  return db('readonly', (store) => promisifyRequest<HistoryEntry[]>(store.getAll(range)));
}
