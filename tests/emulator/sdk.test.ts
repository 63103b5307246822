/** The official Amazon Pay Node SDK 2.3.4 as a client of the emulator (it signs user-agent, uses extended dates). */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRIVATE_KEY_PATH, startEmulator, type RunningEmulator } from './index';
import { seeded } from './helpers/amazon-client';
import { download } from './helpers/http-client';

interface SdkResponse {
  status: number;
  data: any;
}
interface WebStoreClient {
  getReports(query?: Record<string, unknown> | null): Promise<SdkResponse>;
  getReportById(id: string): Promise<SdkResponse>;
  getReportDocument(id: string): Promise<SdkResponse>;
  createReport(body: object, headers: Record<string, string>): Promise<SdkResponse>;
  getReportSchedules(types?: string | string[] | null): Promise<SdkResponse>;
  getReportScheduleById(id: string): Promise<SdkResponse>;
  createReportSchedule(body: object, headers: Record<string, string>): Promise<SdkResponse>;
  cancelReportSchedule(id: string): Promise<SdkResponse>;
}
const Client = createRequire(import.meta.url)('@amazonpay/amazon-pay-api-sdk-nodejs') as {
  WebStoreClient: new (config: Record<string, unknown>) => WebStoreClient;
};

const REPORT_KEYS = [
  'createdTime',
  'endTime',
  'processingEndTime',
  'processingStartTime',
  'processingStatus',
  'reportDocumentId',
  'reportId',
  'reportType',
  'startTime',
];
const SCHEDULE_KEYS = ['nextReportCreationTime', 'reportScheduleId', 'reportType', 'scheduleFrequency'];
const AUTHORIZATION = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_';

let emu: RunningEmulator;
let client: WebStoreClient;
const tlsSetting = process.env.NODE_TLS_REJECT_UNAUTHORIZED;

beforeAll(async () => {
  emu = await startEmulator({ seed: 'sdk', processingDelayMs: 200 });
  client = new Client.WebStoreClient({
    publicKeyId: seeded('na', 'live').publicKeyId,
    privateKey: readFileSync(DEMO_PRIVATE_KEY_PATH, 'utf8'),
    region: 'us',
    algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
    // The SDK then sends Host and x-amz-pay-host "127.0.0.1:<port>" and turns off TLS verification itself.
    overrideServiceUrl: new URL(emu.url).host,
  });
});

afterAll(async () => {
  await emu.close();
  if (tlsSetting === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  else process.env.NODE_TLS_REJECT_UNAUTHORIZED = tlsSetting;
});

describe('official Node SDK against the emulator', () => {
  it("lists reports with every key, in the order the SDK's live test asserts", async () => {
    const res = await client.getReports({
      reportTypes: ['_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_'],
      pageSize: 3,
    });
    expect(res.status).toBe(200);
    expect(res.data.reports).toHaveLength(3);
    expect(Object.keys(res.data.reports[0])).toEqual(REPORT_KEYS);
    expect(res.data.nextToken).toEqual(expect.any(String));
    const next = await client.getReports({ nextToken: res.data.nextToken });
    expect(next.data.reports[0].reportId).not.toBe(res.data.reports[0].reportId);
  });

  it('gets a report by id, then its document, and downloads it byte for byte', async () => {
    const list = await client.getReports({
      reportTypes: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_',
      processingStatuses: 'COMPLETED',
    });
    const { reportId, reportDocumentId } = list.data.reports[0];
    const report = await client.getReportById(reportId);
    expect(report.data.reportDocumentId).toBe(reportDocumentId);
    const doc = await client.getReportDocument(reportDocumentId);
    expect(Object.keys(doc.data)).toEqual(['compressionAlgorithm', 'reportDocumentId', 'url']);
    expect(doc.data.compressionAlgorithm).toBe('N/A');
    const file = await download(emu, doc.data.url);
    expect(file.status).toBe(200);
    const expected = emu.admin.document(reportDocumentId)!;
    expect(file.body.length).toBe(expected.size);
    expect(createHash('sha256').update(file.body).digest('hex')).toBe(expected.sha256);
    expect(file.text.startsWith('\uFEFF"Amazon Payments Advanced",\n"Settlement Report",\n"SellerId","A')).toBe(true);
  });

  it('creates a report (201) that completes after the processing delay', async () => {
    const day = 86_400_000;
    const compact = (ms: number): string => new Date(ms).toISOString().replace(/[-:]|\.\d+/g, '');
    const res = await client.createReport(
      { reportType: AUTHORIZATION, startTime: compact(Date.now() - 30 * day), endTime: compact(Date.now() - day) },
      { 'x-amz-pay-idempotency-key': randomUUID().replace(/-/g, '') },
    );
    expect(res.status).toBe(201);
    expect(Object.keys(res.data)).toEqual(['reportId']);
    expect((await client.getReportById(res.data.reportId)).data.processingStatus).toBe('IN_PROGRESS');
    await new Promise((r) => setTimeout(r, 300));
    expect((await client.getReportById(res.data.reportId)).data.processingStatus).toBe('COMPLETED');
  });

  it("creates, reads, lists and cancels a schedule like the SDK's live test", async () => {
    const body = {
      reportType: AUTHORIZATION,
      scheduleFrequency: 'PT84H',
      nextReportCreationTime: '20230618T150630Z',
      deleteExistingSchedule: true,
    };
    const created = await client.createReportSchedule(body, {
      'x-amz-pay-idempotency-key': randomUUID().replace(/-/g, ''),
    });
    expect(created.status).toBe(201);
    const id = created.data.reportScheduleId as string;
    const byId = await client.getReportScheduleById(id);
    expect(Object.keys(byId.data)).toEqual(SCHEDULE_KEYS);
    const listed = await client.getReportSchedules(
      `${AUTHORIZATION},_GET_FLAT_FILE_OFFAMAZONPAYMENTS_BILLING_AGREEMENT_DATA_`,
    );
    expect(listed.data.reportSchedules.map((s: { reportScheduleId: string }) => s.reportScheduleId)).toEqual([id]);
    expect(Object.keys(listed.data.reportSchedules[0])).toEqual(SCHEDULE_KEYS);
    const cancelled = await client.cancelReportSchedule(id);
    expect(cancelled.status).toBe(200);
    expect(cancelled.data).toEqual({});
    await expect(client.getReportScheduleById(id)).rejects.toMatchObject({ response: { status: 404 } });
  });

  it('logged every SDK call as accepted', () => {
    const log = emu.admin.requests();
    expect(log.length).toBeGreaterThanOrEqual(12);
    expect(
      log.filter((e) =>
        ['InvalidRequestSignature', 'MissingHeader', 'InvalidHeaderValue'].includes(e.reasonCode ?? ''),
      ),
    ).toEqual([]);
  });
});
