/** What the emulator observed: request counts, rejections, the request log and each document URL's life. */

export interface DownloadRecord {
  /** Epoch ms (sub-ms resolution, real clock) when the download request arrived. */
  requestedAt: number;
  status: number;
  bytesServed: number;
  finishedAt: number | null;
  /** True when the whole body was written; false when cut short (fault or client abort). */
  completed: boolean;
}

export interface UrlRecord {
  /** Epoch ms (sub-ms resolution, real clock) when Get Report Document returned the URL. */
  issuedAt: number;
  /** Emulator-clock epoch ms after which the URL is refused. */
  expiresAt: number;
  downloads: DownloadRecord[];
}

export interface RequestLogEntry {
  time: number;
  method: string;
  host: string;
  path: string;
  query: string;
  route: string;
  status: number;
  reasonCode: string | null;
  publicKeyId: string | null;
}

export interface StatsSnapshot {
  requests: { total: number; byRoute: Record<string, number> };
  rejections: { byReasonCode: Record<string, number> };
  /** 429 answers served. */
  throttled: number;
  /** Per reportDocumentId, every URL issued for it with its downloads. */
  documents: Record<string, { urls: UrlRecord[] }>;
}

const MAX_LOG = 20_000;

export class Stats {
  requestsByRoute: Record<string, number> = {};
  rejectionsByReasonCode: Record<string, number> = {};
  throttled = 0;
  private documents = new Map<string, UrlRecord[]>();
  private urls = new Map<string, UrlRecord>();
  log: RequestLogEntry[] = [];

  countRequest(route: string): void {
    this.requestsByRoute[route] = (this.requestsByRoute[route] ?? 0) + 1;
  }

  record(entry: RequestLogEntry): void {
    if (entry.reasonCode)
      this.rejectionsByReasonCode[entry.reasonCode] = (this.rejectionsByReasonCode[entry.reasonCode] ?? 0) + 1;
    if (entry.status === 429) this.throttled += 1;
    this.log.push(entry);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
  }

  urlIssued(documentId: string, signature: string, issuedAt: number, expiresAt: number): void {
    const rec: UrlRecord = { issuedAt, expiresAt, downloads: [] };
    this.urls.set(signature, rec);
    const list = this.documents.get(documentId) ?? [];
    list.push(rec);
    this.documents.set(documentId, list);
  }

  /** Starts a download record under the URL it used (if the emulator issued that URL). */
  downloadStarted(signature: string, requestedAt: number, status: number): DownloadRecord {
    const rec: DownloadRecord = { requestedAt, status, bytesServed: 0, finishedAt: null, completed: false };
    this.urls.get(signature)?.downloads.push(rec);
    return rec;
  }

  snapshot(): StatsSnapshot {
    return {
      requests: {
        total: Object.values(this.requestsByRoute).reduce((a, b) => a + b, 0),
        byRoute: this.requestsByRoute,
      },
      rejections: { byReasonCode: this.rejectionsByReasonCode },
      throttled: this.throttled,
      documents: Object.fromEntries([...this.documents].map(([id, urls]) => [id, { urls }])),
    };
  }
}
