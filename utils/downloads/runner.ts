import type { ReportDocument } from '../amazon-pay/types';
import type { PipelineContext } from './context';
import { withDocumentExtension } from './filenames';
import { follow } from './follow';
import { backoffMs, classifyFetchError } from './interrupts';
import { moveJob } from './queue';
import type { DownloadJob } from './types';

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
    document = await fetchDocument(job);
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
  } catch {
    await downloadRefused(ctx, job);
    return;
  }
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

async function downloadRefused(ctx: PipelineContext, job: DownloadJob): Promise<void> {
  // The browser's message is not kept: it could quote the pre-signed URL.
  const error = { code: 'DOWNLOAD_REFUSED', userMessage: 'The browser refused to start this download.' };
  await ctx.save((tx) => moveJob(tx, job.id, { state: 'requesting-url' }, () => ({ state: 'failed', error }), ctx.now()));
}
