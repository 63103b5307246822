import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLedgerDb } from '../../../utils/ledger/db';
import { importSettlementFile } from '../../../utils/ledger/import';
import { listSettlements } from '../../../utils/ledger/queries';
import { layoutChart, seriesByCurrency, type ChartPoint } from '../../../utils/views/settlement-chart';
import { generateSettlement } from '../../fixtures/ledger/generate';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/ledger/${name}`, import.meta.url)));
const encode = (text: string) => new TextEncoder().encode(text);

let db: IDBDatabase;
beforeAll(async () => {
  db = await openLedgerDb('settlement-chart-test');
  await importSettlementFile(db, fixture('settlement-us.csv'), 'settlement-us.csv');
  await importSettlementFile(db, fixture('settlement-jp.csv'), 'settlement-jp.csv');
  for (const [i, start] of ['2026-01-05', '2026-01-19', '2026-02-02'].entries()) {
    const file = generateSettlement({ seed: 40 + i, rows: 30, currency: 'USD', start: new Date(`${start}T00:00:00Z`) });
    await importSettlementFile(db, encode(file.text), `generated-${i}.csv`);
  }
});

describe('payouts and fees per currency', () => {
  it('makes one series per currency, oldest first, with the payout and the sum of every fee', async () => {
    const series = seriesByCurrency(await listSettlements(db));
    expect(series.map((s) => [s.currency, s.points.length])).toEqual([
      ['JPY', 1],
      ['USD', 4],
    ]);
    const usd = series[1]!.points;
    expect(usd.map((p) => p.time)).toEqual([...usd.map((p) => p.time)].sort());
    expect(usd.at(-1)).toMatchObject({ settlementId: '7301234567', payoutMinor: 120417, feeMinor: -3805 });
    expect(series[0]!.points[0]).toMatchObject({ settlementId: '9100001234', payoutMinor: 12344, feeMinor: -456 });
  });
});

const point = (settlementId: string, payoutMinor: number, feeMinor: number): ChartPoint => ({
  settlementId,
  time: `2026-03-0${settlementId}T00:00:00Z`,
  payoutMinor,
  feeMinor,
});

describe('the chart layout', () => {
  const layout = layoutChart([point('1', 10000, -500), point('2', 20000, -1000), point('3', -2000, -100)], 640, 200);

  it('draws every bar from the zero line, up for positive and down for negative amounts, to one scale', () => {
    const [first, second, third] = layout.slots;
    expect(second!.payout.y).toBeCloseTo(8);
    expect(second!.payout.y + second!.payout.height).toBeCloseTo(layout.zeroY);
    expect(first!.payout.height / second!.payout.height).toBeCloseTo(0.5);
    expect(second!.fee.y).toBeCloseTo(layout.zeroY);
    expect(second!.fee.height / first!.fee.height).toBeCloseTo(2);
    expect(third!.payout.y).toBeCloseTo(layout.zeroY);
    expect(third!.payout.y + third!.payout.height).toBeCloseTo(200 - 24);
  });

  it('puts the slots left to right in order, inside the plot, payout then fee', () => {
    const xs = layout.slots.map((s) => s.payout.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const { payout, fee } of layout.slots) {
      expect(payout.x).toBeGreaterThanOrEqual(layout.left);
      expect(fee.x).toBeCloseTo(payout.x + payout.width);
      expect(fee.x + fee.width).toBeLessThanOrEqual(640);
    }
  });

  it('labels the largest value, zero and the smallest value, and the first, middle and last settlement', () => {
    expect(layout.ticks.map((t) => [t.minor, t.labelled])).toEqual([
      [20000, true],
      [0, true],
      [-2000, true],
    ]);
    const nearZero = layoutChart([point('1', 100000, -500)], 640, 200);
    expect(nearZero.ticks.map((t) => [t.minor, t.labelled])).toEqual([
      [100000, true],
      [0, true],
      [-500, false],
    ]);
    expect(layout.labels.map((l) => [l.point.settlementId, l.anchor])).toEqual([
      ['1', 'start'],
      ['2', 'middle'],
      ['3', 'end'],
    ]);
  });

  it('keeps a flat chart drawable: all zero, one settlement, or none', () => {
    const flat = layoutChart([point('1', 0, 0)]);
    expect(flat.ticks).toEqual([{ y: flat.zeroY, minor: 0, labelled: true }]);
    expect(flat.slots[0]!.fee.x + flat.slots[0]!.fee.width - flat.slots[0]!.payout.x).toBeLessThanOrEqual(56);
    expect(flat.slots[0]!.payout.height).toBe(0);
    expect(flat.labels).toHaveLength(1);
    expect(layoutChart([]).slots).toEqual([]);
    for (const n of [flat.zeroY, ...flat.ticks.map((t) => t.y)]) expect(Number.isFinite(n)).toBe(true);
  });
});
