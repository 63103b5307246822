/** Budget and attempt bookkeeping of the transport, driven by an in-memory fetch and a fake clock. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createReportsClient } from '@/utils/amazon-pay/client';
import { AmazonPayError, BadResponseError, NetworkError } from '@/utils/amazon-pay/errors';
import type { Account } from '@/utils/accounts/types';

const account: Account = {
  id: 'acc',
  label: 'Test',
  region: 'na',
  environment: 'live',
  publicKeyId: 'LIVE-AAAAAAAAAAAAAAAAAAAAAAAA',
  algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
  createdAt: '2024-01-01T00:00:00Z',
};
let key: CryptoKey;

beforeAll(async () => {
  const pair = await crypto.subtle.generateKey(
    { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  key = pair.privateKey;
});

interface Call {
  url: string;
  headers: Record<string, string>;
}

/** A client whose clock only moves when it sleeps, answering from a script of responses. */
function scripted(answers: Array<() => Response>, retry = {}) {
  let clock = Date.parse('2024-01-15T12:00:00Z');
  const calls: Call[] = [];
  const sleeps: number[] = [];
  const client = createReportsClient({
    account,
    loadKey: async () => key,
    fetch: async (input, init) => {
      calls.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) } });
      const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
      return answer!();
    },
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    now: () => clock,
    retry,
  });
  return { client, calls, sleeps };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const unavailable = json(503, { reasonCode: 'ServiceUnavailable', message: 'try later' });
const emptyList = json(200, { reports: [] });

describe('transport budget', () => {
  it('stops after maxAttempts with the last error and the attempt count', async () => {
    const { client, calls, sleeps } = scripted([unavailable]);
    const error = await client.listReportsPage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmazonPayError);
    expect((error as AmazonPayError).code).toBe('amazon-unavailable');
    expect((error as AmazonPayError).details.attempts).toBe(5);
    expect(calls).toHaveLength(5);
    // Full jitter at random = 0.5: half of 1 s, 2 s, 4 s, 8 s.
    expect(sleeps).toEqual([500, 1000, 2000, 4000]);
  });

  it('stops before a wait that would overrun maxTotalMs', async () => {
    const { client, calls, sleeps } = scripted([unavailable], { maxTotalMs: 2_000 });
    await expect(client.listReportsPage()).rejects.toBeInstanceOf(AmazonPayError);
    expect(sleeps).toEqual([500, 1000]);
    expect(calls).toHaveLength(3);
  });

  it('gives up at once when Retry-After exceeds the budget, and says how long Amazon asked for', async () => {
    const { client, calls, sleeps } = scripted([
      json(429, { reasonCode: 'TooManyRequests', message: 'slow down' }, { 'retry-after': '120' }),
    ]);
    const error = (await client.listReportsPage().catch((e: unknown) => e)) as AmazonPayError;
    expect(error.code).toBe('rate-limited');
    expect(error.details).toMatchObject({ status: 429, attempts: 1, retryAfterMs: 120_000 });
    expect([calls.length, sleeps.length]).toEqual([1, 0]);
  });

  it('re-signs every attempt with a fresh date and keeps one idempotency key per logical POST', async () => {
    const { client, calls } = scripted([unavailable, unavailable, json(201, { reportId: 'R1' })]);
    await expect(
      client.createReport({
        reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_',
        startTime: new Date('2024-01-01T00:00:00Z'),
        endTime: new Date('2024-01-02T00:00:00Z'),
      }),
    ).resolves.toEqual({ reportId: 'R1' });
    const dates = calls.map((c) => c.headers['x-amz-pay-date']);
    expect(dates).toEqual(['20240115T120000Z', '20240115T120000Z', '20240115T120001Z']);
    expect(new Set(calls.map((c) => c.headers.authorization)).size).toBe(3);
    const keys = new Set(calls.map((c) => c.headers['x-amz-pay-idempotency-key']));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('uses a new idempotency key for a new logical request', async () => {
    const { client, calls } = scripted([json(201, { reportId: 'R1' })]);
    const input = { reportType: 'T', startTime: new Date(0), endTime: new Date(1000) };
    await client.createReport(input);
    await client.createReport(input);
    expect(calls[0]!.headers['x-amz-pay-idempotency-key']).not.toBe(calls[1]!.headers['x-amz-pay-idempotency-key']);
  });

  it('retries malformed JSON in a 2xx like a 5xx and reports bad-response when it persists', async () => {
    const garbled = () => new Response('{"reports": [', { status: 200 });
    const recovered = scripted([garbled, emptyList]);
    await expect(recovered.client.listReportsPage()).resolves.toEqual({ reports: [], nextToken: undefined });
    expect(recovered.calls).toHaveLength(2);

    const broken = scripted([garbled], { maxAttempts: 2 });
    const error = await broken.client.listReportsPage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadResponseError);
    expect((error as BadResponseError).code).toBe('bad-response');
  });

  it('treats an attempt that outlives attemptTimeoutMs as a network failure', async () => {
    const client = createReportsClient({
      account,
      loadKey: async () => key,
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
      sleep: async () => undefined,
      retry: { maxAttempts: 2, attemptTimeoutMs: 30 },
    });
    const error = (await client.listReportsPage().catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.details).toMatchObject({ host: 'pay-api.amazon.com', timedOut: true, attempts: 2 });
  });
});
