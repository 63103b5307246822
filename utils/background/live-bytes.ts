import type { DownloadsApi } from '../browser-api';
import type { DownloadJob } from '../downloads/types';
import type { ProgressEvent } from '../messaging/protocol';
import { guarded } from './guard';
import { toJobView } from './views';

/** How often running downloads are sampled while someone watches. */
export const SAMPLE_EVERY_MS = 500;

interface Options {
  downloads: DownloadsApi;
  /** Jobs currently downloading (read from storage, the single source of truth). */
  downloadingJobs(): Promise<DownloadJob[]>;
  /** Whether any view is open: nobody watching, no sampling. */
  watched(): boolean;
  send(event: ProgressEvent): void;
}

/**
 * Chromium's downloads.onChanged says nothing while bytes arrive, so while a view is open and a download
 * runs, its byte count is sampled and pushed to the views (not stored: only the live display needs it).
 */
export function createByteSampler(options: Options) {
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function sample(): Promise<void> {
    timer = undefined;
    if (!options.watched()) return;
    const jobs = await options.downloadingJobs();
    for (const job of jobs) {
      if (job.downloadId === undefined) continue;
      const [item] = await options.downloads.search({ id: job.downloadId });
      if (!item || item.state !== 'in_progress') continue;
      options.send({ type: 'job', job: toJobView({ ...job, bytes: item.bytesReceived, totalBytes: item.totalBytes }) });
    }
    if (jobs.length > 0) timer = setTimeout(run, SAMPLE_EVERY_MS);
  }
  // A failed sample is reported; the next poke (a download starting, a view connecting) samples again.
  const run = () => void guarded('sampling download progress', sample);

  return {
    /** Call when a job starts downloading or a view connects; idempotent. */
    poke(): void {
      if (timer === undefined) timer = setTimeout(run, SAMPLE_EVERY_MS);
    },
  };
}
