/** One HTTPS listener for everything: `/__emulator/…` on any host, documents by Host header, the API otherwise. */
import https from 'node:https';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { handleApi } from './api';
import { DOCUMENT_HOSTS } from './presign';
import { requestId } from './ids';
import { hostName, sortedJson, type Reply } from './http';
import { readContext, type RequestContext } from './request-context';
import { handleAdmin } from './routes/admin';
import { serveDocument } from './routes/document-host';
import type { EmulatorState } from './state';
import type { TlsMaterial } from './tls';

export interface ServerConfig {
  state: EmulatorState;
  tls: TlsMaterial;
  documentHost: string;
  /** Extra hosts (lower case) answered by the caller's own handler, e.g. a Seller Central look-alike page. */
  hostHandlers: Record<string, RequestListener>;
  url: () => string;
}

function sendApi(ctx: RequestContext, state: EmulatorState, reply: Reply): void {
  const body = reply.body as { reasonCode?: unknown };
  ctx.reasonCode = typeof body?.reasonCode === 'string' ? body.reasonCode : null;
  let text = sortedJson(reply.body);
  if (state.faults.take('malformedJsonNext')) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  ctx.res.writeHead(reply.status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'x-amz-pay-request-id': requestId(),
    Date: new Date(state.now()).toUTCString(),
  });
  ctx.res.end(text);
}

/** Request-log entry for API and document requests (not admin ones), written when the response is over. */
function logWhenDone(ctx: RequestContext, state: EmulatorState): void {
  const stats = state.stats;
  let logged = false;
  // 'finish' comes before the client can see the end of the answer; cut-off answers only ever 'close'.
  const log = (): void => {
    if (logged) return;
    logged = true;
    stats.record({
      time: ctx.arrivedAt,
      method: ctx.method,
      host: ctx.host,
      path: ctx.rawPath,
      query: ctx.rawQuery,
      route: ctx.route,
      status: ctx.res.statusCode,
      reasonCode: ctx.reasonCode,
      publicKeyId: ctx.publicKeyId,
    });
  };
  ctx.res.once('finish', log);
  ctx.res.once('close', log);
}

async function dispatch(config: ServerConfig, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const admin = /^\/__emulator(\/|\?|$)/.test(req.url ?? '');
  const own = config.hostHandlers[hostName(req.headers.host)];
  if (own && !admin) return void own(req, res);
  const ctx = await readContext(req, res);
  const { state } = config;
  if (admin) {
    const reply = handleAdmin(ctx, state, {
      caCertPem: config.tls.caCert,
      url: config.url(),
      documentHost: config.documentHost,
    });
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'Content-Type': reply.contentType ?? 'application/json' });
    res.end(text);
    return;
  }
  logWhenDone(ctx, state);
  if (Object.values(DOCUMENT_HOSTS).some((d) => d.host === ctx.host)) {
    res.setHeader('Date', new Date(state.now()).toUTCString());
    return serveDocument(ctx, state);
  }
  const reply = await handleApi(ctx, state);
  await reply.hold;
  sendApi(ctx, state, reply);
}

/**
 * Idle connections stay open 30 s, longer than clients keep theirs (Node's agent: 5 s). Otherwise a server busy for a
 * while (rendering a 25 000-row file) closes sockets as it wakes, just as a client in the same process reuses them.
 */
const KEEP_ALIVE_MS = 30_000;

export function createEmulatorServer(config: ServerConfig): https.Server {
  return https.createServer(
    { key: config.tls.key, cert: config.tls.cert, keepAliveTimeout: KEEP_ALIVE_MS },
    (req, res) => {
      dispatch(config, req, res).catch((error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ reasonCode: 'InternalServerError', message: `emulator bug: ${String(error)}` }));
        } else {
          res.destroy();
        }
      });
    },
  );
}
