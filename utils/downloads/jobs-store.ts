import { promisifyRequest, type UseStore } from 'idb-keyval';
import {
  LIVE_STATES,
  type DownloadBatch,
  type DownloadJob,
  type HistoryEntry,
  type JobState,
  type PipelineEvent,
} from './types';

/**
 * The queue's own IndexedDB database, one object store keyed by arrays: `['job', id]`, `['batch', id]` and
 * `['history', accountId, reportId]`. One store is enough because IndexedDB orders array keys, so each kind is a
 * key range, and a single readwrite transaction can change jobs, their batch counts and the history together.
 * Two indexes hold jobs only (batches and history lack their key paths): by state, so a pump reads the live jobs
 * and never the finished ones, and by batch.
 */
export type JobsDb = UseStore;

const DB_NAME = 'report-courier-jobs';
const STORE = 'jobs';
/** 1: the store alone (as idb-keyval created it); 2: the two indexes. */
const VERSION = 2;
export const BY_STATE = 'by-state';
export const BY_BATCH = 'by-batch';

function upgrade(request: IDBOpenDBRequest): void {
  const db = request.result;
  const store = db.objectStoreNames.contains(STORE)
    ? request.transaction!.objectStore(STORE)
    : db.createObjectStore(STORE);
  // Built from the records already there, so an existing user's queue is indexed in the same upgrade.
  if (!store.indexNames.contains(BY_STATE)) store.createIndex(BY_STATE, ['state', 'updatedAt']);
  if (!store.indexNames.contains(BY_BATCH)) store.createIndex(BY_BATCH, 'batchId');
}

export function openJobsDb(): JobsDb {
  let opening: Promise<IDBDatabase> | undefined;
  const open = () => {
    const request = indexedDB.open(DB_NAME, VERSION);
    request.onupgradeneeded = () => upgrade(request);
    const opened = promisifyRequest<IDBDatabase>(request);
    opened.then(
      (db) => {
        // A newer version of the extension upgrading the database must not wait for this one; reopen on next use.
        db.onversionchange = () => {
          db.close();
          opening = undefined;
        };
        db.onclose = () => (opening = undefined);
      },
      () => (opening = undefined),
    );
    return opened;
  };
  return (mode, callback) =>
    (opening ??= open()).then((db) => callback(db.transaction(STORE, mode).objectStore(STORE)));
}

type Key = (string | number)[];
export const jobKey = (id: string): Key => ['job', id];
export const batchKey = (id: string): Key => ['batch', id];
const historyKey = (accountId: string, reportId: string): Key => ['history', accountId, reportId];
/** Every key that starts with `prefix`: arrays sort after strings and numbers, so `[...prefix, []]` is above them all. */
export const keysUnder = (...prefix: string[]): IDBKeyRange => IDBKeyRange.bound(prefix, [...prefix, []]);

/** Jobs in `states`, read through the state index: as many records as there are such jobs, whatever else is stored. */
export async function jobsIn(store: IDBObjectStore, states: readonly JobState[]): Promise<DownloadJob[]> {
  const index = store.index(BY_STATE);
  const lists = await Promise.all(
    states.map((state) => promisifyRequest<DownloadJob[]>(index.getAll(keysUnder(state)))),
  );
  return lists.flat();
}

/** One readwrite transaction; `saveJob` keeps the batch counts in step, so they can never drift from the jobs. */
export interface JobsTx {
  job(id: string): Promise<DownloadJob | undefined>;
  /** Jobs in live states (by default all of them: queued, requesting a URL, downloading). */
  liveJobs(states?: readonly JobState[]): Promise<DownloadJob[]>;
  batchJobs(batchId: string): Promise<DownloadJob[]>;
  batch(id: string): Promise<DownloadBatch | undefined>;
  /** Every batch: few once finished ones are pruned (see `prune.ts`). */
  batches(): Promise<DownloadBatch[]>;
  history(accountId: string, reportId: string): Promise<HistoryEntry | undefined>;
  saveJob(job: DownloadJob): Promise<void>;
  saveBatch(batch: DownloadBatch): void;
  saveHistory(entry: HistoryEntry): void;
  /** Removes batches and all their jobs. */
  removeBatches(batchIds: string[]): Promise<void>;
}

export interface Committed<T> {
  result: T;
  events: PipelineEvent[];
}

/** A transaction that did not commit, with the batches it was about to change (the caller stops them). */
export class JobsWriteError extends Error {
  override name = 'JobsWriteError';
  constructor(
    readonly cause: unknown,
    readonly batchIds: string[],
  ) {
    super(`The download queue could not be saved: ${(cause as { name?: string } | null)?.name ?? String(cause)}`);
  }
}

/** Runs `work` in one transaction (it must await only this transaction's requests) and reports what changed. */
export async function transact<T>(db: JobsDb, work: (tx: JobsTx) => Promise<T>): Promise<Committed<T>> {
  const touched = new Set<string>();
  try {
    return await db('readwrite', (store) => runTransaction(store, work, touched));
  } catch (error) {
    throw new JobsWriteError(error, [...touched]);
  }
}

async function runTransaction<T>(
  store: IDBObjectStore,
  work: (tx: JobsTx) => Promise<T>,
  touched: Set<string>,
): Promise<Committed<T>> {
  const get = <V>(key: Key) => promisifyRequest<V | undefined>(store.get(key));
  const jobs = new Map<string, DownloadJob | undefined>();
  const batches = new Map<string, DownloadBatch | undefined>();
  const dirtyJobs = new Map<string, DownloadJob>();
  const dirtyBatches = new Map<string, DownloadBatch>();
  const removed: PipelineEvent & { type: 'removed' } = { type: 'removed', jobIds: [], batchIds: [] };
  // Requests in one transaction run in order, so a read after a write sees it; the maps keep one object per record.
  const known = (found: DownloadJob[]) =>
    found.map((job) => {
      if (!jobs.has(job.id)) jobs.set(job.id, job);
      return jobs.get(job.id) ?? job;
    });

  const tx: JobsTx = {
    async job(id) {
      if (!jobs.has(id)) jobs.set(id, await get<DownloadJob>(jobKey(id)));
      return jobs.get(id);
    },
    liveJobs: async (states = LIVE_STATES) => known(await jobsIn(store, states)),
    batchJobs: async (batchId) => known(await promisifyRequest<DownloadJob[]>(store.index(BY_BATCH).getAll(batchId))),
    async batch(id) {
      if (!batches.has(id)) batches.set(id, await get<DownloadBatch>(batchKey(id)));
      return batches.get(id);
    },
    async batches() {
      const all = await promisifyRequest<DownloadBatch[]>(store.getAll(keysUnder('batch')));
      for (const batch of all) if (!batches.has(batch.id)) batches.set(batch.id, batch);
      return all.map((batch) => batches.get(batch.id) ?? batch);
    },
    history: (accountId, reportId) => get<HistoryEntry>(historyKey(accountId, reportId)),
    async saveJob(job) {
      touched.add(job.batchId);
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
      touched.add(batch.id);
      batches.set(batch.id, batch);
      dirtyBatches.set(batch.id, batch);
      store.put(batch, batchKey(batch.id));
    },
    saveHistory(entry) {
      store.put(entry, historyKey(entry.accountId, entry.reportId));
    },
    async removeBatches(batchIds) {
      for (const batchId of batchIds) {
        const keys = await promisifyRequest<IDBValidKey[]>(store.index(BY_BATCH).getAllKeys(batchId));
        for (const key of keys) store.delete(key);
        store.delete(batchKey(batchId));
        removed.jobIds.push(...keys.map((key) => String((key as Key)[1])));
        removed.batchIds.push(batchId);
      }
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
}
