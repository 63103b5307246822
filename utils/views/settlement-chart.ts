/**
 * Payouts and fees over time, per currency, as plain geometry for a small SVG: one slot per settlement in period
 * order, a payout bar and a fee bar from a shared zero line. Amounts stay in minor units; only the drawing is scaled.
 */
import type { ListedSettlement } from '../ledger/queries';

export interface ChartPoint {
  settlementId: string;
  /** The period start, else the earliest row (the list's order). */
  time: string;
  periodStart?: string;
  periodEnd?: string;
  payoutMinor: number;
  /** Σ fee of every row: negative when Amazon charged fees. */
  feeMinor: number;
}

export interface CurrencySeries {
  currency: string;
  /** Oldest first. */
  points: ChartPoint[];
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** The plot's left edge: tick labels go left of it. */
  left: number;
  zeroY: number;
  slots: { point: ChartPoint; payout: Bar; fee: Bar }[];
  /** Gridlines at the largest value, zero and the smallest value; a label only where it does not overlap zero's. */
  ticks: { y: number; minor: number; labelled: boolean }[];
  /** The first, middle and last settlement's place on the time axis. */
  labels: { x: number; point: ChartPoint; anchor: 'start' | 'middle' | 'end' }[];
}

/** One series per currency (alphabetical), each settlement once. */
export function seriesByCurrency(listed: ListedSettlement[]): CurrencySeries[] {
  const byCurrency = new Map<string, ChartPoint[]>();
  for (const { summary } of listed) {
    const point: ChartPoint = {
      settlementId: summary.settlementId,
      time: summary.time,
      payoutMinor: summary.identity.payout,
      feeMinor: summary.categories.reduce((total, c) => total + c.feeMinor, 0),
    };
    if (summary.periodStart) point.periodStart = summary.periodStart;
    if (summary.periodEnd) point.periodEnd = summary.periodEnd;
    const points = byCurrency.get(summary.currency) ?? [];
    points.push(point);
    byCurrency.set(summary.currency, points);
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, points]) => ({
      currency,
      points: points.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0)),
    }));
}

const TOP = 8;
const BOTTOM = 24;
const LEFT = 84;
const RIGHT = 8;
/** A few settlements get bars of a readable width, not the whole plot. */
const MAX_SLOT = 56;
/** Closer than this to zero's label, an extreme's label would overlap it. */
const LABEL_GAP = 14;

export function layoutChart(points: ChartPoint[], width = 640, height = 200): ChartLayout {
  const values = points.flatMap((p) => [p.payoutMinor, p.feeMinor]);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const plotHeight = height - TOP - BOTTOM;
  const y = (minor: number) => TOP + ((max - minor) / span) * plotHeight;
  const zeroY = y(0);
  const bar = (x: number, barWidth: number, minor: number): Bar => ({
    x,
    y: Math.min(y(minor), zeroY),
    width: barWidth,
    height: Math.abs(y(minor) - zeroY),
  });
  const slot = Math.min((width - LEFT - RIGHT) / Math.max(points.length, 1), MAX_SLOT);
  const gap = Math.min(slot * 0.15, 6);
  const barWidth = Math.max((slot - 2 * gap) / 2, 0.5);
  const slots = points.map((point, i) => {
    const x = LEFT + i * slot + gap;
    return { point, payout: bar(x, barWidth, point.payoutMinor), fee: bar(x + barWidth, barWidth, point.feeMinor) };
  });
  const ticks = [...new Set([max, 0, min])].map((minor) => ({
    y: y(minor),
    minor,
    labelled: minor === 0 || Math.abs(y(minor) - zeroY) >= LABEL_GAP,
  }));
  const centre = (i: number) => LEFT + (i + 0.5) * slot;
  const labels: ChartLayout['labels'] = [];
  if (points.length > 0) labels.push({ x: LEFT, point: points[0]!, anchor: 'start' });
  if (points.length > 2) {
    const middle = Math.floor(points.length / 2);
    labels.push({ x: centre(middle), point: points[middle]!, anchor: 'middle' });
  }
  if (points.length > 1)
    labels.push({ x: LEFT + points.length * slot, point: points[points.length - 1]!, anchor: 'end' });
  return { width, height, left: LEFT, zeroY, slots, ticks, labels };
}
