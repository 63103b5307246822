/** One incoming request as the emulator sees it, plus what the request log needs to remember about it. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostName, preciseNow, readBody } from './http';
import type { ReceivedRequest } from './verify-signature';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** Real-clock epoch ms when the request arrived. */
  arrivedAt: number;
  method: string;
  rawPath: string;
  rawQuery: string;
  /** Host header name, lower case, without port. */
  host: string;
  body: Buffer;
  received: ReceivedRequest;
  route: string;
  publicKeyId: string | null;
  /** Amazon reasonCode or S3 error code of the answer, for the request log. */
  reasonCode: string | null;
}

export async function readContext(req: IncomingMessage, res: ServerResponse): Promise<RequestContext> {
  const arrivedAt = preciseNow();
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  const rawQuery = q < 0 ? '' : url.slice(q + 1);
  const body = await readBody(req);
  const method = req.method ?? 'GET';
  return {
    req,
    res,
    arrivedAt,
    method,
    rawPath,
    rawQuery,
    host: hostName(req.headers.host),
    body,
    received: { method, rawPath, rawQuery, headers: req.headersDistinct, body },
    route: 'unknown',
    publicKeyId: null,
    reasonCode: null,
  };
}
