import type { Account } from '../accounts/types';
import type { ProcessingStatus } from '../amazon-pay/types';
import type { JobCounts, JobState } from '../downloads/types';
import type { JobError } from '../downloads/types';
import type { SerializedError } from '../errors/base';
import type { OrderTimelineView } from '../ledger/order-lookup';

/**
 * The one map of every message that crosses a context boundary: its request and its response.
 * Everything in it survives JSON (runtime messaging serialises), so dates travel as ISO strings.
 */

/** Errors cross the boundary in the product's one serialized form. */
export type { SerializedError } from '../errors/base';

export interface AccountView extends Account {
  hasKey: boolean;
  /** When the private key was stored, and the SHA-256 of its public key: enough to tell keys apart, nothing secret. */
  keyAddedAt?: string;
  keyFingerprint?: string;
}

export interface ReportView {
  reportId: string;
  reportType: string;
  startTime: string;
  endTime: string;
  createdTime: string;
  processingStatus: ProcessingStatus;
  reportDocumentId?: string;
  /** Set when this browser has already archived the report. */
  downloaded?: { filename: string; downloadedAt: string };
}

/** What a Seller Central panel learns of an account: enough to name it in a picker, nothing about its key. */
export type PanelAccount = Pick<AccountView, 'id' | 'label' | 'region' | 'environment'>;

export interface ReportListing {
  accountId: string;
  reports: ReportView[];
  /** When the list was last fetched from Amazon (epoch ms); null before the first fetch. */
  fetchedAt: number | null;
  refreshError?: SerializedError;
  /** Server minus local time for the account's region, learned and corrected for when Amazon disagreed with our clock. */
  clockSkewSeconds?: number;
  /** Only in answers to a Seller Central panel: the accounts of its host's region, to choose among. */
  regionAccounts?: PanelAccount[];
}

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
  error?: JobError;
}

export interface BatchView {
  batchId: string;
  accountId: string;
  total: number;
  counts: JobCounts;
  paused: boolean;
  stoppedReason?: string;
  /** The stop's code, so the view can word `stoppedReason` in the UI language. */
  stoppedCode?: string;
}

export interface DownloadsSnapshot {
  jobs: JobView[];
  batches: BatchView[];
}

/** The settings a replacement key comes with: a new key has a new Public Key ID, perhaps another region. */
export type CandidateSettings = Pick<Account, 'region' | 'environment' | 'publicKeyId' | 'algorithm'>;

export type ConnectionVerdict =
  { ok: true; reportsSeen: number; clockSkewSeconds: number } | { ok: false; error: SerializedError };

export interface HistoryView {
  accountId: string;
  reportId: string;
  reportType: string;
  /** Absolute path the browser wrote. */
  finalPath: string;
  bytes: number;
  downloadedAt: string;
}

export interface BulkSelection {
  accountIds: string[];
  reportTypes: string[];
  statuses: ReportView['processingStatus'][];
  createdSince: string;
  createdUntil: string;
}

export interface BulkPreview {
  perAccount: Array<{ accountId: string; matching: number; archived: number; reportIds: string[] }>;
}

/** A report this browser asked Amazon to create; followed until it completes, then downloaded. */
export interface OnDemandView {
  accountId: string;
  reportId: string;
  reportType: string;
  startTime: string;
  endTime: string;
  requestedAt: string;
  status: ReportView['processingStatus'];
  /** Set once the finished report has been queued for download. */
  batchId?: string;
  /** Why following it stopped (FAILED here, not by Amazon): the account is gone, Amazon refused, or time ran out. */
  error?: SerializedError;
}

export interface ScheduleView {
  reportScheduleId: string;
  reportType: string;
  scheduleFrequency: string;
  nextReportCreationTime?: string;
}

export interface AutoArchiveSettings {
  enabled: boolean;
  reportTypes: string[];
  intervalHours: number;
}

export interface AutoArchiveView extends AutoArchiveSettings {
  accountId: string;
  lastRun?: string;
  nextRun?: string;
  lastResult?: { queued: number; error?: SerializedError };
  /** Completed reports Amazon deletes within 7 days that are not archived yet. */
  expiringUnarchived: number;
}

/** One Get Disbursements record: a payout to the merchant's bank, the time as an ISO string. */
export interface DisbursementView {
  sellerId: string;
  settlementId: string;
  /** The reference Amazon puts on the bank statement. */
  amazonDisbursementReferenceId: string;
  amountMinor: number;
  currencyCode: string;
  transactionTime: string;
}

export interface Protocol {
  ping: { request: Record<string, never>; response: { version: string } };
  listAccounts: { request: Record<string, never>; response: { accounts: AccountView[]; selectedId?: string } };
  selectAccount: { request: { accountId: string }; response: null };
  /** The ledger's settlements of the account's seller ids: `own` it alone has, `shared` with another account. */
  accountSettlements: { request: { accountId: string }; response: { own: number; shared: number } };
  /**
   * Cancels the account's downloads, deletes its private key from this browser and forgets its settings, requested
   * reports, auto-archive and report list; with `dropSettlements`, first deletes its own settlements from the
   * ledger. `historyKept`: download history entries of it that remain; `settlementsKept`: ledger settlements of its
   * seller ids that remain.
   */
  removeAccount: {
    request: { accountId: string; dropSettlements?: boolean };
    response: { keyDeleted: boolean; historyKept: number; settlementsDropped: number; settlementsKept: number };
  };
  /**
   * `cached` answers at once from the local cache; `fresh` asks Amazon and updates the cache. Without `accountId`:
   * the remembered account (for a Seller Central panel, one of its region's), or an error with code `no-account`.
   */
  listReports: { request: { accountId?: string; mode: 'cached' | 'fresh' }; response: ReportListing };
  downloadReports: {
    request: { accountId: string; reportIds: string[]; force?: boolean };
    response: { batchId?: string; queued: number; skipped: number };
  };
  getDownloads: { request: Record<string, never>; response: DownloadsSnapshot };
  cancelDownloads: { request: { batchId?: string; jobIds?: string[] }; response: null };
  pauseBatch: { request: { batchId: string }; response: null };
  resumeBatch: { request: { batchId: string }; response: null };
  retryFailed: { request: { batchId: string }; response: null };
  showDownload: { request: { downloadId: number }; response: null };
  /** With `candidate`: signs with the account's staged replacement key and these settings instead (utils/keys/candidate-key.ts). */
  testConnection: { request: { accountId: string; candidate?: CandidateSettings }; response: ConnectionVerdict };
  /** Server minus local time per region, in whole seconds, as learned from Amazon's answers. */
  getClockSkew: { request: Record<string, never>; response: { seconds: Partial<Record<'na' | 'eu' | 'jp', number>> } };
  getHistory: { request: { accountId?: string; text?: string }; response: { entries: HistoryView[] } };
  previewBulk: { request: BulkSelection; response: BulkPreview };
  createReport: {
    request: { accountId: string; reportType: string; startTime: string; endTime: string };
    response: { reportId: string };
  };
  listOnDemand: { request: { accountId?: string }; response: { items: OnDemandView[] } };
  listSchedules: { request: { accountId: string }; response: { schedules: ScheduleView[] } };
  createSchedule: {
    request: {
      accountId: string;
      reportType: string;
      scheduleFrequency: string;
      nextReportCreationTime?: string;
      deleteExistingSchedule: boolean;
    };
    response: { reportScheduleId: string };
  };
  cancelSchedule: { request: { accountId: string; reportScheduleId: string }; response: null };
  getAutoArchive: { request: { accountId: string }; response: AutoArchiveView };
  setAutoArchive: { request: { accountId: string; settings: AutoArchiveSettings }; response: AutoArchiveView };
  /**
   * Read-only: an order's timeline from the ledger. For a Seller Central panel, only the settlements of its
   * region's currencies, and only when the region has an account (else `no-account`).
   */
  lookupOrder: { request: { orderReferenceId: string }; response: { timelines: OrderTimelineView[] } };
  /** Read-only: the account's payouts to its bank with a settlement date from `from` to `to` (ISO instants). */
  listDisbursements: {
    request: { accountId: string; from: string; to: string };
    response: { disbursements: DisbursementView[] };
  };
}

export type MessageType = keyof Protocol;
export type MessageRequest<T extends MessageType> = Protocol[T]['request'];
export type MessageResponse<T extends MessageType> = Protocol[T]['response'];

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: MessageRequest<T>;
}

/** Responses travel wrapped so that errors cross the boundary as data, not as lost exceptions. */
export type Reply<T extends MessageType> =
  { ok: true; value: MessageResponse<T> } | { ok: false; error: SerializedError };

/** Pushed to every open view over the `progress` port whenever a job or batch changes. */
export type ProgressEvent = { type: 'job'; job: JobView } | { type: 'batch'; batch: BatchView };

export const PROGRESS_PORT = 'progress';
