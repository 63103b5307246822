import type { DownloadDelta, DownloadsApi } from '../browser-api';
import * as batches from './batches';
import type { PipelineContext } from './context';
import { handleDelta } from './follow';
import { readLiveJobs, readRecent, type QueueSnapshot, type RecentLimits } from './jobs-reads';
import { openJobsDb, transact, type JobsDb, type JobsTx } from './jobs-store';
import { isFinished, KEEP_FINISHED, pruneFinished, type KeepFinished } from './prune';
import { claimJobs, enqueueReports, type EnqueueOptions, type EnqueueResult, type QueuedReport } from './queue';
import { recoverJobs } from './recovery';
import { runJob, type FetchDocument } from './runner';
import { createStorageFault, QueueStorageError } from './storage-fault';
import type { DownloadJob, PipelineEvent } from './types';

/** What views are sent besides the batches with work left (and all their jobs). */
export const RECENT_FOR_VIEWS: RecentLimits = { jobs: 500, batches: 50 };

export interface PipelineOptions {
  downloads: DownloadsApi;
  /** Asks Amazon for the document (and its 30-second URL); throws the Reports client's typed errors. */
  fetchDocument: FetchDocument;
  /** Jobs requesting a URL or downloading at once. */
  concurrency?: number;
  /** Of those, jobs waiting for a document URL at once: the pressure on Amazon's API (at most `concurrency`). */
  maxRequests?: number;
  /** Document URLs one job may use before it fails. */
  maxAttempts?: number;
  /** A cancel seen in the browser stands once this worker has outlived it by this long (quitting cancels too). */
  cancelGraceMs?: number;
  now?: () => number;
  /** Calls `wake` at `at` (epoch ms) when a backed-off job becomes due; see `wake.ts` for an alarm-backed one. */
  schedule?: (at: number, wake: () => void) => void;
  onChange?: (event: PipelineEvent) => void;
  /** Told of each document URL once downloads.download() has taken it (so it never waits for the listener). */
  afterDownload?: (job: DownloadJob, url: string) => void;
  /** Failures of background work nobody awaits (a storage error, say); they must not vanish silently. */
  onError?: (error: unknown) => void;
  db?: JobsDb;
  newId?: () => string;
  /** How much of the finished past stays stored (the history always does). */
  keepFinished?: KeepFinished;
}

export interface DownloadPipeline {
  enqueue(accountId: string, reports: QueuedReport[], options: EnqueueOptions): Promise<EnqueueResult>;
  /** Returns how many jobs were cancelled; their running browser downloads are cancelled too. */
  cancelJobs(target: string[] | { batchId: string }): Promise<number>;
  pause(batchId: string): Promise<void>;
  resume(batchId: string): Promise<void>;
  /** Returns how many failed jobs were queued again; also lifts a stop caused by a disk or storage error. */
  retryFailed(batchId: string): Promise<number>;
  /**
   * Call at every worker start: prunes finished batches, adopts or restarts what a killed worker left in flight,
   * then starts due jobs. Safe to call again at any time (it is the repair after a failed write): jobs this worker
   * is running are left alone.
   */
  recover(): Promise<void>;
  /** Feed every `downloads.onChanged` delta here (the listener is registered at the background's top level). */
  handleDownloadChanged(delta: DownloadDelta): Promise<void>;
  /** Starts due jobs in free slots; call it when the wake-up alarm (`wake.ts`) fires. */
  pump(): Promise<void>;
  /** What views show: batches with work left and all their jobs, plus a bounded set of recent results. */
  snapshot(): Promise<QueueSnapshot>;
  /** The jobs downloading right now (read through the state index: as many as there are). */
  downloading(): Promise<DownloadJob[]>;
  /** Resolves once no work started by this pipeline is pending (tests, and the background before it reports). */
  settled(): Promise<void>;
}

export function createDownloadPipeline(options: PipelineOptions): DownloadPipeline {
  const { downloads, fetchDocument } = options;
  const db = options.db ?? openJobsDb();
  const now = options.now ?? Date.now;
  // 8 and 4 kept a 500-report bulk at Amazon's pace (20 requests/s in the bench) where 6 and 3 fell 15 % behind.
  const concurrency = options.concurrency ?? 8;
  // Downloads of the S3 host need no API call, so they overlap the next jobs' URL requests.
  const slots = { inFlight: concurrency, requests: Math.min(options.maxRequests ?? 4, concurrency) };
  const schedule = options.schedule ?? ((at, wake) => setTimeout(wake, Math.max(0, at - now())));
  const onError = options.onError ?? ((error: unknown) => console.error('Download pipeline:', error));
  const newId = options.newId ?? (() => crypto.randomUUID());
  const pending = new Set<Promise<unknown>>();
  /** Jobs cancelled while their URL was being fetched: the URL, when it comes, is dropped. */
  const cancelledWhileFetching = new Set<string>();
  const keep = options.keepFinished ?? KEEP_FINISHED;
  let pruning: Promise<unknown> | undefined;
  let pumping: Promise<void> | undefined;
  let pumpAgain = false;
  let wakeAt: number | undefined;

  function track<T>(work: Promise<T>): Promise<T> {
    pending.add(work);
    work.then(
      () => pending.delete(work),
      () => pending.delete(work),
    );
    return work;
  }

  /** A failed write has already stopped its batches and scheduled the repair; anything else is reported. */
  function unexpected(error: unknown): void {
    if (!(error instanceof QueueStorageError)) onError(error);
  }

  function background(work: Promise<unknown>): void {
    track(work).catch(unexpected);
  }

  function publish(events: PipelineEvent[]): void {
    for (const event of events) {
      try {
        options.onChange?.(event);
      } catch (error) {
        onError(error);
      }
    }
  }

  const fault = createStorageFault({
    db,
    now,
    publish,
    scheduleRepair: (at) => schedule(at, () => void track(recover())),
  });

  async function save<T>(work: (tx: JobsTx) => Promise<T>): Promise<T> {
    let committed: Awaited<ReturnType<typeof transact<T>>>;
    try {
      committed = await transact(db, work);
    } catch (error) {
      throw await fault.record(error);
    }
    publish(committed.events);
    if (committed.events.some((e) => e.type === 'batch' && isFinished(e.batch))) prune();
    return committed.result;
  }

  /** One prune at a time; a batch ending meanwhile is covered by the next one. */
  function prune(): Promise<unknown> {
    pruning ??= track(
      save((tx) => pruneFinished(tx, keep, now()))
        .catch(unexpected)
        .finally(() => (pruning = undefined)),
    );
    return pruning;
  }

  const ctx: PipelineContext = {
    db,
    downloads,
    now,
    maxAttempts: options.maxAttempts ?? 4,
    save,
    pump: () => void pump(),
    running: new Set(),
    cancelGraceMs: options.cancelGraceMs ?? 2_000,
    cancelsHeard: new Set(),
    jobByDownload: new Map(),
    afterDownload: options.afterDownload,
  };

  function pump(): Promise<void> {
    // Nothing starts while the queue cannot record it: the repair pumps once writing works again.
    if (fault.active()) return Promise.resolve();
    if (pumping) {
      pumpAgain = true;
      return pumping;
    }
    pumping = track(
      (async () => {
        try {
          do {
            pumpAgain = false;
            const { claimed, wakeAt: due } = await save((tx) => claimJobs(tx, slots, now())).catch((error: unknown) => {
              if (error instanceof QueueStorageError) return { claimed: [], wakeAt: undefined };
              throw error;
            });
            for (const job of claimed) background(run(job));
            if (due !== undefined) scheduleWake(due);
          } while (pumpAgain && !fault.active());
        } finally {
          // In the same microtask as the last check of pumpAgain, so no request can slip in between.
          pumping = undefined;
        }
      })(),
    );
    pumping.catch(onError);
    return pumping;
  }

  function scheduleWake(at: number): void {
    if (wakeAt !== undefined && wakeAt <= at) return;
    wakeAt = at;
    schedule(at, () => {
      wakeAt = undefined;
      void pump();
    });
  }

  async function run(job: DownloadJob): Promise<void> {
    ctx.running.add(job.id);
    try {
      await runJob(ctx, job, fetchDocument, (id) => cancelledWhileFetching.has(id));
    } finally {
      ctx.running.delete(job.id);
      cancelledWhileFetching.delete(job.id);
      ctx.pump();
    }
  }

  async function afterward<T>(result: T): Promise<T> {
    await pump();
    return result;
  }

  /** The user's Resume or Retry: it wins over a stop still waiting to be stored, and tries a repair at once. */
  async function restart<T>(batchId: string, result: T): Promise<T> {
    fault.forget(batchId);
    if (fault.active()) await recover();
    return afterward(result);
  }

  async function recover(): Promise<void> {
    if (!(await fault.lift())) return;
    try {
      await prune();
      await recoverJobs(ctx);
    } catch (error) {
      unexpected(error);
    }
  }

  return {
    enqueue: (accountId, reports, opts) =>
      track(save((tx) => enqueueReports(tx, accountId, reports, { ...opts, now: now(), newId })).then(afterward)),
    cancelJobs: (target) =>
      track(
        (async () => {
          const cancelled = await save((tx) => batches.cancelJobs(tx, target, now()));
          for (const job of cancelled.jobs) if (ctx.running.has(job.id)) cancelledWhileFetching.add(job.id);
          for (const id of cancelled.downloadIds) await downloads.cancel(id).catch(() => undefined);
          return afterward(cancelled.jobs.length);
        })(),
      ),
    pause: (batchId) => track(save((tx) => batches.setPaused(tx, batchId, true, now())).then(() => undefined)),
    resume: (batchId) =>
      track(save((tx) => batches.setPaused(tx, batchId, false, now())).then(() => restart(batchId, undefined))),
    retryFailed: (batchId) =>
      track(save((tx) => batches.retryFailed(tx, batchId, now())).then((n) => restart(batchId, n))),
    recover: () => track(recover()),
    handleDownloadChanged: (delta) => track(handleDelta(ctx, delta).catch(unexpected)),
    pump,
    snapshot: async () => {
      const recent = await readRecent(db, RECENT_FOR_VIEWS);
      return { ...recent, batches: recent.batches.map(fault.overlay) };
    },
    downloading: () => readLiveJobs(db, ['downloading']),
    settled: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
