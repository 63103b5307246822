/**
 * Get Reports page tokens. A token carries the whole query (filters, the absolute time window and a cursor), which
 * is why it must come alone; it is an HMAC-protected base64 blob bound to one merchant account.
 */
import { createHmac } from 'node:crypto';

export interface PageQuery {
  types: string[] | null;
  statuses: string[] | null;
  since: number;
  until: number;
  pageSize: number;
  /** Last report of the previous page: createdTime and reportId. */
  after: [number, string] | null;
}

const mac = (secret: Buffer, account: string, payload: string): string =>
  createHmac('sha256', secret).update(`${account}\n${payload}`).digest('base64').slice(0, 22);

export function encodeToken(secret: Buffer, account: string, query: PageQuery): string {
  const payload = JSON.stringify(query);
  return Buffer.from(JSON.stringify({ q: payload, m: mac(secret, account, payload) }), 'utf8').toString('base64');
}

export function decodeToken(secret: Buffer, account: string, token: string): PageQuery | null {
  try {
    const outer = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { q?: unknown; m?: unknown };
    if (typeof outer.q !== 'string' || outer.m !== mac(secret, account, outer.q)) return null;
    return JSON.parse(outer.q) as PageQuery;
  } catch {
    return null;
  }
}
