/** The Reports API pipeline: route → latency → throttling/5xx faults → signature → operation → reply. */
import { authenticate, IDEMPOTENCY_HEADER } from './auth';
import { ApiError, errorReply, sleep, sortedJson, type Reply } from './http';
import type { RequestContext } from './request-context';
import { getDisbursements } from './routes/disbursements';
import { getReportDocument } from './routes/report-documents';
import { createReport, getReport, getReports } from './routes/reports';
import { cancelReportSchedule, createReportSchedule, getReportSchedule, getReportSchedules } from './routes/schedules';
import type { Handler, Operation } from './routes/operation';
import type { EmulatorState } from './state';
import type { MerchantStore } from './store';
import { decodeQuery } from './verify-signature';
import type { Environment } from './report-types';

/** `/live/v2/…`, `/sandbox/v2/…` or `/v2/…` (amazon-pay-api.md §1.2). */
const API_PATH = /^\/(?:(live|sandbox)\/)?(v\d+)\/(.*)$/;

const ROUTES: Array<{ method: string; path: RegExp; route: string }> = [
  { method: 'GET', path: /^reports$/, route: 'getReports' },
  { method: 'POST', path: /^reports$/, route: 'createReport' },
  { method: 'GET', path: /^reports\/([^/]+)$/, route: 'getReport' },
  { method: 'GET', path: /^report-documents\/([^/]+)$/, route: 'getReportDocument' },
  { method: 'GET', path: /^report-schedules$/, route: 'getReportSchedules' },
  { method: 'POST', path: /^report-schedules$/, route: 'createReportSchedule' },
  { method: 'GET', path: /^report-schedules\/([^/]+)$/, route: 'getReportSchedule' },
  { method: 'DELETE', path: /^report-schedules\/([^/]+)$/, route: 'cancelReportSchedule' },
  { method: 'GET', path: /^disbursements$/, route: 'getDisbursements' },
];

const HANDLERS: Record<string, Handler> = {
  getReports,
  createReport,
  getReport,
  getReportDocument,
  getReportSchedules,
  createReportSchedule,
  getReportSchedule,
  cancelReportSchedule,
  getDisbursements,
};

interface Resolved {
  route: string;
  id: string;
  pathEnv: Environment | null;
  version: string;
}

/** Names the operation; a trailing slash is accepted (NET and JAVA send one). */
function resolve(method: string, rawPath: string): Resolved | null {
  const m = API_PATH.exec(rawPath);
  if (!m) return null;
  const resource = m[3]!.replace(/\/$/, '');
  const hit = ROUTES.map((r) => ({ r, match: r.method === method ? r.path.exec(resource) : null })).find(
    (x) => x.match,
  );
  return {
    route: hit?.r.route ?? 'unknown',
    id: hit?.match?.[1] ?? '',
    pathEnv: (m[1] as Environment | undefined) ?? null,
    version: m[2]!,
  };
}

/** Same key + same request → the stored reply; same key + anything else → DuplicateIdempotencyKey (D-IDEM). */
function idempotent(store: MerchantStore, key: string, route: string, body: Buffer, run: () => Reply): Reply {
  let canonicalBody: string;
  try {
    canonicalBody = sortedJson(JSON.parse(body.toString('utf8')));
  } catch {
    canonicalBody = body.toString('base64');
  }
  const fingerprint = `${route}\n${canonicalBody}`;
  const stored = store.idempotency.get(key);
  if (stored && stored.fingerprint !== fingerprint) {
    throw new ApiError(
      400,
      'DuplicateIdempotencyKey',
      `The idempotency key ${key} was already used with a different request.`,
    );
  }
  if (stored) return stored.reply;
  const reply = run();
  store.idempotency.set(key, { fingerprint, reply });
  return reply;
}

export async function handleApi(ctx: RequestContext, state: EmulatorState): Promise<Reply> {
  const resolved = resolve(ctx.method, ctx.rawPath);
  ctx.route = resolved?.route ?? 'unknown';
  state.stats.countRequest(ctx.route);
  await sleep(state.faults.latencyFor(ctx.route));
  await state.passRouteGate(ctx.route);
  try {
    const fault = state.faults.gate();
    if (fault) throw fault;
    if (!resolved) throw new ApiError(404, 'ResourceNotFound', `No resource at ${ctx.rawPath}`);
    if (resolved.version !== 'v2')
      throw new ApiError(400, 'InvalidAPIVersion', `The API version ${resolved.version} is not supported.`);
    let params: Array<[string, string]>;
    try {
      params = decodeQuery(ctx.rawQuery);
    } catch {
      throw new ApiError(400, 'InvalidRequest', 'The query string is not correctly percent-encoded.');
    }
    const now = state.now();
    const o = state.options;
    const auth = authenticate(ctx.received, resolved.pathEnv, {
      now,
      maxDateAgeSeconds: o.maxDateAgeSeconds,
      futureToleranceSeconds: o.futureToleranceSeconds,
      lookup: (id) => state.merchant(id),
    });
    ctx.publicKeyId = auth.merchant.publicKeyId;
    if (state.faults.config.inactiveAccounts.includes(auth.merchant.publicKeyId)) {
      // The code and its 403 come from a partner's list (S360); the wording follows Amazon's error table.
      throw new ApiError(
        403,
        'InvalidAccountStatus',
        'The specified merchant account is not in an appropriate state to execute this request. For example, it has been suspended or has not completed registration.',
      );
    }
    const handler = HANDLERS[resolved.route];
    if (!handler) throw new ApiError(404, 'ResourceNotFound', `No operation ${ctx.method} ${ctx.rawPath}`);
    const store = state.store(auth.merchant, auth.env);
    const op: Operation = { state, store, now, params, id: resolved.id, body: ctx.body };
    const run = (): Reply => {
      try {
        return handler(op);
      } catch (e) {
        if (e instanceof ApiError) return errorReply(e);
        throw e;
      }
    };
    if (ctx.method !== 'POST') return run();
    return idempotent(store, ctx.received.headers[IDEMPOTENCY_HEADER]!.join(','), resolved.route, ctx.body, run);
  } catch (e) {
    if (e instanceof ApiError) return errorReply(e);
    throw e;
  }
}
