/** Records of the download queue, kept in IndexedDB; times are epoch milliseconds. */
import type { ErrorCode } from '../errors/codes';

export const JOB_STATES = ['queued', 'requesting-url', 'downloading', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** States that hold (or will hold) a browser download: the same report is never queued twice while in one. */
export const LIVE_STATES: readonly JobState[] = ['queued', 'requesting-url', 'downloading'];
/** Jobs still waiting, asking for a link or downloading. */
export function liveJobCount(counts: JobCounts): number {
  return LIVE_STATES.reduce((sum, state) => sum + counts[state], 0);
}

/** States that occupy a concurrency slot. */
export const IN_FLIGHT_STATES: readonly JobState[] = ['requesting-url', 'downloading'];

/** Why a job failed or a batch stopped: the product's error form (utils/errors/base.ts), kept with the job. */
export interface JobError {
  code: ErrorCode;
  userMessage: string;
  details?: JobErrorDetails;
}

// A type, not an interface: it must fit the details of the product's error form.
export type JobErrorDetails = {
  /** Amazon's answer, when it refused the document URL. */
  reasonCode?: string;
  status?: number;
  /** `attempts-exhausted`: the last reason (an InterruptReason, or `DOWNLOAD_NOT_STARTED`) and how many attempts. */
  reason?: string;
  attempts?: number;
};

export interface DownloadJob {
  id: string;
  accountId: string;
  reportId: string;
  reportDocumentId: string;
  reportType: string;
  /** ISO 8601. */
  startTime: string;
  endTime: string;
  accountLabel: string;
  batchId: string;
  /** Order within its batch: jobs start in the order they were asked for. */
  position: number;
  state: JobState;
  /** Document URLs requested so far (each attempt asks for a fresh one). */
  attempts: number;
  nextAttemptAt: number;
  /** When the last document URL was requested: recovery adopts only downloads started after it. */
  requestedAt?: number;
  downloadId?: number;
  /** Path relative to the download folder, decided before the URL is requested. */
  filename: string;
  /** Absolute path the browser wrote (after `uniquify`). */
  finalPath?: string;
  bytes?: number;
  totalBytes?: number;
  error?: JobError;
  createdAt: number;
  updatedAt: number;
}

export type JobCounts = Record<JobState, number>;

export interface DownloadBatch {
  id: string;
  accountId: string;
  createdAt: number;
  updatedAt: number;
  total: number;
  counts: JobCounts;
  paused: boolean;
  /** Why the pipeline paused the batch by itself (a disk error); cleared by resume or retry. */
  stopped?: JobError;
}

export interface HistoryEntry {
  accountId: string;
  reportId: string;
  reportType: string;
  filename: string;
  finalPath: string;
  bytes: number;
  downloadedAt: number;
}

export type PipelineEvent =
  | { type: 'job'; job: DownloadJob }
  | { type: 'batch'; batch: DownloadBatch }
  | { type: 'removed'; jobIds: string[]; batchIds: string[] };

export function emptyCounts(): JobCounts {
  return { queued: 0, 'requesting-url': 0, downloading: 0, done: 0, failed: 0, cancelled: 0 };
}
