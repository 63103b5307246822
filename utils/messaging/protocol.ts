import type { Account } from '../accounts/types';

/**
 * The one map of every message that crosses a context boundary: its request and its response.
 * Everything in it survives JSON (runtime messaging serialises), so dates travel as ISO strings.
 */

export interface SerializedError {
  name: string;
  code: string;
  message: string;
  /** Short, actionable, safe to show: never a stack trace or key material. */
  userMessage: string;
  details?: Record<string, unknown>;
}

export interface AccountView extends Account {
  hasKey: boolean;
}

export interface ReportView {
  reportId: string;
  reportType: string;
  startTime: string;
  endTime: string;
  createdTime: string;
  processingStatus: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
  reportDocumentId?: string;
  /** Set when this browser has already archived the report. */
  downloaded?: { filename: string; downloadedAt: string };
}

export interface ReportListing {
  accountId: string;
  reports: ReportView[];
  /** When the list was last fetched from Amazon (epoch ms); null before the first fetch. */
  fetchedAt: number | null;
  refreshError?: SerializedError;
}

export type JobState = 'queued' | 'requesting-url' | 'downloading' | 'done' | 'failed' | 'cancelled';

export interface JobView {
  jobId: string;
  batchId: string;
  accountId: string;
  reportId: string;
  state: JobState;
  bytes?: number;
  totalBytes?: number;
  downloadId?: number;
  filename?: string;
  error?: { code: string; userMessage: string };
}

export interface BatchView {
  batchId: string;
  accountId: string;
  total: number;
  counts: Record<JobState, number>;
  paused: boolean;
  stoppedReason?: string;
}

export interface DownloadsSnapshot {
  jobs: JobView[];
  batches: BatchView[];
}

export type ConnectionVerdict =
  | { ok: true; reportsSeen: number; clockSkewSeconds: number }
  | { ok: false; error: SerializedError };

export interface Protocol {
  ping: { request: Record<string, never>; response: { version: string } };
  listAccounts: { request: Record<string, never>; response: { accounts: AccountView[]; selectedId?: string } };
  selectAccount: { request: { accountId: string }; response: null };
  /** `cached` answers at once from the local cache; `fresh` asks Amazon and updates the cache. */
  listReports: { request: { accountId: string; mode: 'cached' | 'fresh' }; response: ReportListing };
  downloadReports: {
    request: { accountId: string; reportIds: string[]; force?: boolean };
    response: { batchId: string; queued: number; skipped: number };
  };
  getDownloads: { request: Record<string, never>; response: DownloadsSnapshot };
  cancelDownloads: { request: { batchId?: string; jobIds?: string[] }; response: null };
  pauseBatch: { request: { batchId: string }; response: null };
  resumeBatch: { request: { batchId: string }; response: null };
  retryFailed: { request: { batchId: string }; response: null };
  showDownload: { request: { downloadId: number }; response: null };
  testConnection: { request: { accountId: string }; response: ConnectionVerdict };
}

export type MessageType = keyof Protocol;
export type MessageRequest<T extends MessageType> = Protocol[T]['request'];
export type MessageResponse<T extends MessageType> = Protocol[T]['response'];

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: MessageRequest<T>;
}

/** Responses travel wrapped so that errors cross the boundary as data, not as lost exceptions. */
export type Reply<T extends MessageType> = { ok: true; value: MessageResponse<T> } | { ok: false; error: SerializedError };

/** Pushed to every open view over the `progress` port whenever a job or batch changes. */
export type ProgressEvent = { type: 'job'; job: JobView } | { type: 'batch'; batch: BatchView } | { type: 'reports'; accountId: string };

export const PROGRESS_PORT = 'progress';
