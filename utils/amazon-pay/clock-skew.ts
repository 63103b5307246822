/**
 * Per-region clock offset (server time − local time). Amazon rejects an `x-amz-pay-date` in its future,
 * so when it does we learn the offset from its `Date` header and sign later requests with corrected time.
 */
import type { Region } from './endpoints';

export type SkewOffsets = Partial<Record<Region, number>>;

/** Lets the background keep offsets in storage across service-worker restarts. */
export interface SkewPersistence {
  save(offsets: SkewOffsets): void | Promise<void>;
}

export interface ClockSkewStore {
  /** Server minus local time in ms for the region; 0 until Amazon has disagreed with our clock. */
  offset(region: Region): number;
  record(region: Region, offsetMs: number): void;
  /** All known offsets, e.g. for "your clock is N s off". */
  snapshot(): SkewOffsets;
}

export function createClockSkewStore(
  options: { initial?: SkewOffsets; persistence?: SkewPersistence } = {},
): ClockSkewStore {
  const offsets: SkewOffsets = { ...options.initial };
  return {
    offset: (region) => offsets[region] ?? 0,
    record(region, offsetMs) {
      offsets[region] = offsetMs;
      const saved = { ...offsets };
      // Persisting is best effort: the in-memory offset already corrects this worker's requests.
      Promise.resolve()
        .then(() => options.persistence?.save(saved))
        .catch(() => undefined);
    },
    snapshot: () => ({ ...offsets }),
  };
}

/**
 * Offset from a response `Date` header. The header has whole seconds and was stamped somewhere between
 * sending and `receivedAt`; taking its floor against `receivedAt` errs towards the past, never the future.
 */
export function estimateSkew(serverDate: string | null, receivedAt: number): number | undefined {
  if (!serverDate) return undefined;
  const server = Date.parse(serverDate);
  return Number.isNaN(server) ? undefined : server - receivedAt;
}

/**
 * Amazon's answer to a date outside its window: 400 InvalidHeaderValue naming x-amz-pay-date as in the future
 * (documented) or as too old / expired (wording undocumented, so matched loosely). A malformed date is not one.
 */
export function isClockRejection(status: number, reasonCode: string | undefined, message: string | undefined): boolean {
  const text = message ?? '';
  return (
    status === 400 &&
    reasonCode === 'InvalidHeaderValue' &&
    /x-amz-pay-date/i.test(text) &&
    /future|old|expired|stale|skew/i.test(text)
  );
}
