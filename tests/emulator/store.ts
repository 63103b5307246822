/** One merchant account in one environment: its reports, schedules and stored idempotent replies. */
import { generateHistory } from './data';
import { DAY_MS } from './dates';
import type { Reply } from './http';
import { documentId, reportId, scheduleId } from './ids';
import type { Merchant } from './merchants';
import { createRng, type Rng } from './prng';
import { SANDBOX_SETTLEMENT, type Environment } from './report-types';
import type { ReportRecord, ScheduleRecord } from './reports';

export const RETENTION_MS = 90 * DAY_MS;
/** Report ranges entirely outside [account opened, now] have no data and end CANCELLED. */
const ACCOUNT_AGE_MS = 730 * DAY_MS;

export interface StoreOptions {
  seed: string;
  anchor: number;
  extraReports: number;
  processingDelayMs: number;
}

export class MerchantStore {
  readonly key: string;
  readonly sellerId: string;
  readonly reports = new Map<string, ReportRecord>();
  readonly schedules = new Map<string, ScheduleRecord>();
  /** Idempotency key → request fingerprint and the reply first given (D-IDEM: stored indefinitely). */
  readonly idempotency = new Map<string, { fingerprint: string; reply: Reply }>();
  private readonly rng: Rng;
  private readonly openedAt: number;

  constructor(
    readonly merchant: Merchant,
    readonly env: Environment,
    private readonly options: StoreOptions,
  ) {
    this.key = storeKey(merchant.publicKeyId, env);
    const history = generateHistory({
      seed: options.seed,
      publicKeyId: merchant.publicKeyId,
      env,
      region: merchant.region,
      anchor: options.anchor,
      extraReports: options.extraReports,
    });
    this.sellerId = history.sellerId;
    for (const r of history.reports) this.reports.set(r.reportId, r);
    for (const s of history.schedules) this.schedules.set(s.reportScheduleId, s);
    this.rng = createRng(`${options.seed}:${merchant.publicKeyId}:${env}:created`);
    this.openedAt = options.anchor - ACCOUNT_AGE_MS;
  }

  /** Reports still inside the 90-day retention window. */
  retained(now: number): ReportRecord[] {
    return [...this.reports.values()].filter((r) => r.createdTime >= now - RETENTION_MS && r.createdTime <= now);
  }

  findReport(id: string, now: number): ReportRecord | undefined {
    const r = this.reports.get(id);
    return r && r.createdTime >= now - RETENTION_MS && r.createdTime <= now ? r : undefined;
  }

  createReport(type: string, start: number, end: number, now: number): ReportRecord {
    // Sandbox has data only for its own settlement report; other types end CANCELLED ("no data").
    const hasData = end > this.openedAt && start < now && (this.env === 'live' || type === SANDBOX_SETTLEMENT);
    const days = Math.max(1, Math.ceil((Math.min(end, now) - Math.max(start, this.openedAt)) / DAY_MS));
    const report: ReportRecord = {
      reportId: this.uniqueId(() => reportId(this.rng)),
      reportType: type,
      startTime: start,
      endTime: end,
      createdTime: now,
      processingStartTime: now,
      processingEndTime: now + this.options.processingDelayMs,
      finalStatus: hasData ? 'COMPLETED' : 'CANCELLED',
      reportDocumentId: documentId(this.rng),
      rows: Math.min(20_000, days * this.rng.int(5, 40)),
    };
    this.reports.set(report.reportId, report);
    return report;
  }

  createSchedule(type: string, frequency: string, next: number): ScheduleRecord {
    const schedule = {
      reportScheduleId: this.uniqueId(() => scheduleId(this.rng)),
      reportType: type,
      scheduleFrequency: frequency,
      nextReportCreationTime: next,
    };
    this.schedules.set(schedule.reportScheduleId, schedule);
    return schedule;
  }

  private uniqueId(make: () => string): string {
    for (;;) {
      const id = make();
      if (!this.reports.has(id) && !this.schedules.has(id)) return id;
    }
  }
}

export function storeKey(publicKeyId: string, env: Environment): string {
  return `${publicKeyId}|${env}`;
}
