import { browser } from 'wxt/browser';

/**
 * The thin, promise-based seam over the browser APIs that unit tests replace with fakes.
 * Only the fields the extension reads are typed; everything else in `browser` stays out of reach of the logic.
 */

export type DownloadState = 'in_progress' | 'interrupted' | 'complete';

/** Chromium's InterruptReason names (`FILE_NO_SPACE`, `SERVER_FORBIDDEN`, `USER_CANCELED`, …); kept open for new ones. */
export type InterruptReason = string;

export interface DownloadItem {
  id: number;
  state: DownloadState;
  error?: InterruptReason;
  /** Absolute local path chosen by the browser (after `uniquify`). */
  filename: string;
  bytesReceived: number;
  /** -1 when unknown. */
  totalBytes: number;
  /** -1 when unknown. */
  fileSize: number;
  exists: boolean;
  /** ISO 8601. */
  startTime: string;
}

interface Delta<T> {
  previous?: T;
  current?: T;
}

export interface DownloadDelta {
  id: number;
  state?: Delta<string>;
  error?: Delta<string>;
  filename?: Delta<string>;
  totalBytes?: Delta<number>;
  fileSize?: Delta<number>;
  exists?: Delta<boolean>;
}

export interface DownloadOptions {
  url: string;
  filename: string;
  conflictAction?: 'uniquify' | 'overwrite';
  saveAs?: false;
}

export interface DownloadQuery {
  id?: number;
  /** RE2 syntax in Chromium, matched against the absolute local path. */
  filenameRegex?: string;
  /** ISO 8601. */
  startedAfter?: string;
  state?: DownloadState;
  orderBy?: string[];
  limit?: number;
}

export interface BrowserEvent<F> {
  addListener(listener: F): void;
  removeListener(listener: F): void;
}

export interface DownloadsApi {
  download(options: DownloadOptions): Promise<number>;
  search(query: DownloadQuery): Promise<DownloadItem[]>;
  cancel(id: number): Promise<void>;
  /** Removes entries from the browser's download list (never the files); Firefox and Chromium both have it. */
  erase?(query: DownloadQuery): Promise<number[]>;
  show(id: number): void;
  onChanged: BrowserEvent<(delta: DownloadDelta) => void>;
}

export interface AlarmsApi {
  create(name: string, info: { when: number; periodInMinutes?: number }): void | Promise<void>;
  clear(name: string): Promise<boolean>;
  onAlarm: BrowserEvent<(alarm: { name: string }) => void>;
}

export function browserDownloads(): DownloadsApi {
  const api = browser.downloads;
  return {
    download: (options) => api.download(options),
    search: (query) => api.search(query) as Promise<DownloadItem[]>,
    cancel: (id) => api.cancel(id),
    erase: (query) => api.erase(query),
    show: (id) => api.show(id),
    onChanged: api.onChanged as BrowserEvent<(delta: DownloadDelta) => void>,
  };
}

export function browserAlarms(): AlarmsApi {
  const api = browser.alarms;
  return {
    create: (name, info) => api.create(name, info),
    clear: (name) => api.clear(name),
    onAlarm: api.onAlarm,
  };
}
