/**
 * A live merchant's chain of settlement periods: daily (NA, EU) or weekly (JP) with boundaries at an arbitrary,
 * slightly wandering time of day (real files: 15:00:44 → 14:59:44 next day; 00:04:03 → 00:00:03 a week later), each
 * releasing the previous period's reserve and, by the merchant's seeded convention, paying its own or the previous
 * period's balance. Every period follows from (seed, key id, absolute period number), whatever "now" is.
 */
import { DAY_MS } from './dates';
import { documentId, reportId } from './ids';
import type { Region } from './merchants';
import { createRng, type Rng } from './prng';
import { SETTLEMENT } from './report-types';
import type { ReportRecord } from './reports';
import { settlementIdFrom, type PayoutConvention } from './settlement-file';
import { withheldReserve, type SettlementPeriod } from './settlement-rows';

export interface SettlementHabits {
  periodMs: number;
  convention: PayoutConvention;
  keepsReserve: boolean;
  /** Where in the day (UTC) periods turn over. */
  turnoverMs: number;
}

/** Seeded per merchant; `previous-period` is the likelier convention, as the evidence leans that way. */
export function settlementHabits(seed: string, publicKeyId: string, region: Region): SettlementHabits {
  const rng = createRng(`${seed}:${publicKeyId}:habits`);
  return {
    periodMs: (region === 'jp' ? 7 : 1) * DAY_MS,
    convention: rng.next() < 0.7 ? 'previous-period' : 'this-period',
    keepsReserve: rng.next() < 0.5,
    turnoverMs: rng.int(0, 86_399) * 1000,
  };
}

/** Mostly small files, some tiny (~1 KB), a few in the megabytes. */
export function rowCount(rng: Rng): number {
  const x = rng.next();
  if (x < 0.1) return rng.int(1, 3);
  if (x < 0.8) return rng.int(5, 200);
  return rng.int(200, 2000);
}

interface Input {
  seed: string;
  publicKeyId: string;
  region: Region;
  sellerId: string;
  anchor: number;
  /** Draws which retained settlements are large (10 000–25 000 rows). */
  rng: Rng;
  /** How far back settlements reach. */
  days: number;
}

/** Settlement reports created by `anchor`, newest period first, each with the plan its file is rendered from. */
export function settlementReports(input: Input): ReportRecord[] {
  const { seed, publicKeyId, region, anchor } = input;
  const habits = settlementHabits(seed, publicKeyId, region);
  const key = `${seed}:${publicKeyId}`;
  const boundary = (e: number) =>
    e * habits.periodMs + habits.turnoverMs + createRng(`${key}:boundary:${e}`).int(-300, 300) * 1000;
  const withheld = (e: number) => withheldReserve(`${key}:period:${e}`, habits.keepsReserve);
  const count = Math.ceil((input.days * DAY_MS) / habits.periodMs);
  const third = Math.max(1, Math.floor((count * 0.85) / 3));
  const large = new Set([
    input.rng.int(1, third),
    input.rng.int(third + 1, 2 * third),
    input.rng.int(2 * third + 1, 3 * third),
  ]);
  const newest = Math.floor((anchor - habits.turnoverMs) / habits.periodMs);

  const periods = Array.from({ length: count + 1 }, (_, d): SettlementPeriod & { rng: Rng } => {
    const e = newest - d;
    const rng = createRng(`${key}:settlement:${e}`);
    // Both sizes are drawn so that the ids drawn next do not depend on which periods are large today.
    const [usual, big] = [rowCount(rng), rng.int(10_000, 25_000)];
    return {
      rng,
      seed: `${key}:period:${e}`,
      region,
      settlementId: settlementIdFrom(`${key}:period:${e}`),
      start: boundary(e - 1),
      end: boundary(e) - 60_000,
      activityRows: large.has(d) ? big : usual,
      withheldReserveMinor: withheld(e),
      releasedReserveMinor: withheld(e - 1),
      storeName: 'Emulator Demo Store',
    };
  });
  const out: ReportRecord[] = [];
  for (let d = 0; d < count; d++) {
    const { rng, ...period } = periods[d]!;
    const { rng: _unused, ...previous } = periods[d + 1]!;
    const created = period.end + rng.int(2 * 3600, 6 * 3600) * 1000;
    const processingStart = created + rng.int(0, 5) * 1000;
    if (created > anchor) continue;
    out.push({
      reportId: reportId(rng),
      reportType: SETTLEMENT,
      startTime: period.start,
      endTime: period.end,
      createdTime: created,
      processingStartTime: processingStart,
      processingEndTime: processingStart + rng.int(20, 900) * 1000,
      finalStatus: 'COMPLETED',
      reportDocumentId: documentId(rng),
      rows: period.activityRows,
      settlement: { period, previous, convention: habits.convention, sellerId: input.sellerId },
    });
  }
  return out;
}
