/** The emulator's own API under `/__emulator/` (any host): merchants, documents, faults, observation, reset. */
import { keyEnvironment, type Merchant, type Registration } from '../merchants';
import type { RequestContext } from '../request-context';
import type { EmulatorState } from '../state';

export interface AdminReply {
  status: number;
  body: unknown;
  contentType?: string;
}

const ok = (body: unknown, status = 200): AdminReply => ({ status, body });
const fail = (status: number, message: string): AdminReply => ({ status, body: { error: message } });

function merchantView(m: Merchant) {
  return {
    publicKeyId: m.publicKeyId,
    region: m.region,
    environments: m.environments,
    seeded: m.seeded,
    legacy: keyEnvironment(m.publicKeyId) === null,
  };
}

function parseJson(ctx: RequestContext): unknown {
  return ctx.body.length === 0 ? {} : JSON.parse(ctx.body.toString('utf8'));
}

export function handleAdmin(
  ctx: RequestContext,
  state: EmulatorState,
  info: { caCertPem: string; url: string; documentHost: string },
): AdminReply {
  const path = ctx.rawPath.replace(/^\/__emulator/, '').replace(/\/$/, '');
  const params = new URLSearchParams(ctx.rawQuery);
  const resource = /^\/documents\/.+\/url$/.test(path)
    ? '/documents/:id/url'
    : path.replace(/^\/documents\/.+$/, '/documents/:id');
  const route = `${ctx.method} ${resource}`;
  try {
    switch (route) {
      case 'GET /health':
        return ok({ ready: true, url: info.url, documentHost: info.documentHost, now: state.now() });
      case 'GET /ca.pem':
        return { status: 200, body: info.caCertPem, contentType: 'application/x-pem-file' };
      case 'GET /merchants':
        return ok({ merchants: state.merchantList().map(merchantView) });
      case 'POST /merchants':
        return ok(merchantView(state.register(parseJson(ctx) as Registration)), 201);
      case 'GET /reports': {
        const env = params.get('environment') ?? undefined;
        if (env !== undefined && env !== 'live' && env !== 'sandbox')
          return fail(400, 'environment must be live or sandbox');
        return ok(state.accountReports(params.get('publicKeyId') ?? '', env));
      }
      case 'GET /documents/:id': {
        const summary = state.documentSummary(decodeURIComponent(path.slice('/documents/'.length)));
        return summary ? ok(summary) : fail(404, 'unknown reportDocumentId');
      }
      case 'POST /documents/:id/url': {
        const id = decodeURIComponent(path.slice('/documents/'.length, -'/url'.length));
        const url = state.issueDocumentUrl(id);
        return url ? ok({ url }) : fail(404, 'unknown reportDocumentId');
      }
      case 'GET /faults':
        return ok(state.faults.config);
      case 'POST /faults':
        return ok(state.faults.set(parseJson(ctx)));
      case 'DELETE /faults':
        return ok(state.faults.clear());
      case 'GET /stats':
        return ok(state.stats.snapshot());
      case 'GET /requests': {
        const since = Number(params.get('since') ?? 0);
        return ok({ requests: state.stats.log.filter((e) => e.time >= since) });
      }
      case 'POST /reset':
        state.reset();
        return ok({ reset: true });
      default:
        return fail(404, `no admin route ${route}`);
    }
  } catch (e) {
    return fail(400, e instanceof Error ? e.message : String(e));
  }
}
