import type { DownloadDelta, DownloadItem, DownloadsApi, InterruptReason } from '../browser-api';
import type { PipelineContext } from './context';
import { attemptsExhausted, backoffMs, classifyInterrupt, interruptReason, type Decision } from './interrupts';
import { readJob, readLiveJobs } from './jobs-reads';
import { moveJob } from './queue';
import { stopBatch } from './batches';
import type { DownloadJob } from './types';

/** Handles one `downloads.onChanged` delta: only a download's end concerns the queue. */
export async function handleDelta(ctx: PipelineContext, delta: DownloadDelta): Promise<void> {
  const state = delta.state?.current;
  if (state !== 'complete' && state !== 'interrupted') return;
  if (delta.error?.current === 'USER_CANCELED') ctx.cancelsHeard.add(delta.id);
  const job = await jobFor(ctx, delta.id);
  if (!job) return;
  const [item] = await ctx.downloads.search({ id: delta.id });
  await follow(ctx, job, item ?? itemFromDelta(delta, job));
}

/** The job `downloading` into this download: looked up directly when this worker follows it, else among the downloading. */
async function jobFor(ctx: PipelineContext, downloadId: number): Promise<DownloadJob | undefined> {
  const known = ctx.jobByDownload.get(downloadId);
  const holds = (j: DownloadJob | undefined) => j?.state === 'downloading' && j.downloadId === downloadId;
  if (known !== undefined) {
    const job = await readJob(ctx.db, known);
    return holds(job) ? job : undefined;
  }
  return (await readLiveJobs(ctx.db, ['downloading'])).find(holds);
}

/** Used only when the browser no longer lists the download the event was about. */
function itemFromDelta(delta: DownloadDelta, job: DownloadJob): DownloadItem {
  return {
    id: delta.id,
    state: delta.state?.current === 'complete' ? 'complete' : 'interrupted',
    error: delta.error?.current,
    filename: delta.filename?.current ?? job.filename,
    bytesReceived: delta.fileSize?.current ?? -1,
    totalBytes: delta.totalBytes?.current ?? -1,
    fileSize: delta.fileSize?.current ?? -1,
    exists: true,
    startTime: new Date(job.updatedAt).toISOString(),
  };
}

/**
 * Brings a `downloading` job in line with the browser's record of its download. `afterRestart`: the record was
 * found by recovery at a worker start, not reported by an event.
 */
export async function follow(
  ctx: PipelineContext,
  job: DownloadJob,
  item: DownloadItem | undefined,
  afterRestart = false,
): Promise<void> {
  if (job.state !== 'downloading' || job.downloadId === undefined) return;
  const expected = { state: 'downloading' as const, downloadId: job.downloadId };
  ctx.jobByDownload.set(job.downloadId, job.id);
  if (item?.state === 'in_progress') return;
  ctx.jobByDownload.delete(job.downloadId);
  if (!item) {
    // Erased from the browser's list before it finished: nothing of it is left to adopt, so start over.
    const now = ctx.now();
    const requeue = () => ({ state: 'queued' as const, downloadId: undefined, nextAttemptAt: now });
    await ctx.save((tx) => moveJob(tx, job.id, expected, requeue, now));
  } else if (item.state === 'complete') {
    await complete(ctx, job.id, expected, item);
  } else if (item.error === 'USER_CANCELED') {
    await settleCancel(ctx, job.id, expected, item, afterRestart);
  } else {
    await interrupted(ctx, job.id, expected, item, classifyInterrupt(interruptReason(item)));
  }
  ctx.pump();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Beyond the grace: time for the event of a cancel made in this browser session to reach a fresh worker. */
const EVENT_MARGIN_MS = 1_000;

/**
 * Quitting the browser cancels every running download, exactly as a user's cancel would. So a cancel stands only
 * once this worker has outlived it by the grace period (a quit takes the worker along before it writes). One that
 * recovery finds without having heard its event in this session came from the quit: the job starts again.
 */
async function settleCancel(
  ctx: PipelineContext,
  jobId: string,
  expected: Expected,
  item: DownloadItem,
  afterRestart: boolean,
): Promise<void> {
  await sleep(ctx.cancelGraceMs + (afterRestart ? EVENT_MARGIN_MS : 0));
  if (!afterRestart) return interrupted(ctx, jobId, expected, item, classifyInterrupt(interruptReason(item)));
  if (ctx.cancelsHeard.has(item.id)) return;
  await interrupted(ctx, jobId, expected, item, { action: 'retry', backoff: false });
}

type Expected = { state: 'downloading'; downloadId: number };

async function complete(ctx: PipelineContext, jobId: string, expected: Expected, item: DownloadItem): Promise<void> {
  const now = ctx.now();
  const bytes = item.fileSize >= 0 ? item.fileSize : item.bytesReceived;
  const totalBytes = item.totalBytes >= 0 ? item.totalBytes : bytes;
  await ctx.save(async (tx) => {
    const done = await moveJob(
      tx,
      jobId,
      expected,
      () => ({ state: 'done', finalPath: item.filename, bytes, totalBytes }),
      now,
    );
    if (!done) return;
    const { accountId, reportId, reportType, filename } = done;
    tx.saveHistory({ accountId, reportId, reportType, filename, finalPath: item.filename, bytes, downloadedAt: now });
  });
}

async function interrupted(
  ctx: PipelineContext,
  jobId: string,
  expected: Expected,
  item: DownloadItem,
  decision: Decision,
): Promise<void> {
  const reason = interruptReason(item);
  const now = ctx.now();
  const next = await ctx.save(async (tx) => {
    const moved = await moveJob(
      tx,
      jobId,
      expected,
      (job) => outcome(decision, job, reason, now, ctx.maxAttempts),
      now,
    );
    if (moved?.state === 'failed' && decision.action === 'fail' && decision.stopBatch) {
      await stopBatch(tx, moved.batchId, decision.error, now);
    }
    return moved;
  });
  if (next?.state === 'queued') await discard(ctx.downloads, item.id);
}

function outcome(
  decision: Decision,
  job: DownloadJob,
  reason: InterruptReason,
  now: number,
  maxAttempts: number,
): Partial<DownloadJob> {
  if (decision.action === 'cancel') {
    return {
      state: 'cancelled',
      error: { code: 'USER_CANCELED', userMessage: 'The download was cancelled in the browser.' },
    };
  }
  if (decision.action === 'fail') return { state: 'failed', error: decision.error };
  if (job.attempts >= maxAttempts) return { state: 'failed', error: attemptsExhausted(reason, job.attempts) };
  return {
    state: 'queued',
    downloadId: undefined,
    nextAttemptAt: now + (decision.backoff ? backoffMs(job.attempts) : 0),
  };
}

/** The retry starts a new download; the interrupted one goes, with its partial file, so only one entry remains. */
async function discard(downloads: DownloadsApi, id: number): Promise<void> {
  // Failures mean the user already removed it: there is nothing left to tidy.
  const ignore = () => undefined;
  await downloads.cancel(id).catch(ignore);
  await downloads.erase?.({ id }).catch(ignore);
}
