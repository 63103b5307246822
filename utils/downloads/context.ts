import type { DownloadsApi } from '../browser-api';
import type { JobsDb, JobsTx } from './jobs-store';
import type { DownloadJob } from './types';

/** What the pipeline's parts share: storage, the browser seam, the clock, and the two ways to move work on. */
export interface PipelineContext {
  db: JobsDb;
  downloads: DownloadsApi;
  now: () => number;
  maxAttempts: number;
  /** Commits one transaction, then publishes what it changed to `onChange`. */
  save<T>(work: (tx: JobsTx) => Promise<T>): Promise<T>;
  /** Starts due jobs in free slots; calls made while a pump runs are folded into one more round. */
  pump(): void;
  /** Jobs this worker is fetching a document URL for right now (never persisted: they die with the worker). */
  running: Set<string>;
  /** How long a cancel seen in the browser waits before it stands (see `follow.ts`). */
  cancelGraceMs: number;
  /** Downloads whose USER_CANCELED event this worker received (so recovery leaves them to the event). */
  cancelsHeard: Set<number>;
  /** Browser download id → job id, for the downloads this worker follows: an event finds its job without a scan. */
  jobByDownload: Map<number, string>;
  afterDownload?: (job: DownloadJob, url: string) => void;
}
