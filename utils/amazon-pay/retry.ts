/** Retry policy for Amazon Pay calls: which answers are transient and how long to wait (amazon-pay-api.md §1.12). */

export interface RetryPolicy {
  /** Attempts per logical request, the first one included. */
  maxAttempts: number;
  /** Wall-clock budget for all attempts and waits together. */
  maxTotalMs: number;
  /** Backoff ceiling before the first retry; doubles per retry (full jitter picks 0..ceiling). */
  baseDelayMs: number;
  /** Ceiling for a single backoff wait. */
  maxDelayMs: number;
  /** A single attempt that takes longer than this counts as a network failure. */
  attemptTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxAttempts: 5,
  maxTotalMs: 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 16_000,
  attemptTimeoutMs: 30_000,
};

/** The statuses every official SDK (but .NET's 425) treats as transient. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * Full-jitter exponential backoff: a uniform wait in [0, min(maxDelay, base·2^(retry-1))).
 * `retry` counts from 1 (the wait before the second attempt).
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/**
 * `Retry-After` in ms: delta-seconds, or an HTTP-date measured against the response's own `Date`
 * (so our clock's skew does not matter) or else against `now`. Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, serverDate: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  const reference = serverDate ? Date.parse(serverDate) : Number.NaN;
  return Math.max(0, at - (Number.isNaN(reference) ? now : reference));
}

export function resolvePolicy(overrides?: Partial<RetryPolicy>): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, ...overrides };
}
