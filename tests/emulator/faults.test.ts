/** Each fault does what it says, measured from the outside. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { call, seeded } from './helpers/amazon-client';
import { adminCall, send } from './helpers/http-client';
import { compactDate } from './helpers/test-signer';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ seed: 'faults' });
});
beforeEach(() => {
  emu.admin.clearFaults();
});
afterAll(() => emu.close());

/** An unsigned API request: cheap, and it gets through the fault gate to a 400 MissingHeader when not stopped. */
const bare = () => send(emu, { target: '/v2/reports', host: 'pay-api.amazon.com' });

describe('faults', () => {
  it('rate limit: 429 TooManyRequests beyond a token bucket of the configured rate and burst', async () => {
    emu.admin.setFaults({ rateLimit: { requestsPerSecond: 20, burst: 5 } });
    const start = performance.now();
    let passed = 0;
    let throttled = 0;
    const worker = async () => {
      while (performance.now() - start < 1500) {
        const res = await bare();
        if (res.status === 429) {
          expect(res.json().reasonCode).toBe('TooManyRequests');
          throttled += 1;
        } else passed += 1;
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    const elapsed = (performance.now() - start) / 1000;
    const allowed = 5 + 20 * elapsed;
    expect(throttled).toBeGreaterThan(10);
    expect(passed).toBeLessThanOrEqual(allowed + 1);
    expect(passed).toBeGreaterThanOrEqual(allowed * 0.75);
    expect(emu.admin.stats().throttled).toBe(throttled);
  });

  it('inactive account: its signed requests get 403 InvalidAccountStatus, other accounts are served', async () => {
    const inactive = seeded('na', 'sandbox').publicKeyId;
    emu.admin.setFaults({ inactiveAccounts: [inactive] });
    const refused = await call(emu, { path: '/v2/reports' });
    expect([refused.status, refused.json().reasonCode]).toEqual([403, 'InvalidAccountStatus']);
    expect(refused.json().message).toMatch(/not in an appropriate state/);
    expect((await call(emu, { path: '/v2/reports', publicKeyId: seeded('na', 'live').publicKeyId })).status).toBe(200);
    const badSignature = await call(emu, {
      path: '/v2/reports',
      mutate: (r) => {
        r.path = '/v2/report-schedules';
      },
    });
    expect(badSignature.json().reasonCode).toBe('InvalidRequestSignature');
  });

  it('latency: the chosen route is slower by the configured time, others are not', async () => {
    const time = async (fn: () => Promise<unknown>) => {
      const t = performance.now();
      await fn();
      return performance.now() - t;
    };
    const before = await time(() => call(emu, { path: '/v2/reports' }));
    emu.admin.setFaults({ latencyMs: { getReports: 400 } });
    const slow = await time(() => call(emu, { path: '/v2/reports' }));
    const other = await time(() => call(emu, { path: '/v2/report-schedules' }));
    expect(slow).toBeGreaterThanOrEqual(400);
    expect(slow - before).toBeLessThan(400 + 250);
    expect(other).toBeLessThan(slow - 200);
  });

  it('hold: requests to the route wait, counted, until released; other routes pass', async () => {
    const held = emu.admin.holdRoute('getReports');
    let answered = false;
    const listing = call(emu, { path: '/v2/reports' }).then((res) => {
      answered = true;
      return res;
    });
    await expect.poll(() => held.arrived()).toBe(1);
    expect((await call(emu, { path: '/v2/report-schedules' })).status).toBe(200);
    expect(answered).toBe(false);
    held.release();
    expect((await listing).status).toBe(200);
    expect((await call(emu, { path: '/v2/reports' })).status).toBe(200);
    expect(held.arrived()).toBe(1);
  });

  it('error rate: roughly the configured share of 500/503 answers', async () => {
    emu.admin.setFaults({ errorRate: { probability: 0.3, statuses: [500, 503] } });
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) statuses.push((await bare()).status);
    const errors = statuses.filter((s) => s >= 500);
    expect(errors.length / statuses.length).toBeGreaterThan(0.2);
    expect(errors.length / statuses.length).toBeLessThan(0.4);
    expect(new Set(errors)).toEqual(new Set([500, 503]));
  });

  it('error rate with 429 among the statuses: those answers are throttling, counted as such', async () => {
    emu.admin.setFaults({ errorRate: { probability: 1, statuses: [429, 429, 429, 503] } });
    const before = emu.admin.stats().throttled;
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await bare());
    const throttled = answers.filter((a) => a.status === 429);
    expect(throttled.length).toBeGreaterThan(20);
    expect(throttled.length).toBeLessThan(40);
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([429, 503]));
    expect(throttled[0]!.json().reasonCode).toBe('TooManyRequests');
    expect(emu.admin.stats().throttled - before).toBe(throttled.length);
    expect(() => emu.admin.setFaults({ errorRate: { probability: 1, statuses: [404] } })).toThrow(/statuses/);
  });

  it('throttleNext: exactly the next N requests get 429', async () => {
    emu.admin.setFaults({ throttleNext: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await bare()).status);
    expect(statuses).toEqual([429, 429, 429, 400, 400]);
  });

  it('notReadyNext: Get Report Document answers 202 without a URL N times, then the URL', async () => {
    const live = seeded('na', 'live').publicKeyId;
    const doc = emu.admin.reports(live).find((r) => r.reportDocumentId)!.reportDocumentId!;
    emu.admin.setFaults({ notReadyNext: 2 });
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push(await call(emu, { publicKeyId: live, path: `/v2/report-documents/${doc}` }));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 200]);
    expect(answers[0]!.json().url).toBeUndefined();
    expect(answers[2]!.json().url).toMatch(/^https:\/\//);
  });

  it('malformedJsonNext: the next N API bodies are broken JSON', async () => {
    emu.admin.setFaults({ malformedJsonNext: 1 });
    const broken = await call(emu, { path: '/v2/reports' });
    expect(broken.status).toBe(200);
    expect(() => broken.json()).toThrow(SyntaxError);
    expect((await call(emu, { path: '/v2/reports' })).json().reports).toBeInstanceOf(Array);
  });

  it('clock offset: shifts the Date header and the date checks', async () => {
    emu.admin.setFaults({ clockOffsetSeconds: -3600 });
    const real = compactDate(Date.now());
    const ahead = await call(emu, { path: '/v2/reports', headers: { 'x-amz-pay-date': real } });
    expect(ahead.json().message).toBe(`The value ${real} provided for x-amz-pay-date should not be in future`);
    const skew = Date.parse(String(ahead.headers.date)) - Date.now();
    expect(Math.abs(skew + 3_600_000)).toBeLessThan(3000);
    expect((await call(emu, { path: '/v2/reports' })).status).toBe(200);
    emu.admin.setFaults({ clockOffsetSeconds: 3600 });
    expect(
      (await call(emu, { path: '/v2/reports', headers: { 'x-amz-pay-date': compactDate(Date.now()) } })).json()
        .reasonCode,
    ).toBe('InvalidHeaderValue');
  });

  it('slow documents: a bytes-per-second limit stretches the download accordingly', async () => {
    const live = seeded('na', 'live').publicKeyId;
    const doc = emu.admin
      .reports(live)
      .find((r) => r.reportDocumentId && emu.admin.document(r.reportDocumentId)!.size > 4000)!;
    const size = emu.admin.document(doc.reportDocumentId!)!.size;
    emu.admin.setFaults({ documentBytesPerSecond: Math.ceil(size / 0.8) });
    const url = (await call(emu, { publicKeyId: live, path: `/v2/report-documents/${doc.reportDocumentId}` })).json()
      .url as string;
    const t = performance.now();
    const u = new URL(url);
    const file = await send(emu, { target: `${u.pathname}${u.search}`, host: u.host });
    const took = performance.now() - t;
    expect(file.body.length).toBe(size);
    expect(took).toBeGreaterThan(700);
    expect(took).toBeLessThan(2000);
  });
});

describe('admin API over HTTP', () => {
  it('sets, shows and clears faults; refuses nonsense', async () => {
    expect((await adminCall(emu, 'POST', '/faults', { latencyMs: 5, errorRate: 0 })).json()).toMatchObject({
      latencyMs: { '*': 5 },
    });
    expect((await adminCall(emu, 'GET', '/faults')).json().latencyMs).toEqual({ '*': 5 });
    expect((await adminCall(emu, 'POST', '/faults', { latencyMs: -1 })).status).toBe(400);
    expect((await adminCall(emu, 'POST', '/faults', { bogus: 1 })).status).toBe(400);
    expect((await adminCall(emu, 'DELETE', '/faults')).json().latencyMs).toEqual({});
  });

  it('logs requests with method, host, path, query, status and reasonCode', async () => {
    const since = Date.now();
    await call(emu, { path: '/v2/reports', query: [['pageSize', '2']] });
    await bare();
    const log = (await adminCall(emu, 'GET', `/requests?since=${since}`)).json().requests;
    expect(
      log.map((e: Record<string, unknown>) => [e.method, e.host, e.path, e.query, e.route, e.status, e.reasonCode]),
    ).toEqual([
      ['GET', 'pay-api.amazon.com', '/v2/reports', 'pageSize=2', 'getReports', 200, null],
      ['GET', 'pay-api.amazon.com', '/v2/reports', '', 'getReports', 400, 'MissingHeader'],
    ]);
  });

  it('registers merchants and forgets them, the stats and the faults on reset', async () => {
    const reg = await adminCall(emu, 'POST', '/merchants', {
      publicKeyId: 'LIVE-AREGISTEREDKEY00000000000',
      publicKeyPem: (await import('node:fs')).readFileSync(seeded('na', 'live').publicKeyPath, 'utf8'),
      region: 'jp',
    });
    expect(reg.status).toBe(201);
    expect(
      (await call(emu, { path: '/v2/reports', region: 'jp', publicKeyId: 'LIVE-AREGISTEREDKEY00000000000' })).status,
    ).toBe(200);
    expect(
      (await adminCall(emu, 'POST', '/merchants', { publicKeyId: 'SANDBOX-X', publicKeyPem: 'nope', region: 'na' }))
        .status,
    ).toBe(400);
    emu.admin.setFaults({ latencyMs: 1 });
    expect((await adminCall(emu, 'POST', '/reset')).status).toBe(200);
    expect(
      (await call(emu, { path: '/v2/reports', region: 'jp', publicKeyId: 'LIVE-AREGISTEREDKEY00000000000' })).json()
        .reasonCode,
    ).toBe('UnauthorizedAccess');
    expect(emu.admin.setFaults({}).latencyMs).toEqual({});
    expect((await adminCall(emu, 'GET', '/stats')).json().requests.total).toBe(1);
  });
});
