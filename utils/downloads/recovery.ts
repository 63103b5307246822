import type { DownloadItem, DownloadsApi } from '../browser-api';
import type { PipelineContext } from './context';
import { follow } from './follow';
import { readLiveJobs } from './jobs-reads';
import { moveJob } from './queue';
import type { DownloadJob } from './types';

/**
 * Startup recovery. The worker may have died anywhere; the stored state says how far each job got:
 * - `requesting-url`: the URL request died with the worker, but `download()` may already have started (the id is
 *   saved only after it resolves). A download with the job's file name that started after the request is adopted;
 *   otherwise the job is queued again without spending an attempt.
 * - `downloading`: the browser's record of that download decides (done, fresh URL, keep waiting, or re-queue);
 *   a cancel whose event this worker never hears came from quitting the browser, and the job starts again.
 */
export async function recoverJobs(ctx: PipelineContext): Promise<void> {
  const jobs = await readLiveJobs(ctx.db, ['requesting-url', 'downloading']);
  // Side by side: a cancel found here waits to learn whether a quit caused it (follow.ts) and must not hold up the rest.
  await Promise.all(jobs.filter((job) => !ctx.running.has(job.id)).map((job) => recoverJob(ctx, job)));
  ctx.pump();
}

async function recoverJob(ctx: PipelineContext, job: DownloadJob): Promise<void> {
  if (job.state === 'requesting-url') {
    await adoptOrRequeue(ctx, job, (current) => ({
      state: 'queued',
      attempts: Math.max(0, current.attempts - 1),
      nextAttemptAt: ctx.now(),
    }));
  } else if (job.state === 'downloading' && job.downloadId !== undefined) {
    const [item] = await ctx.downloads.search({ id: job.downloadId });
    await follow(ctx, job, item, true);
  }
}

/**
 * For a `requesting-url` job whose download() outcome is unknown: adopts the download it started, if the browser
 * has one, or else applies `otherwise` to the job.
 */
export async function adoptOrRequeue(
  ctx: PipelineContext,
  job: DownloadJob,
  otherwise: (current: DownloadJob) => Partial<DownloadJob>,
): Promise<void> {
  const item = await findStartedDownload(ctx.downloads, job);
  const now = ctx.now();
  const next = await ctx.save((tx) =>
    moveJob(
      tx,
      job.id,
      { state: 'requesting-url' },
      (current) => (item ? { state: 'downloading', downloadId: item.id } : otherwise(current)),
      now,
    ),
  );
  if (next?.state === 'downloading') await follow(ctx, next, item, true);
  else ctx.pump();
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Matches the absolute path the browser gives a download of `filename`: either separator, and the ` (1)` that
 * `uniquify` may insert before the extension, and the `.gz` a compressed document adds. Valid in RE2 and JavaScript.
 */
export function downloadPathPattern(filename: string): string {
  const parts = filename.split('/');
  const base = parts.pop() ?? '';
  const dot = base.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, ''];
  const dirs = parts.map((part) => `${escapeRegex(part)}[\\\\/]`).join('');
  return `(^|[\\\\/])${dirs}${escapeRegex(stem)}( \\(\\d+\\))?${escapeRegex(extension)}(\\.gz)?$`;
}

/** Chromium gives a download its path some milliseconds after download() resolved; more on a busy machine. */
const NAMING_POLL_MS = 50;
const NAMING_WAIT_MS = 3_000;

/** Waits, boundedly, until every download started after `startedAfter` has its path, so a search by name sees it. */
async function untilNamed(downloads: DownloadsApi, startedAfter: string): Promise<void> {
  for (let waited = 0; waited < NAMING_WAIT_MS; waited += NAMING_POLL_MS) {
    const running = await downloads.search({ startedAfter, state: 'in_progress' });
    if (!running.some((item) => item.filename === '')) return;
    await new Promise((resolve) => setTimeout(resolve, NAMING_POLL_MS));
  }
}

async function findStartedDownload(downloads: DownloadsApi, job: DownloadJob): Promise<DownloadItem | undefined> {
  const since = job.requestedAt ?? job.updatedAt;
  const pattern = downloadPathPattern(job.filename);
  // One millisecond earlier, so a download stamped in the very millisecond of the request still counts.
  const startedAfter = new Date(since - 1).toISOString();
  // The dead worker's download() may have started one that is still unnamed: missing it would start a duplicate.
  await untilNamed(downloads, startedAfter);
  const items = await downloads.search({ filenameRegex: pattern, startedAfter, orderBy: ['-startTime'] });
  // Checked again here: a browser may ignore query fields it does not support.
  const regex = new RegExp(pattern);
  return items.find((item) => regex.test(item.filename) && Date.parse(item.startTime) >= since);
}
