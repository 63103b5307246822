/** Sends requests to a running emulator as if they went to a real host (Host header + TLS server name). */
import https from 'node:https';
import { isIP } from 'node:net';
import type { RunningEmulator } from '../index';

export interface Sent {
  method?: string;
  /** Path plus `?query` exactly as it goes on the wire. */
  target: string;
  host: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface Received {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
  json<T = any>(): T;
}

export function send(emu: Pick<RunningEmulator, 'port' | 'caCert'>, s: Sent): Promise<Received> {
  return new Promise((resolve, reject) => {
    const hostName = s.host.replace(/:\d+$/, '');
    const req = https.request(
      {
        host: '127.0.0.1',
        port: emu.port,
        method: s.method ?? 'GET',
        path: s.target,
        ca: emu.caCert,
        servername: isIP(hostName) ? undefined : hostName,
        headers: { host: s.host, ...s.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    if (s.body !== undefined) req.write(s.body);
    req.end();
  });
}

/** GET a pre-signed document URL through the emulator. */
export function download(
  emu: Pick<RunningEmulator, 'port' | 'caCert'>,
  url: string,
  headers: Record<string, string> = {},
): Promise<Received> {
  const u = new URL(url);
  return send(emu, { target: `${u.pathname}${u.search}`, host: u.host, headers });
}

/** Calls the admin API over HTTP. */
export async function adminCall(
  emu: Pick<RunningEmulator, 'port' | 'caCert'>,
  method: string,
  path: string,
  body?: unknown,
): Promise<Received> {
  return send(emu, {
    method,
    target: `/__emulator${path}`,
    host: 'localhost',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
