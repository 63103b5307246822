/** Applies the fault settings to live traffic: counters, a token bucket and a seeded draw for 5xx answers. */
import { mergeFaults, type FaultConfig, type FaultInput } from './faults';
import { ApiError } from './http';
import { createRng, type Rng } from './prng';

class TokenBucket {
  private tokens: number;
  private last = performance.now();
  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }
  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

const SERVER_ERRORS: Record<number, [string, string]> = {
  500: ['InternalServerError', 'There was an unknown error in the service'],
  502: ['BadGateway', 'Bad gateway'],
  503: ['ServiceUnavailable', 'The service is temporarily unavailable, please try again'],
  504: ['GatewayTimeout', 'Gateway timeout'],
};

export class FaultEngine {
  config: FaultConfig;
  private bucket: TokenBucket | null = null;
  private rng: Rng;

  constructor(
    private readonly initial: FaultConfig,
    private readonly seed: string,
  ) {
    this.config = initial;
    this.rng = createRng(`${seed}:faults`);
    this.rebuildBucket();
  }

  set(input: FaultInput | unknown): FaultConfig {
    const before = this.config.rateLimit;
    this.config = mergeFaults(this.config, input);
    if (JSON.stringify(before) !== JSON.stringify(this.config.rateLimit)) this.rebuildBucket();
    return this.config;
  }

  /** Back to the faults given at start. */
  clear(): FaultConfig {
    this.config = this.initial;
    this.rng = createRng(`${this.seed}:faults`);
    this.rebuildBucket();
    return this.config;
  }

  latencyFor(route: string): number {
    return this.config.latencyMs[route] ?? this.config.latencyMs['*'] ?? 0;
  }

  /** Throttling and server errors happen before the signature is looked at, as a front door would. */
  gate(): ApiError | null {
    if (this.config.throttleNext > 0) {
      this.config = { ...this.config, throttleNext: this.config.throttleNext - 1 };
      return tooMany();
    }
    if (this.bucket && !this.bucket.take()) return tooMany();
    const e = this.config.errorRate;
    if (e && e.probability > 0 && this.rng.next() < e.probability) {
      const status = this.rng.pick(e.statuses);
      if (status === 429) return tooMany();
      const [code, message] = SERVER_ERRORS[status] ?? ['InternalServerError', 'Internal error'];
      return new ApiError(status, code, message);
    }
    return null;
  }

  /** Consumes one unit of a "next N" counter; true when the fault applies to this request. */
  take(counter: 'notReadyNext' | 'malformedJsonNext'): boolean {
    if (this.config[counter] <= 0) return false;
    this.config = { ...this.config, [counter]: this.config[counter] - 1 };
    return true;
  }

  /** Byte count after which this download's connection is cut, or null. */
  takeTruncation(): number | null {
    const t = this.config.truncateDocument;
    if (!t) return null;
    if (t.count !== null) {
      this.config = { ...this.config, truncateDocument: t.count > 1 ? { ...t, count: t.count - 1 } : null };
    }
    return t.afterBytes;
  }

  private rebuildBucket(): void {
    const r = this.config.rateLimit;
    this.bucket = r ? new TokenBucket(r.requestsPerSecond, r.burst) : null;
  }
}

function tooMany(): ApiError {
  return new ApiError(429, 'TooManyRequests', 'The request was throttled, please retry later');
}
