/** Small HTTP helpers shared by the emulator's routes. */
import type { IncomingMessage } from 'node:http';

/** An Amazon Pay style error: `{"reasonCode", "message"}` with an HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reasonCode: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Reply {
  status: number;
  body: unknown;
  /** The answer waits for this before it is sent (a URL watcher holding a Get Report Document answer). */
  hold?: Promise<unknown>;
}

/** JSON with object keys in alphabetical order at every level, as the Node SDK's live tests imply (§2.3). */
export function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  });
}

export function errorReply(error: ApiError): Reply {
  return { status: error.status, body: { reasonCode: error.reasonCode, message: error.message } };
}

const MAX_BODY_BYTES = 1 << 20;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error('request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Host header → lower-case host name without port. */
export function hostName(hostHeader: string | undefined): string {
  const host = (hostHeader ?? '').trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon >= 0 ? host.slice(0, colon) : host;
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

/** Epoch milliseconds with sub-millisecond resolution, from the real clock (never shifted by the clock fault). */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}
