/**
 * Deterministic report history for one merchant and environment: the same seed, key id and "now" always give the
 * same reports. Times are relative to the emulator's clock at generation, so 90-day retention has something to hide.
 */
import { DAY_MS } from './dates';
import { documentId, reportId, scheduleId, sellerId } from './ids';
import type { Region } from './merchants';
import { createRng, type Rng } from './prng';
import { ORDER_REFERENCE, SANDBOX_SETTLEMENT, TRANSACTION_TYPES, type Environment } from './report-types';
import { rowCount, settlementReports } from './settlement-history';
import type { ReportRecord, ScheduleRecord } from './reports';

export interface HistoryInput {
  seed: string;
  publicKeyId: string;
  env: Environment;
  region: Region;
  /** Emulator-clock ms the history is anchored at. */
  anchor: number;
  /** Additional (non-settlement) reports spread over 90 days, e.g. for benchmarks. */
  extraReports: number;
}

export interface History {
  sellerId: string;
  reports: ReportRecord[];
  schedules: ScheduleRecord[];
}

const HOUR = 3_600_000;
const SETTLEMENT_DAYS = 100;

function makeReport(rng: Rng, type: string, start: number, end: number, created: number, rows: number): ReportRecord {
  const processingStart = created + rng.int(0, 5) * 1000;
  return {
    reportId: reportId(rng),
    reportType: type,
    startTime: start,
    endTime: end,
    createdTime: created,
    processingStartTime: processingStart,
    processingEndTime: processingStart + rng.int(20, 900) * 1000,
    finalStatus: 'COMPLETED',
    reportDocumentId: documentId(rng),
    rows,
  };
}

/** Manually requested reports at random times within the last 95 days. */
function requested(rng: Rng, anchor: number, count: number, types: readonly string[]): ReportRecord[] {
  return Array.from({ length: count }, () => {
    const created = anchor - rng.int(HOUR / 1000, 95 * 86_400) * 1000;
    const end = Math.floor((created - rng.int(0, 48) * HOUR) / HOUR) * HOUR;
    const start = end - rng.int(1, 31) * DAY_MS;
    return makeReport(rng, rng.pick(types), start, end, created, rowCount(rng));
  });
}

/** The first three requested reports are one still running, one FAILED and one CANCELLED (no data). */
function withUnhappyStatuses(reports: ReportRecord[], anchor: number): void {
  const [running, failed, cancelled] = reports;
  if (running) {
    running.createdTime = anchor - 10 * 60_000;
    running.processingStartTime = running.createdTime + 2000;
    running.processingEndTime = anchor + 6 * HOUR;
  }
  if (failed) failed.finalStatus = 'FAILED';
  if (cancelled) cancelled.finalStatus = 'CANCELLED';
}

export function generateHistory(input: HistoryInput): History {
  const rng = createRng(`${input.seed}:${input.publicKeyId}:${input.env}`);
  const seller = sellerId(createRng(`${input.seed}:${input.publicKeyId}:seller`));
  const live = input.env === 'live';
  const large = createRng(`${input.seed}:${input.publicKeyId}:large`);
  const manual = requested(
    rng,
    input.anchor,
    (live ? 25 : 15) + input.extraReports,
    live ? TRANSACTION_TYPES : [SANDBOX_SETTLEMENT],
  );
  withUnhappyStatuses(manual, input.anchor);
  const settlements = live
    ? settlementReports({
        seed: input.seed,
        publicKeyId: input.publicKeyId,
        region: input.region,
        sellerId: seller,
        anchor: input.anchor,
        rng: large,
        days: SETTLEMENT_DAYS,
      })
    : [];
  const reports = [...settlements, ...manual];
  const schedules: ScheduleRecord[] = [
    {
      reportScheduleId: scheduleId(rng),
      reportType: live ? ORDER_REFERENCE : SANDBOX_SETTLEMENT,
      scheduleFrequency: live ? 'P7D' : 'P1D',
      nextReportCreationTime: Math.floor(input.anchor / HOUR) * HOUR + rng.int(1, 24) * HOUR,
    },
  ];
  return { sellerId: seller, reports, schedules };
}
