/**
 * Retries against real HTTPS: 429 and 5xx come from the emulator's fault injection; 408, 425 and Retry-After
 * (which the emulator does not produce) from a scripted proxy in front of it; network errors from a closed port.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@/tests/emulator';
import { AmazonPayError, NetworkError } from '@/utils/amazon-pay/errors';
import { demoKey, freePort, recordingClient, startScriptedProxy, startTestEmulator } from './emulator-setup';

let emu: RunningEmulator;
let proxy: Awaited<ReturnType<typeof startScriptedProxy>>;
let key: CryptoKey;

beforeAll(async () => {
  [emu, key] = await Promise.all([startTestEmulator(), demoKey()]);
  proxy = await startScriptedProxy(emu.port);
});
afterAll(async () => {
  await proxy.close();
  await emu.close();
});
beforeEach(() => {
  emu.admin.reset();
  proxy.script.length = 0;
});

const statuses = () =>
  emu.admin
    .requests()
    .filter((r) => r.route === 'getReports')
    .map((r) => r.status);

describe('retryable answers from the emulator', () => {
  it('retries 429 with growing, fully jittered waits and then succeeds', async () => {
    emu.admin.setFaults({ throttleNext: 3 });
    const { client, sleeps } = recordingClient(emu.port, { key, random: () => 0.75 });
    const page = await client.listReportsPage({ pageSize: 2 });
    expect(page.reports).toHaveLength(2);
    expect(statuses()).toEqual([429, 429, 429, 200]);
    expect(sleeps).toEqual([750, 1500, 3000]);
  });

  it('keeps each real jittered wait within [0, base·2^(n-1))', async () => {
    emu.admin.setFaults({ throttleNext: 4 });
    const { client, sleeps } = recordingClient(emu.port, { key, retry: { baseDelayMs: 400 } });
    await client.listReportsPage({ pageSize: 1 });
    expect(sleeps).toHaveLength(4);
    sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(400 * 2 ** i);
    });
  });

  it.each([500, 502, 503, 504])('retries %i and succeeds once the fault is gone', async (status) => {
    emu.admin.setFaults({ errorRate: { probability: 1, statuses: [status] } });
    const { client, sleeps } = recordingClient(emu.port, { key, onSleep: () => void emu.admin.clearFaults() });
    const page = await client.listReportsPage({ pageSize: 1 });
    expect(page.reports).toHaveLength(1);
    expect(statuses()).toEqual([status, 200]);
    expect(sleeps).toHaveLength(1);
  });

  it('gives up after maxAttempts with a rate-limited AmazonPayError', async () => {
    emu.admin.setFaults({ throttleNext: 10 });
    const { client, sleeps } = recordingClient(emu.port, { key, retry: { maxAttempts: 3 } });
    const error = (await client.listReportsPage().catch((e: unknown) => e)) as AmazonPayError;
    expect(error).toBeInstanceOf(AmazonPayError);
    expect([error.code, error.status, error.reasonCode, error.details.attempts]).toEqual([
      'rate-limited',
      429,
      'TooManyRequests',
      3,
    ]);
    expect(error.userMessage).toMatch(/wait a minute/);
    expect(statuses()).toEqual([429, 429, 429]);
    expect(sleeps).toHaveLength(2);
  });
});

describe('retryable answers from the scripted proxy', () => {
  it.each([408, 425])('retries %i (non-JSON body) and succeeds through to the emulator', async (status) => {
    proxy.script.push({ status });
    const { client, fetch, sleeps } = recordingClient(proxy.port, { key });
    const page = await client.listReportsPage({ pageSize: 1 });
    expect(page.reports).toHaveLength(1);
    expect(fetch.requests).toHaveLength(2);
    expect(statuses()).toEqual([200]);
    expect(sleeps).toHaveLength(1);
  });

  it('honours Retry-After in seconds instead of the backoff', async () => {
    proxy.script.push({ status: 503, headers: { 'retry-after': '7' } });
    const { client, sleeps } = recordingClient(proxy.port, { key });
    await client.listReportsPage({ pageSize: 1 });
    expect(sleeps).toEqual([7000]);
  });

  it('honours Retry-After as an HTTP-date, measured against the response Date', async () => {
    const serverNow = Date.parse('2030-06-01T10:00:00Z');
    proxy.script.push({
      status: 429,
      headers: { date: new Date(serverNow).toUTCString(), 'retry-after': new Date(serverNow + 4000).toUTCString() },
    });
    const { client, sleeps } = recordingClient(proxy.port, { key });
    await client.listReportsPage({ pageSize: 1 });
    expect(sleeps).toEqual([4000]);
  });
});

describe('network errors', () => {
  it('retries a refused connection, then throws NetworkError', async () => {
    const { client, sleeps } = recordingClient(await freePort(), { key, retry: { maxAttempts: 3 } });
    const error = (await client.listReportsPage().catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.code).toBe('network');
    expect(error.details).toMatchObject({ host: 'pay-api.amazon.com', attempts: 3, timedOut: false });
    expect(error.details.cause).toMatch(/ECONNREFUSED/);
    expect(error.userMessage).toBe("Couldn't reach Amazon Pay (pay-api.amazon.com); check your internet connection");
    expect(sleeps).toHaveLength(2);
  });

  it('recovers when the server comes back between attempts', async () => {
    const port = await freePort();
    let revived: Awaited<ReturnType<typeof startScriptedProxy>> | undefined;
    const { client, fetch } = recordingClient(port, {
      key,
      onSleep: async () => {
        revived ??= await startScriptedProxy(emu.port, port);
      },
    });
    try {
      const page = await client.listReportsPage({ pageSize: 1 });
      expect(page.reports).toHaveLength(1);
      expect(fetch.requests).toHaveLength(2);
    } finally {
      await revived?.close();
    }
  });
});
