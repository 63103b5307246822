/**
 * A view's first-paint figures: opens of the view alternated with opens of its static copy (bench/lib/static-page.ts),
 * reported as the first row on screen (with its target), the live view's first row, and the first row over the
 * static copy's.
 */
import { compare, measured, type Metric } from './metric';

export interface PaintedAt {
  first: number;
  live: number;
}

export interface FirstRowNames {
  first: string;
  live: string;
  overStatic: string;
}

/** One warm-up open of the static copy (the view's own warm-up comes before the copy exists), then `opens` pairs. */
export async function alternateOpens(
  opens: number,
  openView: () => Promise<PaintedAt>,
  openStatic: () => Promise<number>,
): Promise<{ times: PaintedAt[]; floor: number[] }> {
  await openStatic();
  const times: PaintedAt[] = [];
  const floor: number[] = [];
  for (let i = 0; i < opens; i++) {
    times.push(await openView());
    floor.push(await openStatic());
  }
  return { times, floor };
}

export function firstRowMetrics(names: FirstRowNames, times: PaintedAt[], floor: number[]): Metric[] {
  const first = times.map((t) => t.first);
  return [
    { ...measured(names.first, 'ms', first, 1), target: '≤ 100' },
    measured(
      names.live,
      'ms',
      times.map((t) => t.live),
      1,
    ),
    compare(names.overStatic, 'ms', first, floor),
  ];
}
