import { requireHttpsDocument } from '../amazon-pay/document-url';
import type { ReportDocument } from '../amazon-pay/types';
import type { PipelineContext } from './context';
import { withDocumentExtension } from './filenames';
import { follow } from './follow';
import { attemptsExhausted, backoffMs, classifyFetchError, classifyInterrupt } from './interrupts';
import { moveJob } from './queue';
import { adoptOrRequeue } from './recovery';
import type { DownloadJob, JobError } from './types';

export type FetchDocument = (job: DownloadJob) => Promise<ReportDocument>;

/**
 * One attempt of one claimed job (already stored as `requesting-url`): fetch the document, hand its URL to
 * `download()` at once, then store `downloading` with the id. `dropped(jobId)` says the job was cancelled
 * meanwhile, so its URL must not be used.
 */
export async function runJob(
  ctx: PipelineContext,
  job: DownloadJob,
  fetchDocument: FetchDocument,
  dropped: (jobId: string) => boolean,
): Promise<void> {
  let document: ReportDocument;
  try {
    document = requireHttpsDocument(await fetchDocument(job));
  } catch (thrown) {
    await fetchFailed(ctx, job, thrown);
    return;
  }
  // The URL is valid for 30 seconds: it goes to the browser in this same task, before any storage write.
  if (dropped(job.id)) return;
  const filename = withDocumentExtension(job.filename, document.compressionAlgorithm);
  let downloadId: number;
  try {
    downloadId = await ctx.downloads.download({ url: document.url, filename, conflictAction: 'uniquify' });
  } catch (thrown) {
    await downloadFailed(ctx, job, thrown);
    return;
  }
  ctx.afterDownload?.(job, document.url);
  await started(ctx, job, downloadId);
}

async function started(ctx: PipelineContext, job: DownloadJob, downloadId: number): Promise<void> {
  const downloading = await ctx.save((tx) =>
    moveJob(tx, job.id, { state: 'requesting-url' }, () => ({ state: 'downloading', downloadId }), ctx.now()),
  );
  if (!downloading) {
    // Cancelled while download() was on its way: the browser must not keep it either.
    await ctx.downloads.cancel(downloadId).catch(() => undefined);
    return;
  }
  // Its onChanged events may have fired before the id was stored; the browser's record has them all.
  const [item] = await ctx.downloads.search({ id: downloadId });
  await follow(ctx, downloading, item);
}

async function fetchFailed(ctx: PipelineContext, job: DownloadJob, thrown: unknown): Promise<void> {
  const { retryable, error } = classifyFetchError(thrown);
  const now = ctx.now();
  await ctx.save((tx) =>
    moveJob(
      tx,
      job.id,
      { state: 'requesting-url' },
      (current) =>
        retryable && current.attempts < ctx.maxAttempts
          ? { state: 'queued', nextAttemptAt: now + backoffMs(current.attempts) }
          : { state: 'failed', error },
      now,
    ),
  );
}

/** Chromium's refusals of the request itself ("Invalid filename", "Invalid URL", …): asking again fails again. */
const INPUT_REFUSED = /^Invalid\b/i;
/** A start that failed on the way reports its interrupt reason (`NETWORK_FAILED`, `FILE_ACCESS_DENIED`, …). */
const INTERRUPT_REASON = /^[A-Z][A-Z_]+$/;

/**
 * Other refusals ("No SW", "The browser is shutting down.") come from a worker or browser on its way out, and the
 * download may have started regardless: adopt it if so, else try again later, within the job's attempts.
 */
async function downloadFailed(ctx: PipelineContext, job: DownloadJob, thrown: unknown): Promise<void> {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  if (INPUT_REFUSED.test(message)) return downloadRefused(ctx, job);
  const decision = INTERRUPT_REASON.test(message) ? classifyInterrupt(message) : undefined;
  const code = decision ? message : 'DOWNLOAD_NOT_STARTED';
  const now = ctx.now();
  await adoptOrRequeue(ctx, job, (current) => {
    if (decision?.action === 'fail') return { state: 'failed', error: decision.error };
    if (current.attempts >= ctx.maxAttempts)
      return { state: 'failed', error: attemptsExhausted(code, current.attempts) };
    return { state: 'queued', nextAttemptAt: now + backoffMs(current.attempts) };
  });
}

async function downloadRefused(ctx: PipelineContext, job: DownloadJob): Promise<void> {
  // The browser's message is not kept: it could quote the pre-signed URL.
  const error: JobError = { code: 'DOWNLOAD_REFUSED', userMessage: 'The browser refused to start this download.' };
  await ctx.save((tx) =>
    moveJob(tx, job.id, { state: 'requesting-url' }, () => ({ state: 'failed', error }), ctx.now()),
  );
}
