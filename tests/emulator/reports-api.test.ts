/** Report operations: pagination, filters, retention, creation with idempotency, schedules. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { call, seeded } from './helpers/amazon-client';
import { compactDate } from './helpers/test-signer';

const LIVE = seeded('na', 'live').publicKeyId;
const LIVE_EU = seeded('eu', 'live').publicKeyId;
const SETTLEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_';
const SANDBOX_SETTLEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_';
const ORDER_REFERENCE = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_';
const MULTI_CURRENCY = '_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_';
const DAY = 86_400_000;

interface ApiReport {
  reportId: string;
  createdTime: string;
  reportType: string;
  processingStatus: string;
  reportDocumentId?: string;
}

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ seed: 'reports', extraReports: 40, processingDelayMs: 400 });
});
afterAll(() => emu.close());

const live = (o: Parameters<typeof call>[1]) => call(emu, { publicKeyId: LIVE, ...o });
const body = (o: object): string => JSON.stringify(o);

describe('Get Reports', () => {
  it('walks every page exactly once, newest first, and the total matches the account', async () => {
    const seen: ApiReport[] = [];
    let res = await live({ path: '/v2/reports', query: [['pageSize', '7']] });
    for (let pages = 0; pages < 100; pages++) {
      expect(res.status).toBe(200);
      const page = res.json() as { reports: ApiReport[]; nextToken?: string };
      expect(page.reports.length).toBeLessThanOrEqual(7);
      seen.push(...page.reports);
      if (!page.nextToken) break;
      expect(page.reports).toHaveLength(7);
      res = await live({ path: '/v2/reports', query: [['nextToken', page.nextToken]] });
    }
    const all = emu.admin.reports(LIVE);
    expect(all.length).toBeGreaterThan(130);
    expect(new Set(seen.map((r) => r.reportId)).size).toBe(seen.length);
    expect(seen.map((r) => r.reportId)).toEqual(all.map((r) => r.reportId));
    const times = seen.map((r) => r.createdTime);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('defaults to 10 per page and refuses page sizes outside 1–100', async () => {
    expect((await live({ path: '/v2/reports' })).json().reports).toHaveLength(10);
    expect((await live({ path: '/v2/reports', query: [['pageSize', '100']] })).json().reports).toHaveLength(100);
    for (const size of ['0', '101', 'ten', '1.5']) {
      const res = await live({ path: '/v2/reports', query: [['pageSize', size]] });
      expect([res.status, res.json().reasonCode]).toEqual([400, 'InvalidParameterValue']);
    }
  });

  it('refuses nextToken combined with another parameter, and tokens it did not issue to this account', async () => {
    const token = (await live({ path: '/v2/reports' })).json().nextToken as string;
    const combined = await live({
      path: '/v2/reports',
      query: [
        ['nextToken', token],
        ['pageSize', '10'],
      ],
    });
    expect([combined.status, combined.json().reasonCode]).toEqual([400, 'InvalidParameterCombination']);
    const foreign = await call(emu, {
      publicKeyId: LIVE_EU,
      region: 'eu',
      path: '/v2/reports',
      query: [['nextToken', token]],
    });
    expect([foreign.status, foreign.json().reasonCode]).toEqual([400, 'InvalidParameterValue']);
    const forged = await live({ path: '/v2/reports', query: [['nextToken', `${token.slice(0, -4)}AAA=`]] });
    expect(forged.json().reasonCode).toBe('InvalidParameterValue');
  });

  it('filters by types, statuses and a creation window given in either date form', async () => {
    const now = emu.admin.now();
    const res = await live({
      path: '/v2/reports',
      query: [
        ['reportTypes', `${SETTLEMENT},${ORDER_REFERENCE}`],
        ['processingStatuses', 'COMPLETED'],
        ['pageSize', '100'],
        ['createdSince', new Date(now - 30 * DAY).toISOString().replace(/\.\d+/, '')],
        ['createdUntil', compactDate(now - 2 * DAY)],
      ],
    });
    const reports = res.json().reports as ApiReport[];
    expect(reports.length).toBeGreaterThan(20);
    for (const r of reports) {
      expect([SETTLEMENT, ORDER_REFERENCE]).toContain(r.reportType);
      expect(r.processingStatus).toBe('COMPLETED');
      expect(r.createdTime >= compactDate(now - 30 * DAY) && r.createdTime <= compactDate(now - 2 * DAY)).toBe(true);
    }
    for (const [name, value] of [
      ['reportTypes', 'SETTLEMENT'],
      ['processingStatuses', 'DONE'],
      ['createdSince', '2024-13-01T00:00:00Z'],
    ]) {
      expect((await live({ path: '/v2/reports', query: [[name!, value!]] })).json().reasonCode).toBe(
        'InvalidParameterValue',
      );
    }
  });

  it('shows live settlements only to live keys and sandbox settlements only to sandbox keys', async () => {
    const types = (r: { reports: ApiReport[] }) => new Set(r.reports.map((x) => x.reportType));
    const sandbox = types((await call(emu, { path: '/v2/reports', query: [['pageSize', '100']] })).json());
    expect([...sandbox]).toEqual([SANDBOX_SETTLEMENT]);
    const liveTypes = types((await live({ path: '/v2/reports', query: [['pageSize', '100']] })).json());
    expect(liveTypes.has(SETTLEMENT)).toBe(true);
    expect(liveTypes.has(SANDBOX_SETTLEMENT)).toBe(false);
  });

  it('has unfinished and failed reports without document ids', () => {
    const all = emu.admin.reports(LIVE);
    const statuses = new Set(all.map((r) => r.processingStatus));
    expect([...statuses].sort()).toEqual(['CANCELLED', 'COMPLETED', 'FAILED', 'IN_PROGRESS']);
    for (const r of all) expect('reportDocumentId' in r).toBe(r.processingStatus === 'COMPLETED');
  });
});

describe('Get Report By Id and retention', () => {
  it("finds own reports, not another merchant's, and forgets them after 90 days", async () => {
    const report = emu.admin.reports(LIVE).find((r) => r.processingStatus === 'COMPLETED')!;
    expect((await live({ path: `/v2/reports/${report.reportId}` })).json()).toEqual(report);
    const other = await call(emu, { publicKeyId: LIVE_EU, region: 'eu', path: `/v2/reports/${report.reportId}` });
    expect([other.status, other.json().reasonCode]).toEqual([404, 'ResourceNotFound']);
    const doc = await call(emu, {
      publicKeyId: LIVE_EU,
      region: 'eu',
      path: `/v2/report-documents/${report.reportDocumentId}`,
    });
    expect(doc.status).toBe(404);

    emu.admin.setFaults({ clockOffsetSeconds: 91 * 86_400 });
    try {
      expect((await live({ path: `/v2/reports/${report.reportId}` })).status).toBe(404);
      const listed = (await live({ path: '/v2/reports', query: [['pageSize', '100']] })).json().reports as ApiReport[];
      expect(listed.some((r) => r.reportId === report.reportId)).toBe(false);
    } finally {
      emu.admin.setFaults({ clockOffsetSeconds: 0 });
    }
  });
});

describe('Create Report', () => {
  const valid = {
    reportType: SANDBOX_SETTLEMENT,
    startTime: compactDate(Date.now() - 7 * DAY),
    endTime: compactDate(Date.now() - DAY),
  };

  it('honours the idempotency key: same body → same report, other body → DuplicateIdempotencyKey', async () => {
    const key = 'key-for-create-report-1';
    const first = await call(emu, {
      method: 'POST',
      path: '/v2/reports',
      body: body(valid),
      headers: { 'x-amz-pay-idempotency-key': key },
    });
    expect(first.status).toBe(201);
    const reordered = body({ endTime: valid.endTime, startTime: valid.startTime, reportType: valid.reportType });
    const again = await call(emu, {
      method: 'POST',
      path: '/v2/reports',
      body: reordered,
      headers: { 'x-amz-pay-idempotency-key': key },
    });
    expect([again.status, again.json()]).toEqual([201, first.json()]);
    const changed = await call(emu, {
      method: 'POST',
      path: '/v2/reports',
      body: body({ ...valid, endTime: compactDate(Date.now()) }),
      headers: { 'x-amz-pay-idempotency-key': key },
    });
    expect([changed.status, changed.json().reasonCode]).toEqual([400, 'DuplicateIdempotencyKey']);
  });

  it('goes IN_PROGRESS → COMPLETED, or CANCELLED when the range has no data', async () => {
    const done = (await call(emu, { method: 'POST', path: '/v2/reports', body: body(valid) })).json()
      .reportId as string;
    const future = body({
      ...valid,
      startTime: compactDate(Date.now() + 2 * DAY),
      endTime: compactDate(Date.now() + 3 * DAY),
    });
    const empty = (await call(emu, { method: 'POST', path: '/v2/reports', body: future })).json().reportId as string;
    const status = async (id: string) =>
      (await call(emu, { path: `/v2/reports/${id}` })).json().processingStatus as string;
    // One answer for both facts: on a loaded machine a second request could arrive after the 100 ms delay.
    const whileRunning = (await call(emu, { path: `/v2/reports/${done}` })).json();
    expect([whileRunning.processingStatus, whileRunning.reportDocumentId]).toEqual(['IN_PROGRESS', undefined]);
    await new Promise((r) => setTimeout(r, 450));
    expect(await status(done)).toBe('COMPLETED');
    expect(await status(empty)).toBe('CANCELLED');
  });

  it.each<[string, string, number, string, string?]>([
    [
      'settlement reports cannot be requested',
      body({ ...valid, reportType: SETTLEMENT }),
      400,
      'InvalidParameterValue',
      LIVE,
    ],
    ['live does not offer the sandbox settlement type', body(valid), 400, 'InvalidParameterValue', LIVE],
    ['startTime must be before endTime', body({ ...valid, startTime: valid.endTime }), 400, 'InvalidParameterValue'],
    [
      'a missing endTime',
      body({ reportType: SANDBOX_SETTLEMENT, startTime: valid.startTime }),
      400,
      'MissingParameterValue',
    ],
    ['an unknown field', body({ ...valid, format: 'csv' }), 400, 'UnrecognizedField'],
    ['a body that is not JSON', '{"reportType":', 400, 'InvalidRequestFormat'],
    ['an invalid date', body({ ...valid, startTime: '2022-08-04T00-00-00Z' }), 400, 'InvalidParameterValue'],
  ])('refuses %s', async (_name, payload, status, reasonCode, publicKeyId) => {
    const res = await call(emu, { method: 'POST', path: '/v2/reports', body: payload, publicKeyId });
    expect([res.status, res.json().reasonCode]).toEqual([status, reasonCode]);
  });

  it("sandbox accepts transaction types with 201 (as the official SDK's live test expects) and ends them CANCELLED; the refusal is a fault", async () => {
    const authorization = body({ ...valid, reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_' });
    const created = await call(emu, { method: 'POST', path: '/v2/reports', body: authorization });
    expect(created.status).toBe(201);
    const schedule = {
      reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_',
      scheduleFrequency: 'P1D',
      deleteExistingSchedule: true,
    };
    const scheduled = await call(emu, { method: 'POST', path: '/v2/report-schedules', body: JSON.stringify(schedule) });
    expect(scheduled.status).toBe(201);
    expect(
      (await call(emu, { method: 'DELETE', path: `/v2/report-schedules/${scheduled.json().reportScheduleId}` })).status,
    ).toBe(200);
    await new Promise((r) => setTimeout(r, 450));
    const report = (await call(emu, { path: `/v2/reports/${created.json().reportId}` })).json();
    expect([report.processingStatus, report.reportDocumentId]).toEqual(['CANCELLED', undefined]);

    emu.admin.setFaults({ sandboxRefusesTransactionTypes: true });
    try {
      const refused = await call(emu, {
        method: 'POST',
        path: '/v2/reports',
        body: body({ ...valid, reportType: ORDER_REFERENCE }),
      });
      expect([refused.status, refused.json().reasonCode]).toEqual([400, 'InvalidParameterValue']);
      const refusedSchedule = await call(emu, {
        method: 'POST',
        path: '/v2/report-schedules',
        body: JSON.stringify(schedule),
      });
      expect([refusedSchedule.status, refusedSchedule.json().reasonCode]).toEqual([400, 'InvalidParameterValue']);
      expect((await call(emu, { method: 'POST', path: '/v2/reports', body: body(valid) })).status).toBe(201);
    } finally {
      emu.admin.clearFaults();
    }
  });

  it('accepts the extended date form and multi-currency reports in live', async () => {
    const res = await live({
      method: 'POST',
      path: '/v2/reports',
      body: body({ reportType: MULTI_CURRENCY, startTime: '2024-01-01T00:00:00Z', endTime: '2024-01-31T00:00:00Z' }),
    });
    expect(res.status).toBe(201);
  });
});

describe('Report schedules', () => {
  it('keeps one schedule per type; deleteExistingSchedule replaces it; cancel returns {}', async () => {
    const create = (extra: object) =>
      call(emu, {
        method: 'POST',
        path: '/v2/report-schedules',
        body: body({ reportType: SANDBOX_SETTLEMENT, scheduleFrequency: 'P1D', ...extra }),
      });
    const existing = (await call(emu, { path: '/v2/report-schedules' })).json().reportSchedules as Array<{
      reportScheduleId: string;
      reportType: string;
    }>;
    expect(existing.map((s) => s.reportType)).toEqual([SANDBOX_SETTLEMENT]);
    expect((await create({})).json().reasonCode).toBe('InvalidRequest');
    const replaced = await create({
      deleteExistingSchedule: true,
      nextReportCreationTime: compactDate(Date.now() + DAY),
    });
    expect(replaced.status).toBe(201);
    const id = replaced.json().reportScheduleId as string;
    const after = (
      await call(emu, { path: '/v2/report-schedules', query: [['reportTypes', SANDBOX_SETTLEMENT]] })
    ).json().reportSchedules;
    expect(after.map((s: { reportScheduleId: string }) => s.reportScheduleId)).toEqual([id]);
    expect((await call(emu, { path: `/v2/report-schedules/${existing[0]!.reportScheduleId}` })).status).toBe(404);
    const cancelled = await call(emu, { method: 'DELETE', path: `/v2/report-schedules/${id}` });
    expect([cancelled.status, cancelled.text]).toEqual([200, '{}']);
    expect((await call(emu, { method: 'DELETE', path: `/v2/report-schedules/${id}` })).status).toBe(404);
  });

  it.each([
    ['settlement', SETTLEMENT, 'P1D'],
    ['multi-currency', MULTI_CURRENCY, 'P1D'],
    ['an unknown frequency', ORDER_REFERENCE, 'P1W'],
  ])('refuses scheduling %s', async (_name, reportType, scheduleFrequency) => {
    const res = await live({
      method: 'POST',
      path: '/v2/report-schedules',
      body: body({ reportType, scheduleFrequency }),
    });
    expect([res.status, res.json().reasonCode]).toEqual([400, 'InvalidParameterValue']);
  });
});
