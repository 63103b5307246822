import { ReportCourierError } from '../errors/base';
import { stopBatch } from './batches';
import { readBatch } from './jobs-reads';
import { JobsWriteError, transact, type JobsDb } from './jobs-store';
import type { DownloadBatch, JobError, PipelineEvent } from './types';

const MESSAGES = {
  'storage-full':
    'The browser has no room left to record your downloads: free some disk space, then Resume. Files already ' +
    'downloaded are recorded as soon as it can write again.',
  'storage-failed':
    'The browser could not record your downloads: if this persists, restart the browser, then Resume. Files ' +
    'already downloaded are recorded as soon as it can write again.',
} as const;

/** A write to the download queue failed (IndexedDB refused it: QuotaExceededError, or any other reason). */
export class QueueStorageError extends ReportCourierError<{ storageError: string }> {
  override name = 'QueueStorageError';

  constructor(cause: unknown) {
    const storageError = String((cause as { name?: unknown } | null)?.name ?? 'Error');
    const code = storageError === 'QuotaExceededError' ? 'storage-full' : 'storage-failed';
    super(code, `The download queue could not be saved (${storageError})`, MESSAGES[code], { storageError });
  }

  get reason(): JobError {
    return { code: this.code, userMessage: this.userMessage };
  }
}

/** The queue retries its writes this long after a failure (a timer, and an alarm should the worker stop). */
export const REPAIR_AFTER_MS = 30_000;

interface Options {
  db: JobsDb;
  now(): number;
  publish(events: PipelineEvent[]): void;
  /** Arranges one call of the pipeline's repair (its `recover`) at `at`. */
  scheduleRepair(at: number): void;
}

/**
 * While the queue cannot be written, nothing new starts (a download would land on disk with no record), the
 * batches whose writes failed are stopped with the reason, and a repair is scheduled: recovery then records what
 * the browser finished meanwhile. The stop is kept in memory until it can be stored, and views see it either way.
 */
export function createStorageFault(options: Options) {
  let failure: QueueStorageError | undefined;
  let repairScheduled = false;
  const stops = new Map<string, JobError>();

  async function storeStops(): Promise<boolean> {
    if (stops.size === 0) return true;
    try {
      const { events } = await transact(options.db, async (tx) => {
        for (const [batchId, reason] of stops) await stopBatch(tx, batchId, reason, options.now());
      });
      stops.clear();
      options.publish(events);
      return true;
    } catch {
      return false;
    }
  }

  async function publishFromMemory(): Promise<void> {
    const batches = await Promise.all([...stops.keys()].map((id) => readBatch(options.db, id).catch(() => undefined)));
    options.publish(batches.flatMap((batch) => (batch ? [{ type: 'batch' as const, batch: overlay(batch) }] : [])));
  }

  function scheduleRepair(): void {
    if (repairScheduled) return;
    repairScheduled = true;
    options.scheduleRepair(options.now() + REPAIR_AFTER_MS);
  }

  function overlay(batch: DownloadBatch): DownloadBatch {
    const stopped = stops.get(batch.id);
    return stopped ? { ...batch, paused: true, stopped } : batch;
  }

  return {
    active: () => failure !== undefined,
    /** Turns a failed transaction into the error the caller and views see; other errors pass through. */
    async record(error: unknown): Promise<unknown> {
      if (!(error instanceof JobsWriteError)) return error;
      failure = new QueueStorageError(error.cause);
      for (const batchId of error.batchIds) if (!stops.has(batchId)) stops.set(batchId, failure.reason);
      if (!(await storeStops())) await publishFromMemory();
      scheduleRepair();
      return failure;
    },
    /** At a repair: true once the pending stops are stored, so the queue may be written again. */
    async lift(): Promise<boolean> {
      repairScheduled = false;
      if (!(await storeStops())) {
        scheduleRepair();
        return false;
      }
      failure = undefined;
      return true;
    },
    /** The user resumed or retried this batch: a stop still waiting to be stored must not undo that. */
    forget: (batchId: string) => void stops.delete(batchId),
    overlay,
  };
}

export type StorageFault = ReturnType<typeof createStorageFault>;
