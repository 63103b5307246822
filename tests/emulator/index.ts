/** Programmatic entry point: `startEmulator()` for tests, the benchmark and the demo. */
import type { RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DOCUMENT_HOSTS as DOCUMENTS } from './presign';
import { createEmulatorServer } from './server';
import { EmulatorState } from './state';
import { tlsMaterial } from './tls';
import type { FaultConfig, FaultInput } from './faults';
import type { Registration } from './merchants';
import type { Disbursement } from '../../utils/amazon-pay/disbursements';
import type { RequestLogEntry, StatsSnapshot } from './stats';

export {
  DEMO_PRIVATE_KEY_PATH,
  DEMO_PUBLIC_KEY_PATH,
  SEEDED_MERCHANTS,
  type SeededMerchant,
  type Region,
} from './merchants';
export type { FaultConfig, FaultInput } from './faults';
export type { RequestLogEntry, UrlRecord, DownloadRecord, StatsSnapshot } from './stats';
export {
  REPORT_TYPES,
  PROCESSING_STATUSES,
  SCHEDULE_FREQUENCIES,
  SETTLEMENT,
  SANDBOX_SETTLEMENT,
  ORDER_REFERENCE,
  BILLING_AGREEMENT,
  AUTHORIZATION,
  CAPTURE,
  REFUND,
  MULTI_CURRENCY,
  type Environment,
  type ProcessingStatus,
} from './report-types';

/** Where pre-signed report URLs point, per region (S3-style names; Amazon Pay's real hosts are undocumented). */
export const DOCUMENT_HOSTS = Object.values(DOCUMENTS).map((d) => d.host);
/** NA's document host. */
export const DOCUMENT_HOST = DOCUMENTS.na.host;

/** Every host the certificate covers; tests and browsers map the real names to the emulator. */
export const CERTIFICATE_HOSTS = [
  'pay-api.amazon.com',
  'pay-api.amazon.eu',
  'pay-api.amazon.jp',
  ...DOCUMENT_HOSTS,
  'sellercentral.amazon.com',
  'sellercentral-europe.amazon.com',
  'sellercentral-japan.amazon.com',
  'localhost',
] as const;

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Listen address, 127.0.0.1 by default. */
  host?: string;
  /** Seed of all generated data and fault draws. */
  seed?: number | string;
  /** Additional requested reports per merchant account over 90 days (benchmarks want hundreds). */
  extraReports?: number;
  /** How long created reports stay IN_PROGRESS. */
  processingDelayMs?: number;
  /** Lifetime of document URLs, 30 s like Amazon's by default. */
  documentUrlTtlSeconds?: number;
  /** Refuse x-amz-pay-date values older than this (default 15 minutes; Amazon's window is undocumented). */
  maxDateAgeSeconds?: number;
  /** Accept x-amz-pay-date values this far ahead of the emulator's clock (default 1 s). */
  futureToleranceSeconds?: number;
  /** Shifts the emulator's clock from the start. */
  clockOffsetSeconds?: number;
  /** Faults active from the start; DELETE /__emulator/faults and reset come back to these. */
  faults?: FaultInput;
  /** Hosts answered by your own handler on the same port (e.g. a Seller Central look-alike page). */
  hostHandlers?: Record<string, RequestListener>;
  /** Where the generated TLS material is cached (the temp directory by default). */
  tlsCacheDir?: string;
  /** Live accounts also hold reports whose ids and types are path traversals, controls, HTML, 10 000 characters. */
  hostileReports?: boolean;
}

export interface EmulatorAdmin {
  registerMerchant(registration: Registration): void;
  setFaults(faults: FaultInput): FaultConfig;
  clearFaults(): FaultConfig;
  stats(): StatsSnapshot;
  requests(): RequestLogEntry[];
  document(reportDocumentId: string): { reportId: string; sha256: string; size: number } | null;
  /** Retained reports of one merchant account, newest first, in the API's JSON shape. */
  reports(publicKeyId: string, environment?: 'live' | 'sandbox'): Record<string, string>[];
  /** One account's payouts as Get Disbursements returns them (the client's shape), oldest first. */
  disbursements(publicKeyId: string, environment?: 'live' | 'sandbox'): Disbursement[];
  /** The emulator clock (ms). */
  now(): number;
  /**
   * Calls `watcher` synchronously as each document URL is issued, before its answer is sent; a promise it returns
   * holds the answer until it settles. Returns an unsubscribe.
   */
  watchUrls(watcher: (reportDocumentId: string) => void | Promise<unknown>): () => void;
  /** A document URL issued without the API, recorded in the stats like the API's (see EmulatorState). */
  issueDocumentUrl(reportDocumentId: string): string | undefined;
  /** Holds every request to an API route (e.g. `getReports`) until `release()`; `arrived()` counts them. */
  holdRoute(route: string): { arrived(): number; release(): void };
  reset(): void;
}

export interface RunningEmulator {
  /** `https://127.0.0.1:<port>` */
  url: string;
  port: number;
  documentHost: string;
  /** PEM of the CA that signed the server certificate (trust it, or use --ignore-certificate-errors). */
  caCert: string;
  caCertPath: string;
  /** base64 SHA-256 of the server key's SPKI, for Chromium's --ignore-certificate-errors-spki-list. */
  spkiSha256: string;
  admin: EmulatorAdmin;
  close(): Promise<void>;
}

function admin(state: EmulatorState): EmulatorAdmin {
  return {
    registerMerchant: (r) => void state.register(r),
    setFaults: (f) => state.faults.set(f),
    clearFaults: () => state.faults.clear(),
    stats: () => state.stats.snapshot(),
    requests: () => [...state.stats.log],
    document: (id) => state.documentSummary(id),
    reports: (publicKeyId, environment) => state.accountReports(publicKeyId, environment).reports,
    disbursements: (publicKeyId, environment) =>
      state.accountDisbursements(publicKeyId, environment).map((d) => ({
        sellerId: d.sellerId,
        settlementId: d.settlementId,
        amazonDisbursementReferenceId: d.amazonDisbursementReferenceId,
        amountMinor: d.amountMinor,
        currencyCode: d.currencyCode,
        transactionTime: new Date(d.transactionTime),
      })),
    now: () => state.now(),
    watchUrls: (watcher) => state.watchUrls(watcher),
    issueDocumentUrl: (id) => state.issueDocumentUrl(id),
    holdRoute: (route) => state.holdRoute(route),
    reset: () => state.reset(),
  };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const state = new EmulatorState({
    seed: String(options.seed ?? 1),
    extraReports: options.extraReports ?? 0,
    processingDelayMs: options.processingDelayMs ?? 3000,
    maxDateAgeSeconds: options.maxDateAgeSeconds ?? 900,
    futureToleranceSeconds: options.futureToleranceSeconds ?? 1,
    documentUrlTtlSeconds: options.documentUrlTtlSeconds ?? 30,
    hostileReports: options.hostileReports ?? false,
    faults: {
      ...options.faults,
      ...(options.clockOffsetSeconds === undefined ? {} : { clockOffsetSeconds: options.clockOffsetSeconds }),
    },
  });
  const tls = tlsMaterial(CERTIFICATE_HOSTS, options.tlsCacheDir);
  const hostHandlers = Object.fromEntries(
    Object.entries(options.hostHandlers ?? {}).map(([h, fn]) => [h.toLowerCase(), fn]),
  );
  let url = '';
  const server = createEmulatorServer({ state, tls, documentHost: DOCUMENT_HOST, hostHandlers, url: () => url });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  url = `https://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    url,
    port,
    documentHost: DOCUMENT_HOST,
    caCert: tls.caCert,
    caCertPath: tls.caCertPath,
    spkiSha256: tls.spkiSha256,
    admin: admin(state),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
