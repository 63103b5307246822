/** Seeded data: deterministic, Amazon-shaped ids, big histories on request. */
import { describe, expect, it } from 'vitest';
import { generateHistory } from './data';
import { SEEDED_MERCHANTS } from './index';
import { SETTLEMENT, TRANSACTION_TYPES } from './report-types';

const LIVE = SEEDED_MERCHANTS.find((m) => m.environment === 'live')!.publicKeyId;
const anchor = Date.UTC(2026, 0, 15, 12, 0, 0);
const history = (seed: string, extraReports = 0, at = anchor) =>
  generateHistory({ seed, publicKeyId: LIVE, env: 'live', region: 'na', anchor: at, extraReports });

describe('generated history', () => {
  it('is the same for the same seed, key and clock, and different for another seed', () => {
    expect(history('a')).toEqual(history('a'));
    expect(history('b').reports.map((r) => r.reportId)).not.toEqual(history('a').reports.map((r) => r.reportId));
  });

  it('keeps the same ids whatever the time of day', () => {
    const ids = (at: number) => new Set(history('a', 0, at).reports.map((r) => r.reportId));
    const morning = ids(anchor - 11 * 3_600_000);
    const evening = ids(anchor + 11 * 3_600_000);
    expect([...morning].filter((id) => !evening.has(id)).length).toBeLessThanOrEqual(1);
  });

  it('has daily settlements reaching back past the 90-day retention and the transaction report types', () => {
    const { reports } = history('a');
    const settlements = reports.filter((r) => r.reportType === SETTLEMENT);
    expect(settlements.length).toBeGreaterThanOrEqual(99);
    expect(Math.min(...settlements.map((r) => r.createdTime))).toBeLessThan(anchor - 95 * 86_400_000);
    expect(new Set(reports.map((r) => r.reportType))).toEqual(new Set([SETTLEMENT, ...TRANSACTION_TYPES]));
  });

  it("uses id shapes from Amazon's docs", () => {
    const { reports, schedules, sellerId } = history('a');
    for (const r of reports) {
      expect(r.reportId).toMatch(/^(A\d{8}T[A-Z0-9]{11}|[1-9]\d{10})$/);
      expect(r.reportDocumentId).toMatch(
        /^amzn1\.tortuga\.3\.[0-9a-f]{9}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.T[A-Z0-9]{13}$/,
      );
    }
    expect(schedules[0]!.reportScheduleId).toMatch(/^[1-9]\d{10}$/);
    expect(sellerId).toMatch(/^A[A-Z0-9]{13}$/);
  });

  it('grows to 500+ reports in 90 days with extraReports', () => {
    const recent = history('bench', 500).reports.filter((r) => r.createdTime >= anchor - 90 * 86_400_000);
    expect(recent.length).toBeGreaterThanOrEqual(500);
  });
});
