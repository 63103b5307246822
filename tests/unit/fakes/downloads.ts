import type {
  DownloadDelta,
  DownloadItem,
  DownloadOptions,
  DownloadQuery,
  DownloadsApi,
  InterruptReason,
} from '@/utils/browser-api';

/**
 * A typed stand-in for Chromium's `downloads` API (WXT's fakeBrowser does not implement it). It fetches nothing:
 * outcomes are scripted per URL or per call, and `onChanged` deltas follow Chromium's order, asynchronously after
 * `download()` resolved its id. Real files are checked by the e2e tests.
 */

export type Outcome =
  | { kind: 'complete'; bytes: number }
  | { kind: 'interrupt'; reason: InterruptReason; pathless?: boolean }
  | { kind: 'in-progress' }
  | { kind: 'reject'; message: string }
  | { kind: 'fail-start'; message: string; started: boolean };

export const complete = (bytes = 2048): Outcome => ({ kind: 'complete', bytes });
export const interrupt = (reason: InterruptReason): Outcome => ({ kind: 'interrupt', reason });
export const inProgress = (): Outcome => ({ kind: 'in-progress' });
/** What Chromium reports when it cannot create or write the target folder: cancelled before it had a path. */
export const folderRefused = (): Outcome => ({ kind: 'interrupt', reason: 'USER_CANCELED', pathless: true });
export const reject = (message = 'Invalid filename'): Outcome => ({ kind: 'reject', message });
/**
 * download() rejects with `message` as a stopping worker or a quitting browser makes it ("No SW", "The browser is
 * shutting down."); with `started` the browser created the download all the same, and it completes.
 */
export const failStart = (message: string, started = false): Outcome => ({ kind: 'fail-start', message, started });

export interface DownloadCall {
  /** Position among all calls, from 1. */
  seq: number;
  /** `clock()` at the moment `download()` was called. */
  at: number;
  url: string;
  filename: string;
  conflictAction?: string;
  /** Downloads in progress when this one was asked for. */
  activeAtCall: number;
  id?: number;
}

export interface FakeDownloadsOptions {
  /** High-resolution time for call records (default `performance.now`). */
  clock?: () => number;
  /** Wall-clock for `startTime` (default `Date.now`); tests share it with the pipeline's `now`. */
  wallClock?: () => number;
  downloadDir?: string;
  /** Used when nothing is scripted for a call. */
  defaultOutcome?: Outcome;
  onCall?: (call: DownloadCall) => void;
}

type Listener = (delta: DownloadDelta) => void;
type UrlMatch = string | RegExp | ((url: string) => boolean);

const CHROMIUM_ILLEGAL = /[\p{Cc}\p{Cf}"*:<>?\\|~]/u;
const RESERVED = /^(con|prn|aux|nul|clock\$|com[0-9]|lpt[0-9])(\..*)?$|^(desktop\.ini|thumbs\.db)$/i;

/** Why Chromium's `downloads.download` would refuse this relative path, or undefined when it accepts it. */
export function chromiumRejects(filename: string): string | undefined {
  if (filename === '' || filename.startsWith('/') || /^[A-Za-z]:/.test(filename) || filename.includes('\\')) {
    return 'absolute or empty path';
  }
  for (const part of filename.split('/')) {
    if (part === '' || part === '.' || part === '..') return `bad component "${part}"`;
    if (/^[\s.]|[\s.]$/u.test(part)) return `dot or space at an end of "${part}"`;
    if (CHROMIUM_ILLEGAL.test(part)) return `illegal character in "${part}"`;
    if (RESERVED.test(part)) return `reserved name "${part}"`;
    if (/\.(lnk|local)$/i.test(part)) return `shell extension in "${part}"`;
    if (new TextEncoder().encode(part).length > 255) return `component longer than 255 bytes`;
  }
  return undefined;
}

export class FakeDownloads implements DownloadsApi {
  readonly calls: DownloadCall[] = [];
  readonly items = new Map<number, DownloadItem>();
  readonly shown: number[] = [];
  readonly cancelled: number[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly byUrl: { match: UrlMatch; outcomes: Outcome[] }[] = [];
  private readonly byCall: Outcome[] = [];
  private readonly filesOnDisk = new Set<string>();
  private scheduled = 0;
  private nextId = 1;

  constructor(private readonly options: FakeDownloadsOptions = {}) {}

  readonly onChanged = {
    addListener: (listener: Listener) => void this.listeners.add(listener),
    removeListener: (listener: Listener) => void this.listeners.delete(listener),
  };

  /** Outcomes for downloads of matching URLs, used in order; the last one repeats. */
  scriptUrl(match: UrlMatch, ...outcomes: Outcome[]): void {
    this.byUrl.push({ match, outcomes });
  }

  /** Outcomes for the next `download()` calls in order, ahead of URL scripts. */
  scriptCalls(...outcomes: Outcome[]): void {
    this.byCall.push(...outcomes);
  }

  async download(options: DownloadOptions): Promise<number> {
    const active = [...this.items.values()].filter((i) => i.state === 'in_progress').length;
    const call: DownloadCall = {
      seq: this.calls.length + 1,
      at: (this.options.clock ?? (() => performance.now()))(),
      url: options.url,
      filename: options.filename,
      conflictAction: options.conflictAction,
      activeAtCall: active,
    };
    this.calls.push(call);
    this.options.onCall?.(call);
    const outcome = this.outcomeFor(options.url);
    const refused = outcome.kind === 'reject' ? outcome.message : chromiumRejects(options.filename);
    if (refused) throw new Error(`Invalid filename: ${refused}`);
    if (outcome.kind === 'fail-start' && !outcome.started) throw new Error(outcome.message);
    const id = this.nextId++;
    call.id = id;
    this.items.set(id, {
      id,
      state: 'in_progress',
      filename: this.uniquePath(`${this.dir()}/${options.filename}`),
      bytesReceived: 0,
      totalBytes: outcome.kind === 'complete' ? outcome.bytes : -1,
      fileSize: -1,
      exists: true,
      startTime: new Date((this.options.wallClock ?? Date.now)()).toISOString(),
    });
    if (outcome.kind === 'fail-start') {
      this.later(() => this.settle(id, complete()));
      throw new Error(outcome.message);
    }
    this.later(() => this.settle(id, outcome));
    return id;
  }

  async search(query: DownloadQuery): Promise<DownloadItem[]> {
    const regex = query.filenameRegex === undefined ? undefined : new RegExp(query.filenameRegex);
    const after = query.startedAfter === undefined ? undefined : Date.parse(query.startedAfter);
    let found = [...this.items.values()].filter(
      (i) =>
        (query.id === undefined || i.id === query.id) &&
        (query.state === undefined || i.state === query.state) &&
        (!regex || regex.test(i.filename)) &&
        (after === undefined || Date.parse(i.startTime) > after),
    );
    if (query.orderBy?.[0] === '-startTime')
      found = found.sort((a, b) => Date.parse(b.startTime) - Date.parse(a.startTime));
    if (query.limit) found = found.slice(0, query.limit);
    return found.map((i) => ({ ...i }));
  }

  async cancel(id: number): Promise<void> {
    const item = this.items.get(id);
    this.cancelled.push(id);
    if (!item || item.state === 'complete') return;
    const wasRunning = item.state === 'in_progress';
    const previousError = item.error;
    Object.assign(item, { state: 'interrupted', error: 'USER_CANCELED', exists: false });
    this.emit({
      id,
      ...(wasRunning ? { state: { previous: 'in_progress', current: 'interrupted' } } : {}),
      error: { previous: previousError, current: 'USER_CANCELED' },
    });
  }

  async erase(query: DownloadQuery): Promise<number[]> {
    const ids = (await this.search(query)).map((i) => i.id);
    for (const id of ids) this.items.delete(id);
    return ids;
  }

  show(id: number): void {
    this.shown.push(id);
  }

  /** Ends a download left in progress, as the browser would. */
  finish(id: number, bytes = 2048): void {
    this.settle(id, complete(bytes));
  }

  interruptNow(id: number, reason: InterruptReason): void {
    this.settle(id, interrupt(reason));
  }

  /** Puts a download in the list as if a previous worker had started it (for restart scenarios). */
  seed(item: Partial<DownloadItem> & { filename: string }): DownloadItem {
    const id = this.nextId++;
    const full: DownloadItem = {
      id,
      state: 'in_progress',
      bytesReceived: 0,
      totalBytes: -1,
      fileSize: -1,
      exists: true,
      startTime: new Date((this.options.wallClock ?? Date.now)()).toISOString(),
      ...item,
      filename: `${this.dir()}/${item.filename}`,
    };
    this.items.set(id, full);
    if (full.state === 'complete') this.filesOnDisk.add(full.filename);
    return full;
  }

  /** Completed downloads still in the list, i.e. the files a user would find. */
  completed(): DownloadItem[] {
    return [...this.items.values()].filter((i) => i.state === 'complete');
  }

  /** Resolves when every scheduled onChanged emission has run. */
  async idle(): Promise<void> {
    while (this.scheduled > 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }

  get busy(): boolean {
    return this.scheduled > 0;
  }

  private settle(id: number, outcome: Outcome): void {
    const item = this.items.get(id);
    if (
      !item ||
      item.state !== 'in_progress' ||
      outcome.kind === 'in-progress' ||
      outcome.kind === 'reject' ||
      outcome.kind === 'fail-start'
    )
      return;
    if (outcome.kind === 'complete') {
      Object.assign(item, {
        state: 'complete',
        bytesReceived: outcome.bytes,
        totalBytes: outcome.bytes,
        fileSize: outcome.bytes,
      });
      this.filesOnDisk.add(item.filename);
      this.emit({
        id,
        fileSize: { previous: -1, current: outcome.bytes },
        state: { previous: 'in_progress', current: 'complete' },
      });
    } else {
      Object.assign(item, {
        state: 'interrupted',
        error: outcome.reason,
        ...(outcome.pathless ? { filename: '' } : {}),
      });
      this.emit({ id, state: { previous: 'in_progress', current: 'interrupted' }, error: { current: outcome.reason } });
    }
  }

  private outcomeFor(url: string): Outcome {
    const scripted = this.byCall.shift();
    if (scripted) return scripted;
    const rule = this.byUrl.find(({ match }) =>
      typeof match === 'string' ? url.includes(match) : match instanceof RegExp ? match.test(url) : match(url),
    );
    if (rule) return rule.outcomes.length > 1 ? (rule.outcomes.shift() as Outcome) : (rule.outcomes[0] as Outcome);
    return this.options.defaultOutcome ?? complete();
  }

  /** `uniquify` as Chromium does it: ` (1)` before the extension while the name is taken or reserved. */
  private uniquePath(path: string): string {
    const taken = (p: string) =>
      this.filesOnDisk.has(p) || [...this.items.values()].some((i) => i.state === 'in_progress' && i.filename === p);
    if (!taken(path)) return path;
    const dot = path.lastIndexOf('.');
    for (let n = 1; ; n++) {
      const candidate =
        dot > path.lastIndexOf('/') ? `${path.slice(0, dot)} (${n})${path.slice(dot)}` : `${path} (${n})`;
      if (!taken(candidate)) return candidate;
    }
  }

  private dir(): string {
    return this.options.downloadDir ?? '/home/merchant/Downloads';
  }

  private later(work: () => void): void {
    this.scheduled += 1;
    setTimeout(() => {
      this.scheduled -= 1;
      work();
    }, 0);
  }

  private emit(delta: DownloadDelta): void {
    for (const listener of [...this.listeners]) listener(delta);
  }
}
