/** Everything one emulator instance knows; `reset()` returns it to the seeded state. */
import { randomBytes } from 'node:crypto';
import { type DisbursementRecord, disbursementsOf } from './disbursements';
import { DocumentFiles } from './documents';
import { FaultEngine } from './fault-engine';
import { hostileReports } from './hostile';
import { mergeFaults, noFaults, type FaultInput } from './faults';
import { seededMerchants, toMerchant, type Merchant, type Registration } from './merchants';
import type { Environment } from './report-types';
import { preciseNow } from './http';
import { presign } from './presign';
import { newestFirst, reportView, type ReportRecord } from './reports';
import { Stats } from './stats';
import { MerchantStore, storeKey } from './store';

/** Called as a document URL is issued; a returned promise holds the answer until it settles. */
export type UrlWatcher = (documentId: string) => void | Promise<unknown>;

export interface StateOptions {
  seed: string;
  extraReports: number;
  processingDelayMs: number;
  maxDateAgeSeconds: number;
  futureToleranceSeconds: number;
  faults: FaultInput;
  documentUrlTtlSeconds: number;
  /** Adds the reports of `hostile.ts` to every live account (robustness drills). */
  hostileReports?: boolean;
}

export class EmulatorState {
  /** Per-instance secret behind document URLs and nextTokens. */
  readonly secret = randomBytes(32);
  readonly documents: DocumentFiles;
  faults: FaultEngine;
  stats = new Stats();
  private merchants = new Map<string, Merchant>();
  private stores = new Map<string, MerchantStore>();
  private documentIndex = new Map<string, { store: MerchantStore; report: ReportRecord }>();
  /** Told of every document URL the moment it is issued; they outlive `reset()`. */
  private urlWatchers = new Set<UrlWatcher>();
  /** Routes whose requests wait, once counted, until the test releases them (see `holdRoute`). */
  private routeGates = new Map<string, { open: Promise<void>; arrived: number }>();

  constructor(readonly options: StateOptions) {
    this.documents = new DocumentFiles(options.seed);
    this.faults = this.freshFaults();
    this.seedMerchants();
  }

  /** The emulator's clock: real time shifted by the clock-offset fault. */
  now(): number {
    return Date.now() + this.faults.config.clockOffsetSeconds * 1000;
  }

  merchant(publicKeyId: string): Merchant | undefined {
    return this.merchants.get(publicKeyId);
  }

  merchantList(): Merchant[] {
    return [...this.merchants.values()];
  }

  register(input: Registration): Merchant {
    const merchant = toMerchant(input);
    this.merchants.set(merchant.publicKeyId, merchant);
    for (const env of ['live', 'sandbox'] as const) this.dropStore(storeKey(merchant.publicKeyId, env));
    return merchant;
  }

  /** The merchant's data in one environment, generated on first use and anchored at the emulator's "now". */
  store(merchant: Merchant, env: Environment): MerchantStore {
    const key = storeKey(merchant.publicKeyId, env);
    let store = this.stores.get(key);
    if (!store) {
      const o = this.options;
      store = new MerchantStore(merchant, env, {
        seed: o.seed,
        anchor: this.now(),
        extraReports: o.extraReports,
        processingDelayMs: o.processingDelayMs,
      });
      if (o.hostileReports && env === 'live')
        for (const r of hostileReports(o.seed, this.now())) store.reports.set(r.reportId, r);
      this.stores.set(key, store);
      for (const report of store.reports.values()) this.indexDocument(store, report);
    }
    return store;
  }

  watchUrls(watcher: UrlWatcher): () => void {
    this.urlWatchers.add(watcher);
    return () => void this.urlWatchers.delete(watcher);
  }

  /** Tells the watchers; resolves when those that returned a promise are done (the answer waits for it). */
  announceUrl(documentId: string): Promise<unknown> | undefined {
    const holds = [...this.urlWatchers].map((watcher) => watcher(documentId)).filter((r) => r instanceof Promise);
    return holds.length > 0 ? Promise.all(holds) : undefined;
  }

  /**
   * A URL for a document issued outside the API (no signature, no watchers), recorded like any other: a client
   * that downloads it at once shows how fast the browser alone turns a URL into a download request.
   */
  issueDocumentUrl(documentId: string): string | undefined {
    const found = this.findDocument(documentId);
    if (!found) return undefined;
    const issued = presign(
      this.secret,
      found.store.merchant.region,
      documentId,
      this.now(),
      this.faults.config.documentUrlTtlSeconds,
    );
    this.stats.urlIssued(documentId, issued.signature, preciseNow(), issued.expiresAt);
    return issued.url;
  }

  /** Requests to `route` wait (counted in `arrived`) until `release`; an event order instead of a latency. */
  holdRoute(route: string): { arrived(): number; release(): void } {
    let open!: () => void;
    const gate = { open: new Promise<void>((resolve) => (open = resolve)), arrived: 0 };
    this.routeGates.set(route, gate);
    return {
      arrived: () => gate.arrived,
      release: () => {
        if (this.routeGates.get(route) === gate) this.routeGates.delete(route);
        open();
      },
    };
  }

  async passRouteGate(route: string): Promise<void> {
    const gate = this.routeGates.get(route);
    if (!gate) return;
    gate.arrived += 1;
    await gate.open;
  }

  indexDocument(store: MerchantStore, report: ReportRecord): void {
    this.documentIndex.set(report.reportDocumentId, { store, report });
  }

  /** Finds a document anywhere; seeded merchants' data is generated if needed. */
  findDocument(documentId: string): { store: MerchantStore; report: ReportRecord } | undefined {
    const hit = this.documentIndex.get(documentId);
    if (hit) return hit;
    for (const m of this.merchants.values()) for (const env of m.environments) this.store(m, env);
    return this.documentIndex.get(documentId);
  }

  /** What a download must match byte for byte. */
  documentSummary(documentId: string): { reportId: string; sha256: string; size: number } | null {
    const found = this.findDocument(documentId);
    if (!found) return null;
    const { reportId, sha256, size } = this.documents.info(found.store, found.report);
    return { reportId, sha256, size };
  }

  /** Retained reports of one merchant account, newest first, in the API's JSON shape. */
  accountReports(publicKeyId: string, env?: Environment): { sellerId: string; reports: Record<string, string>[] } {
    const merchant = this.merchant(publicKeyId);
    if (!merchant) throw new Error(`unknown publicKeyId ${publicKeyId}`);
    const chosen = env ?? merchant.environments[0]!;
    if (!merchant.environments.includes(chosen)) throw new Error(`${publicKeyId} has no ${chosen} environment`);
    const store = this.store(merchant, chosen);
    const now = this.now();
    return {
      sellerId: store.sellerId,
      reports: store
        .retained(now)
        .sort(newestFirst)
        .map((r) => reportView(r, now)),
    };
  }

  /** One merchant account's disbursements (Get Disbursements' records), oldest first. */
  accountDisbursements(publicKeyId: string, env?: Environment): DisbursementRecord[] {
    const merchant = this.merchant(publicKeyId);
    if (!merchant) throw new Error(`unknown publicKeyId ${publicKeyId}`);
    const chosen = env ?? merchant.environments[0]!;
    if (!merchant.environments.includes(chosen)) throw new Error(`${publicKeyId} has no ${chosen} environment`);
    return disbursementsOf(this.store(merchant, chosen));
  }

  reset(): void {
    this.merchants.clear();
    this.stores.clear();
    this.documentIndex.clear();
    this.documents.clear();
    this.stats = new Stats();
    this.faults = this.freshFaults();
    this.seedMerchants();
  }

  private freshFaults(): FaultEngine {
    const initial = mergeFaults(noFaults(this.options.documentUrlTtlSeconds), this.options.faults);
    return new FaultEngine(initial, this.options.seed);
  }

  private seedMerchants(): void {
    for (const m of seededMerchants()) this.merchants.set(m.publicKeyId, m);
  }

  private dropStore(key: string): void {
    const store = this.stores.get(key);
    if (!store) return;
    for (const r of store.reports.values()) this.documentIndex.delete(r.reportDocumentId);
    this.stores.delete(key);
  }
}
