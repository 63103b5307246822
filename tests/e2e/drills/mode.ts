/** `CHAOS=full` (`npm run test:chaos`) runs every drill at full size; `npm test` runs the fast versions. */
export const FULL = process.env.CHAOS === 'full';

export function size<T>(fast: T, full: T): T {
  return FULL ? full : fast;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Wall-clock ms with sub-ms resolution, the clock the emulator's stats use. */
export const preciseNow = () => performance.timeOrigin + performance.now();
