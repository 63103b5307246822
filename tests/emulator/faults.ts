/** Fault injection settings (`POST /__emulator/faults`) and their parsing. */

export interface FaultConfig {
  /** Route name (`getReports`, `document`, …) or `*` → added latency in ms. */
  latencyMs: Record<string, number>;
  /** Token bucket over all API requests; beyond it 429 TooManyRequests. */
  rateLimit: { requestsPerSecond: number; burst: number } | null;
  /** Share of API requests answered with one of `statuses` (429 or 5xx; repeat one to weight it) instead. */
  errorRate: { probability: number; statuses: number[] } | null;
  /** The next N API requests get 429. */
  throttleNext: number;
  /** The next N Get Report Document calls get 202 without a URL. */
  notReadyNext: number;
  /** The next N API responses carry a broken JSON body. */
  malformedJsonNext: number;
  /** Document bodies trickle out at this rate. */
  documentBytesPerSecond: number | null;
  /** Document connections are destroyed after `afterBytes`; for the next `count` downloads, or all when null. */
  truncateDocument: { afterBytes: number; count: number | null } | null;
  /** Shifts the emulator's clock: date checks, Date headers, report times, URL expiry. */
  clockOffsetSeconds: number;
  documentUrlTtlSeconds: number;
  /** Public key ids whose merchant account is not active: signed requests get 403 InvalidAccountStatus. */
  inactiveAccounts: string[];
  /** Sandbox refuses every type but its settlement report (400), instead of accepting and cancelling them. */
  sandboxRefusesTransactionTypes: boolean;
}

export function noFaults(documentUrlTtlSeconds = 30): FaultConfig {
  return {
    latencyMs: {},
    rateLimit: null,
    errorRate: null,
    throttleNext: 0,
    notReadyNext: 0,
    malformedJsonNext: 0,
    documentBytesPerSecond: null,
    truncateDocument: null,
    clockOffsetSeconds: 0,
    documentUrlTtlSeconds,
    inactiveAccounts: [],
    sandboxRefusesTransactionTypes: false,
  };
}

export type FaultInput = Partial<Omit<FaultConfig, 'latencyMs' | 'errorRate' | 'rateLimit' | 'truncateDocument'>> & {
  latencyMs?: number | Record<string, number>;
  errorRate?: number | { probability: number; statuses?: number[] } | null;
  rateLimit?: { requestsPerSecond: number; burst?: number } | null;
  truncateDocument?: number | { afterBytes: number; count?: number | null } | null;
};

function num(value: unknown, name: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min)
    throw new Error(`${name} must be a number >= ${min}`);
  return value;
}

function obj(value: unknown, name: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${name} must be an object`);
  return value as Record<string, unknown>;
}

/** Applies the fields present in `input` on top of `base`; throws Error on anything malformed. */
export function mergeFaults(base: FaultConfig, input: unknown): FaultConfig {
  const f = obj(input, 'faults');
  const out: FaultConfig = { ...base, latencyMs: { ...base.latencyMs } };
  for (const key of Object.keys(f)) if (!(key in out)) throw new Error(`unknown fault ${key}`);
  if (f.latencyMs !== undefined) {
    if (typeof f.latencyMs === 'number') out.latencyMs['*'] = num(f.latencyMs, 'latencyMs');
    else
      for (const [route, ms] of Object.entries(obj(f.latencyMs, 'latencyMs')))
        out.latencyMs[route] = num(ms, `latencyMs.${route}`);
  }
  if (f.rateLimit !== undefined) {
    const r = f.rateLimit === null ? null : obj(f.rateLimit, 'rateLimit');
    out.rateLimit = r && {
      requestsPerSecond: num(r.requestsPerSecond, 'rateLimit.requestsPerSecond', 0.001),
      burst: r.burst === undefined ? Math.max(1, Number(r.requestsPerSecond)) : num(r.burst, 'rateLimit.burst', 1),
    };
  }
  if (f.errorRate !== undefined) {
    const e =
      f.errorRate === null
        ? null
        : typeof f.errorRate === 'number'
          ? { probability: f.errorRate }
          : obj(f.errorRate, 'errorRate');
    const status = (s: unknown) => (s === 429 ? 429 : num(s, 'errorRate.statuses', 500));
    const statuses = e?.statuses === undefined ? [500, 503] : (e.statuses as unknown[]).map(status);
    const probability = e && num(e.probability, 'errorRate.probability');
    if (probability !== null && probability > 1) throw new Error('errorRate.probability must be <= 1');
    out.errorRate = e && { probability: probability ?? 0, statuses };
  }
  if (f.truncateDocument !== undefined) {
    const t =
      f.truncateDocument === null
        ? null
        : typeof f.truncateDocument === 'number'
          ? { afterBytes: f.truncateDocument }
          : obj(f.truncateDocument, 'truncateDocument');
    out.truncateDocument = t && {
      afterBytes: num(t.afterBytes, 'truncateDocument.afterBytes'),
      count: t.count === undefined || t.count === null ? null : num(t.count, 'truncateDocument.count'),
    };
  }
  for (const key of ['throttleNext', 'notReadyNext', 'malformedJsonNext'] as const) {
    if (f[key] !== undefined) out[key] = Math.floor(num(f[key], key));
  }
  if (f.documentBytesPerSecond !== undefined) {
    out.documentBytesPerSecond =
      f.documentBytesPerSecond === null ? null : num(f.documentBytesPerSecond, 'documentBytesPerSecond', 1);
  }
  if (f.clockOffsetSeconds !== undefined)
    out.clockOffsetSeconds = num(f.clockOffsetSeconds, 'clockOffsetSeconds', -Infinity);
  if (f.documentUrlTtlSeconds !== undefined)
    out.documentUrlTtlSeconds = num(f.documentUrlTtlSeconds, 'documentUrlTtlSeconds', 1);
  if (f.inactiveAccounts !== undefined) {
    if (!Array.isArray(f.inactiveAccounts) || f.inactiveAccounts.some((id) => typeof id !== 'string'))
      throw new Error('inactiveAccounts must be a list of public key ids');
    out.inactiveAccounts = [...(f.inactiveAccounts as string[])];
  }
  if (f.sandboxRefusesTransactionTypes !== undefined) {
    if (typeof f.sandboxRefusesTransactionTypes !== 'boolean')
      throw new Error('sandboxRefusesTransactionTypes must be true or false');
    out.sandboxRefusesTransactionTypes = f.sandboxRefusesTransactionTypes;
  }
  return out;
}
