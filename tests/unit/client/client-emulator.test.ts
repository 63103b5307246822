/** The Reports client against the emulator over real HTTPS: operations, pagination, filters, idempotency, auth errors, clock skew. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@/tests/emulator';
import { createClockSkewStore } from '@/utils/amazon-pay/clock-skew';
import {
  AmazonPayError,
  BadResponseError,
  ClockSkewError,
  KeyMissingError,
  SignatureError,
} from '@/utils/amazon-pay/errors';
import { demoKey, liveAccount, otherKey, recordingClient, startTestEmulator } from './emulator-setup';

const ORDER_REFERENCE = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_';
const COMPACT = /^\d{8}T\d{6}Z$/;

let emu: RunningEmulator;
let key: CryptoKey;

beforeAll(async () => {
  [emu, key] = await Promise.all([startTestEmulator(), demoKey()]);
});
afterAll(() => emu.close());
beforeEach(() => emu.admin.reset());

const seeded = () => emu.admin.reports(liveAccount.publicKeyId);
const apiRequests = (route?: string) => emu.admin.requests().filter((r) => !route || r.route === route);

describe('listing reports', () => {
  it('follows nextToken through every page, sending the token alone, and sees each report once', async () => {
    const { client } = recordingClient(emu.port, { key });
    const pageSizes: number[] = [];
    const reports = await client.listReports({ pageSize: 25 }, { onPage: (page) => pageSizes.push(page.length) });

    const expected = seeded().map((r) => r.reportId);
    expect(expected.length).toBeGreaterThan(75);
    expect(reports.map((r) => r.reportId)).toEqual(expected);
    expect(new Set(reports.map((r) => r.reportId)).size).toBe(reports.length);
    expect(pageSizes.length).toBeGreaterThanOrEqual(4);
    expect(pageSizes.slice(0, -1).every((n) => n === 25)).toBe(true);

    const log = apiRequests('getReports');
    expect(log.map((r) => r.status)).toEqual(pageSizes.map(() => 200));
    expect(log[0]!.query).toBe('pageSize=25');
    for (const follow of log.slice(1)) expect(follow.query).toMatch(/^nextToken=[A-Za-z0-9%]+$/);
  });

  it('returns Dates, with the default page size of 100', async () => {
    const { client } = recordingClient(emu.port, { key });
    const page = await client.listReportsPage();
    expect(page.reports).toHaveLength(100);
    expect(page.nextToken).toEqual(expect.any(String));
    expect(page.reports[0]!.createdTime).toBeInstanceOf(Date);
    expect(page.reports[0]!.createdTime.getTime()).toBe(
      Date.parse(
        seeded()[0]!.createdTime!.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
      ),
    );
    expect(apiRequests('getReports')[0]!.query).toBe('pageSize=100');
  });

  it('filters by types, statuses and creation window, sending compact dates', async () => {
    const all = await recordingClient(emu.port, { key }).client.listReports();
    const times = all.map((r) => r.createdTime.getTime()).sort((a, b) => a - b);
    const createdSince = new Date(times[Math.floor(times.length / 4)]!);
    const createdUntil = new Date(times[Math.floor((times.length * 3) / 4)]!);
    const expected = all.filter(
      (r) =>
        r.reportType === ORDER_REFERENCE &&
        r.processingStatus === 'COMPLETED' &&
        r.createdTime >= createdSince &&
        r.createdTime <= createdUntil,
    );
    expect(expected.length).toBeGreaterThan(0);
    emu.admin.reset();

    const { client } = recordingClient(emu.port, { key });
    const filtered = await client.listReports({
      reportTypes: [ORDER_REFERENCE],
      processingStatuses: ['COMPLETED'],
      createdSince,
      createdUntil,
      pageSize: 3,
    });
    expect(filtered.map((r) => r.reportId)).toEqual(expected.map((r) => r.reportId));

    const first = new URLSearchParams(apiRequests('getReports')[0]!.query);
    expect(first.get('reportTypes')).toBe(ORDER_REFERENCE);
    expect(first.get('processingStatuses')).toBe('COMPLETED');
    expect(first.get('createdSince')).toMatch(COMPACT);
    expect(first.get('createdUntil')).toMatch(COMPACT);
  });

  it('works with a legacy key through the /sandbox/v2 path', async () => {
    const { client, fetch } = recordingClient(emu.port, {
      key,
      account: { ...liveAccount, publicKeyId: 'AEMULATORNALEGACY0000001', environment: 'sandbox' },
    });
    const page = await client.listReportsPage({ pageSize: 5 });
    expect(page.reports.length).toBeGreaterThan(0);
    expect(new URL(fetch.requests[0]!.url).pathname).toBe('/sandbox/v2/reports');
  });
});

describe('single operations', () => {
  it('gets a report and its document URL on the document host', async () => {
    const { client } = recordingClient(emu.port, { key });
    const completed = seeded().find((r) => r.processingStatus === 'COMPLETED' && r.reportDocumentId)!;
    const report = await client.getReport(completed.reportId!);
    expect(report.reportId).toBe(completed.reportId);
    expect(report.endTime).toBeInstanceOf(Date);
    const document = await client.getReportDocument(report.reportDocumentId!);
    expect(document.reportDocumentId).toBe(completed.reportDocumentId);
    expect(new URL(document.url).host).toBe(emu.documentHost);
  });

  it('retries a 202 "not ready" document answer', async () => {
    const { client, sleeps } = recordingClient(emu.port, { key });
    const completed = seeded().find((r) => r.processingStatus === 'COMPLETED' && r.reportDocumentId)!;
    emu.admin.setFaults({ notReadyNext: 2 });
    const document = await client.getReportDocument(completed.reportDocumentId!);
    expect(document.url).toMatch(/^https:\/\//);
    expect(apiRequests('getReportDocument').map((r) => r.status)).toEqual([202, 202, 200]);
    expect(sleeps).toHaveLength(2);
  });

  it('manages schedules: create, list, replace, cancel', async () => {
    const { client } = recordingClient(emu.port, { key });
    const next = new Date(Date.now() + 86_400_000);
    const { reportScheduleId } = await client.createReportSchedule({
      reportType: ORDER_REFERENCE,
      scheduleFrequency: 'P1D',
      nextReportCreationTime: next,
      deleteExistingSchedule: true,
    });
    expect(await client.getReportSchedules([ORDER_REFERENCE])).toEqual([
      {
        reportScheduleId,
        reportType: ORDER_REFERENCE,
        scheduleFrequency: 'P1D',
        nextReportCreationTime: new Date(Math.floor(next.getTime() / 1000) * 1000),
      },
    ]);

    const duplicate = await client
      .createReportSchedule({ reportType: ORDER_REFERENCE, scheduleFrequency: 'P7D' })
      .catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(AmazonPayError);
    expect((duplicate as AmazonPayError).reasonCode).toBe('InvalidRequest');
    const replaced = await client.createReportSchedule({
      reportType: ORDER_REFERENCE,
      scheduleFrequency: 'P7D',
      deleteExistingSchedule: true,
    });
    expect(replaced.reportScheduleId).not.toBe(reportScheduleId);

    await client.cancelReportSchedule(replaced.reportScheduleId);
    expect(await client.getReportSchedules([ORDER_REFERENCE])).toEqual([]);
  });
});

describe('create report idempotency', () => {
  const input = {
    reportType: ORDER_REFERENCE,
    startTime: new Date('2024-01-01T00:00:00Z'),
    endTime: new Date('2024-01-08T00:00:00Z'),
  };

  it('reuses the key on a retry, so Amazon answers with the same report instead of a second one', async () => {
    const { client } = recordingClient(emu.port, { key });
    const before = seeded().length;
    emu.admin.setFaults({ malformedJsonNext: 1 });
    const { reportId } = await client.createReport(input);
    const creates = apiRequests('createReport');
    expect(creates.map((r) => r.status)).toEqual([201, 201]);
    expect(seeded().length).toBe(before + 1);
    expect(seeded().filter((r) => r.reportId === reportId)).toHaveLength(1);
    expect((await client.getReport(reportId)).reportType).toBe(ORDER_REFERENCE);
  });

  it('uses a fresh key per logical request', async () => {
    const { client } = recordingClient(emu.port, { key });
    const a = await client.createReport(input);
    const b = await client.createReport(input);
    expect(a.reportId).not.toBe(b.reportId);
  });

  it('reports persistent malformed JSON as bad-response after the retries', async () => {
    const { client } = recordingClient(emu.port, { key, retry: { maxAttempts: 2 } });
    emu.admin.setFaults({ malformedJsonNext: 5 });
    const error = await client.listReportsPage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadResponseError);
    expect(apiRequests('getReports')).toHaveLength(2);
  });
});

describe('errors that are not retried', () => {
  it('surfaces a 400 at once with reason code, request id and a user message', async () => {
    const { client, sleeps } = recordingClient(emu.port, { key });
    const error = (await client
      .listReports({ createdSince: new Date('2024-02-01T00:00:00Z'), createdUntil: new Date('2024-01-01T00:00:00Z') })
      .catch((e: unknown) => e)) as AmazonPayError;
    expect(error).toBeInstanceOf(AmazonPayError);
    expect([error.status, error.reasonCode, error.code]).toEqual([400, 'InvalidParameterValue', 'invalid-request']);
    expect(error.requestId).toEqual(expect.any(String));
    expect(error.userMessage).toMatch(/^Amazon rejected a request parameter: createdSince/);
    expect(apiRequests()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('explains an unknown Public Key ID with the region and environment', async () => {
    const { client } = recordingClient(emu.port, {
      key,
      account: { ...liveAccount, publicKeyId: 'LIVE-UNKNOWNKEY0000000000000' },
    });
    const error = (await client.listReportsPage().catch((e: unknown) => e)) as AmazonPayError;
    expect([error.status, error.code]).toEqual([401, 'unauthorized']);
    expect(error.userMessage).toBe("Amazon doesn't know this Public Key ID in na/live; check the ID and region");
  });

  it('says the account is not active on a 403 InvalidAccountStatus, without retrying', async () => {
    emu.admin.setFaults({ inactiveAccounts: [liveAccount.publicKeyId] });
    const { client, sleeps } = recordingClient(emu.port, { key });
    const error = (await client.listReportsPage().catch((e: unknown) => e)) as AmazonPayError;
    expect(error).toBeInstanceOf(AmazonPayError);
    expect([error.status, error.reasonCode, error.code]).toEqual([403, 'InvalidAccountStatus', 'account-inactive']);
    expect(error.userMessage).toMatch(/^Amazon says this Amazon Pay account is not active/);
    expect([apiRequests().length, sleeps]).toEqual([1, []]);
  });

  it('throws KeyMissingError without sending anything when the account has no key', async () => {
    const { client, fetch } = recordingClient(emu.port, { key, loadKey: async () => undefined });
    const error = (await client.listReportsPage().catch((e: unknown) => e)) as KeyMissingError;
    expect(error).toBeInstanceOf(KeyMissingError);
    expect(error.details.accountId).toBe(liveAccount.id);
    expect(error.userMessage).toBe("Import or generate this account's private key in Settings");
    expect(fetch.requests).toEqual([]);
  });
});

describe('signature errors', () => {
  it('with the wrong key: carries both strings to sign, equal, so the key is to blame', async () => {
    const { client } = recordingClient(emu.port, { key: await otherKey() });
    const error = (await client.listReportsPage().catch((e: unknown) => e)) as SignatureError;
    expect(error).toBeInstanceOf(SignatureError);
    expect([error.status, error.reasonCode, error.code]).toEqual([
      403,
      'InvalidRequestSignature',
      'signature-mismatch',
    ]);
    // Amazon's whole answer, the echoed signature included (amzn/amazon-pay-api-sdk-dotnet#4).
    expect(error.details.amazonMessage).toMatch(
      /^Unable to verify signature, signing String \[AMZN-PAY-RSASSA-PSS-V2\n[0-9a-f]{64}\] , signature \[[A-Za-z0-9+/]+={0,2}\]$/,
    );
    expect(error.details.theirStringToSign).toMatch(/^AMZN-PAY-RSASSA-PSS-V2\n[0-9a-f]{64}$/);
    expect(error.details.ourStringToSign).toBe(error.details.theirStringToSign);
    expect(error.details.difference).toBeUndefined();
    expect(error.userMessage).toMatch(/private key doesn't match this Public Key ID/);
    expect(apiRequests()).toHaveLength(1);

    // The views get it as plain data: both strings to sign cross the message boundary.
    expect(JSON.parse(JSON.stringify(error)).details.theirStringToSign).toBe(error.details.theirStringToSign);
  });

  it('when the request changes after signing: names the differing line', async () => {
    const harness = recordingClient(emu.port, { key });
    const { client } = recordingClient(emu.port, {
      key,
      // Stands in for a proxy that rewrites the query: Amazon then canonicalises something we did not sign.
      fetch: (input, init) => harness.fetch(String(input).replace('pageSize=100', 'pageSize=99'), init),
    });
    const error = (await client.listReportsPage().catch((e: unknown) => e)) as SignatureError;
    expect(error).toBeInstanceOf(SignatureError);
    expect(error.details.difference).toEqual({
      line: 2,
      theirs: error.details.theirStringToSign!.split('\n')[1],
      ours: error.details.ourStringToSign!.split('\n')[1],
    });
    expect(error.details.difference!.theirs).not.toBe(error.details.difference!.ours);
    expect(error.userMessage).toMatch(/line 2/);
  });
});

describe('clock skew', () => {
  it("re-signs once with the offset from Amazon's Date header when our clock is ahead, then keeps using it", async () => {
    emu.admin.setFaults({ clockOffsetSeconds: -300 });
    const skew = createClockSkewStore();
    const { client, sleeps } = recordingClient(emu.port, { key, skew });
    const page = await client.listReportsPage({ pageSize: 1 });
    expect(page.reports).toHaveLength(1);
    const log = apiRequests('getReports');
    expect(log.map((r) => [r.status, r.reasonCode])).toEqual([
      [400, 'InvalidHeaderValue'],
      [200, null],
    ]);
    expect(sleeps).toEqual([]);
    expect(skew.offset('na')).toBeGreaterThan(-302_000);
    expect(skew.offset('na')).toBeLessThanOrEqual(-299_000);

    await client.listReportsPage({ pageSize: 1 });
    expect(apiRequests('getReports')).toHaveLength(3);
  });

  it('also corrects a clock that is behind (Amazon: date too old)', async () => {
    emu.admin.setFaults({ clockOffsetSeconds: 3600 });
    const skew = createClockSkewStore();
    const { client } = recordingClient(emu.port, { key, skew });
    await client.listReportsPage({ pageSize: 1 });
    expect(apiRequests('getReports').map((r) => r.status)).toEqual([400, 200]);
    expect(skew.offset('na')).toBeGreaterThan(3_598_000);
    expect(skew.offset('na')).toBeLessThanOrEqual(3_601_000);
  });

  it('gives up with ClockSkewError when the re-signed request is still rejected', async () => {
    emu.admin.setFaults({ clockOffsetSeconds: -300 });
    const harness = recordingClient(emu.port, { key });
    const { client } = recordingClient(emu.port, {
      key,
      // A middlebox that stamps its own (local) Date: the estimate is useless, so the one re-sign fails too.
      fetch: async (input, init) => {
        const answer = await harness.fetch(input, init);
        const headers = new Headers(answer.headers);
        headers.set('date', new Date().toUTCString());
        return new Response(await answer.text(), { status: answer.status, headers });
      },
    });
    const error = (await client.listReportsPage().catch((e: unknown) => e)) as ClockSkewError;
    expect(error).toBeInstanceOf(ClockSkewError);
    expect(error.code).toBe('clock-skew');
    expect(error.userMessage).toMatch(/clock/);
    expect(apiRequests('getReports')).toHaveLength(2);
  });
});
