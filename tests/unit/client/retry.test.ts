import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
  resolvePolicy,
} from '@/utils/amazon-pay/retry';

describe('isRetryableStatus', () => {
  it.each([408, 425, 429, 500, 502, 503, 504])('retries %i', (status) => expect(isRetryableStatus(status)).toBe(true));
  it.each([200, 400, 401, 403, 404, 409, 501])('does not retry %i', (status) =>
    expect(isRetryableStatus(status)).toBe(false),
  );
});

describe('backoffDelay', () => {
  const policy = resolvePolicy({ baseDelayMs: 1000, maxDelayMs: 5000 });

  it('grows the ceiling exponentially up to maxDelayMs (random → 1)', () => {
    const almostOne = () => 0.999999;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, almostOne))).toEqual([999, 1999, 3999, 4999, 4999]);
  });

  it('uses full jitter: 0 when random is 0, the middle when random is 0.5', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(2000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-01-15T12:00:00Z');

  it('reads delta-seconds', () => expect(parseRetryAfter(' 7 ', null, now)).toBe(7000));
  it('reads an HTTP-date against the server Date header, not our clock', () => {
    expect(parseRetryAfter('Mon, 15 Jan 2024 12:00:10 GMT', 'Mon, 15 Jan 2024 12:00:04 GMT', now + 3_600_000)).toBe(
      6000,
    );
  });
  it('falls back to now without a Date header, never negative', () => {
    expect(parseRetryAfter('Mon, 15 Jan 2024 12:00:03 GMT', null, now)).toBe(3000);
    expect(parseRetryAfter('Mon, 15 Jan 2024 11:00:00 GMT', null, now)).toBe(0);
  });
  it.each([null, '', 'soon'])('is undefined for %j', (value) =>
    expect(parseRetryAfter(value, null, now)).toBeUndefined(),
  );
});

describe('resolvePolicy', () => {
  it('defaults to 5 attempts within about 60 s', () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBe(5);
    expect(DEFAULT_RETRY_POLICY.maxTotalMs).toBe(60_000);
    expect(resolvePolicy({ maxAttempts: 2 })).toEqual({ ...DEFAULT_RETRY_POLICY, maxAttempts: 2 });
  });
});
