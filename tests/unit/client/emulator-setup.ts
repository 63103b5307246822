/** Shared pieces of the emulator-backed client tests: the running emulator, the demo key and a recording client. */
import { readFileSync } from 'node:fs';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { DEMO_PRIVATE_KEY_PATH, startEmulator, type RunningEmulator } from '@/tests/emulator';
import { tlsMaterial } from '@/tests/emulator/tls';
import { createEmulatorFetch, type EmulatorFetch } from '@/tests/unit/helpers/emulator-fetch';
import type { Account } from '@/utils/accounts/types';
import { createReportsClient, type ReportsClientOptions } from '@/utils/amazon-pay/client';
import { importPrivateKeyPem } from '@/utils/keys/pem';

export const liveAccount: Account = {
  id: 'acc-live-na',
  label: 'Emulator NA live',
  region: 'na',
  environment: 'live',
  publicKeyId: 'LIVE-AEMULATORNALIVE000000001',
  algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
  createdAt: '2024-01-01T00:00:00Z',
};

export async function demoKey(): Promise<CryptoKey> {
  return importPrivateKeyPem(readFileSync(DEMO_PRIVATE_KEY_PATH, 'utf8'));
}

export async function otherKey(): Promise<CryptoKey> {
  const pair = await crypto.subtle.generateKey(
    { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  return pair.privateKey;
}

export interface Harness {
  client: ReturnType<typeof createReportsClient>;
  fetch: EmulatorFetch;
  /** Every wait the client asked for, in ms. */
  sleeps: number[];
}

/**
 * A client talking to `port` as if it were Amazon. Waits are recorded and skipped; `onSleep` runs during each
 * wait (e.g. to lift a fault before the retry).
 */
export function recordingClient(
  port: number,
  options: Partial<ReportsClientOptions> & { key: CryptoKey; onSleep?: (ms: number) => void | Promise<void> },
): Harness {
  const sleeps: number[] = [];
  const fetch = createEmulatorFetch(port);
  const { key, onSleep, ...rest } = options;
  const client = createReportsClient({
    account: liveAccount,
    loadKey: async () => key,
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
      await onSleep?.(ms);
    },
    ...rest,
  });
  return { client, fetch, sleeps };
}

/** A port nothing listens on (until someone binds it again). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startTestEmulator(): Promise<RunningEmulator> {
  return startEmulator({ port: 0, seed: 'reports-client-tests' });
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
}

/**
 * A tiny HTTPS front for the statuses the emulator cannot inject (408, 425, Retry-After): it answers from a
 * script while one is queued and forwards everything else, unchanged, to the emulator.
 */
export async function startScriptedProxy(
  emulatorPort: number,
  port = 0,
): Promise<{ port: number; script: ScriptedAnswer[]; close(): Promise<void> }> {
  const script: ScriptedAnswer[] = [];
  const tls = tlsMaterial(['pay-api.amazon.com', 'pay-api.amazon.eu', 'pay-api.amazon.jp']);
  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const scripted = script.shift();
    if (scripted) {
      req.resume();
      res.writeHead(scripted.status, {
        'content-type': 'text/html',
        date: new Date().toUTCString(),
        ...scripted.headers,
      });
      res.end(`<html><body>${scripted.status}</body></html>`);
      return;
    }
    const upstream = https.request(
      {
        host: '127.0.0.1',
        port: emulatorPort,
        method: req.method,
        path: req.url,
        headers: req.headers,
        servername: req.headers.host,
        rejectUnauthorized: false,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    script,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
