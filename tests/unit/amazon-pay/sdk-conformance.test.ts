/**
 * Conformance with the official Amazon Pay Node SDK 2.3.4: for the same inputs, our URL, body, headers and
 * canonical request equal the SDK's, except for the two documented differences (amazon-pay-api.md §1.9):
 * the SDK writes x-amz-pay-date in extended form and signs its user-agent header.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, type Environment } from '@/utils/amazon-pay/endpoints';
import {
  buildUrl,
  canonicalRequest,
  prepareSignature,
  sha256Hex,
  signRequest,
  stringToSign,
  type QueryParams,
  type SignatureAlgorithm,
} from '@/utils/amazon-pay/signing';
import { captureSdkRequest, type SdkClient } from './support/sdk';
import { importTestPrivateKey, readKey, signatureOf, verifiesWithTestKey } from './support/vectors';

const FIXED_CLOCK = new Date('2024-01-15T12:34:56.000Z');
const SDK_DATE = '2024-01-15T12:34:56Z';
const COMPACT_DATE = '20240115T123456Z';
const SANDBOX_KEY = 'SANDBOX-AEXAMPLETESTKEY000000000';
const LIVE_KEY = 'LIVE-AEXAMPLETESTKEY000000000';
const LEGACY_KEY = 'AEXAMPLETESTKEY0000000000';
const V1: SignatureAlgorithm = 'AMZN-PAY-RSASSA-PSS';
const V2: SignatureAlgorithm = 'AMZN-PAY-RSASSA-PSS-V2';
const SETTLEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_';
const SANDBOX_SETTLEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_';
const IDEMPOTENCY_KEY = '6f1c2b7e0a9d4c3e8b5f1a2d3c4e5f60';
const UNICODE_BODY = `{"reportType":"${SETTLEMENT}","startTime":"20240101T000000Z","endTime":"20240114T235959Z","note":"Café – 東京 ✓ 😀"}`;

interface Row {
  name: string;
  account: { region: string; publicKeyId: string; environment: Environment; algorithm: SignatureAlgorithm };
  /** The SDK call. Query values avoid ! ' ( ) *, the only characters where its encodeURIComponent differs. */
  sdk: (client: SdkClient) => Promise<unknown>;
  /** The same request as our client would describe it. */
  ours: { method: string; path: string; params?: QueryParams; body?: string; idempotencyKey?: string };
}

const account = (
  region: string,
  publicKeyId: string,
  environment: Environment,
  algorithm: SignatureAlgorithm = V2,
) => ({
  region,
  publicKeyId,
  environment,
  algorithm,
});
const idempotency = { 'x-amz-pay-idempotency-key': IDEMPOTENCY_KEY };

const rows: Row[] = [
  {
    name: 'get reports: type list + page size, SANDBOX- key, region us',
    account: account('us', SANDBOX_KEY, 'sandbox'),
    sdk: (c) => c.getReports({ reportTypes: `${SETTLEMENT},${SANDBOX_SETTLEMENT}`, pageSize: 10 }),
    ours: {
      method: 'GET',
      path: 'reports',
      params: { reportTypes: `${SETTLEMENT},${SANDBOX_SETTLEMENT}`, pageSize: 10 },
    },
  },
  {
    name: 'get reports: ISO dates with ":" and statuses, legacy key sandbox, region eu',
    account: account('eu', LEGACY_KEY, 'sandbox'),
    sdk: (c) =>
      c.getReports({
        reportTypes: SANDBOX_SETTLEMENT,
        processingStatuses: 'COMPLETED,IN_PROGRESS',
        createdSince: '2024-01-01T00:00:00Z',
        createdUntil: '2024-01-15T00:00:00Z',
        pageSize: 100,
      }),
    ours: {
      method: 'GET',
      path: 'reports',
      params: {
        pageSize: 100,
        createdUntil: '2024-01-15T00:00:00Z',
        reportTypes: SANDBOX_SETTLEMENT,
        createdSince: '2024-01-01T00:00:00Z',
        processingStatuses: 'COMPLETED,IN_PROGRESS',
      },
    },
  },
  {
    name: 'get reports: legacy key live, region de',
    account: account('de', LEGACY_KEY, 'live'),
    sdk: (c) => c.getReports({ reportTypes: SETTLEMENT, createdSince: '20240101T000000Z' }),
    ours: { method: 'GET', path: 'reports', params: { reportTypes: SETTLEMENT, createdSince: '20240101T000000Z' } },
  },
  {
    name: 'get reports: nextToken with + / =, LIVE- key, region jp',
    account: account('jp', LIVE_KEY, 'live'),
    sdk: (c) => c.getReports({ nextToken: 'Ab+c/d==' }),
    ours: { method: 'GET', path: 'reports', params: { nextToken: 'Ab+c/d==' } },
  },
  {
    name: 'get reports: nextToken with space, %, & and non-ASCII, legacy key live, region uk',
    account: account('uk', LEGACY_KEY, 'live'),
    sdk: (c) => c.getReports({ nextToken: 'x+y z%2F&k=v/é==' }),
    ours: { method: 'GET', path: 'reports', params: { nextToken: 'x+y z%2F&k=v/é==' } },
  },
  {
    name: 'get reports: no query, region NA upper case, V1 algorithm',
    account: account('NA', SANDBOX_KEY, 'sandbox', V1),
    sdk: (c) => c.getReports(),
    ours: { method: 'GET', path: 'reports' },
  },
  {
    name: 'get report by id: SANDBOX- key, region us',
    account: account('us', SANDBOX_KEY, 'sandbox'),
    sdk: (c) => c.getReportById('A08439021T39K6DTX4JS8'),
    ours: { method: 'GET', path: 'reports/A08439021T39K6DTX4JS8' },
  },
  {
    name: 'get report by id: legacy key sandbox, region Jp mixed case',
    account: account('Jp', LEGACY_KEY, 'sandbox'),
    sdk: (c) => c.getReportById('A08439021T39K6DTX4JS8'),
    ours: { method: 'GET', path: 'reports/A08439021T39K6DTX4JS8' },
  },
  {
    name: 'get report document: legacy key live, region eu',
    account: account('eu', LEGACY_KEY, 'live'),
    sdk: (c) => c.getReportDocument('amzn1.tortuga.0.000000000-0000-0000-0000-000000000000.00000000000000'),
    ours: {
      method: 'GET',
      path: 'report-documents/amzn1.tortuga.0.000000000-0000-0000-0000-000000000000.00000000000000',
    },
  },
  {
    name: 'get report document: LIVE- key, region jp, V1 algorithm',
    account: account('jp', LIVE_KEY, 'live', V1),
    sdk: (c) => c.getReportDocument('amzn1.tortuga.3.aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee.T1ABCDEFGHIJKL'),
    ours: {
      method: 'GET',
      path: 'report-documents/amzn1.tortuga.3.aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee.T1ABCDEFGHIJKL',
    },
  },
  {
    name: 'create report: JSON body + idempotency key, SANDBOX- key, region us',
    account: account('us', SANDBOX_KEY, 'sandbox'),
    sdk: (c) =>
      c.createReport(
        { reportType: SANDBOX_SETTLEMENT, startTime: '20240101T000000Z', endTime: '20240114T235959Z' },
        idempotency,
      ),
    ours: {
      method: 'POST',
      path: 'reports',
      body: JSON.stringify({
        reportType: SANDBOX_SETTLEMENT,
        startTime: '20240101T000000Z',
        endTime: '20240114T235959Z',
      }),
      idempotencyKey: IDEMPOTENCY_KEY,
    },
  },
  {
    name: 'create report: unicode body, legacy key sandbox, region EU upper case',
    account: account('EU', LEGACY_KEY, 'sandbox'),
    sdk: (c) => c.createReport(UNICODE_BODY, idempotency),
    ours: { method: 'POST', path: 'reports', body: UNICODE_BODY, idempotencyKey: IDEMPOTENCY_KEY },
  },
  {
    name: 'create report: LIVE- key, region jp, V1 algorithm',
    account: account('jp', LIVE_KEY, 'live', V1),
    sdk: (c) =>
      c.createReport(
        { reportType: SETTLEMENT, startTime: '2024-01-01T00:00:00Z', endTime: '2024-01-14T23:59:59Z' },
        idempotency,
      ),
    ours: {
      method: 'POST',
      path: 'reports',
      body: JSON.stringify({
        reportType: SETTLEMENT,
        startTime: '2024-01-01T00:00:00Z',
        endTime: '2024-01-14T23:59:59Z',
      }),
      idempotencyKey: IDEMPOTENCY_KEY,
    },
  },
  {
    name: 'get report schedules: type list, SANDBOX- key, region na',
    account: account('na', SANDBOX_KEY, 'sandbox'),
    sdk: (c) => c.getReportSchedules([SETTLEMENT, SANDBOX_SETTLEMENT]),
    ours: {
      method: 'GET',
      path: 'report-schedules',
      params: { reportTypes: [SETTLEMENT, SANDBOX_SETTLEMENT].join(',') },
    },
  },
  {
    name: 'get report schedules: no filter, legacy key live, region eu',
    account: account('eu', LEGACY_KEY, 'live'),
    sdk: (c) => c.getReportSchedules(),
    ours: { method: 'GET', path: 'report-schedules' },
  },
  {
    name: 'get schedule by id: legacy key sandbox, region jp',
    account: account('jp', LEGACY_KEY, 'sandbox'),
    sdk: (c) => c.getReportScheduleById('68973459224'),
    ours: { method: 'GET', path: 'report-schedules/68973459224' },
  },
  {
    name: 'get schedule by id: lower-case sandbox- key, region de',
    account: account('de', SANDBOX_KEY.toLowerCase(), 'live'),
    sdk: (c) => c.getReportScheduleById('68973459224'),
    ours: { method: 'GET', path: 'report-schedules/68973459224' },
  },
  {
    name: 'create schedule: JSON body + idempotency key, LIVE- key, region us',
    account: account('us', LIVE_KEY, 'live'),
    sdk: (c) =>
      c.createReportSchedule(
        {
          reportType: SETTLEMENT,
          scheduleFrequency: 'P1D',
          nextReportCreationTime: '20240116T000000Z',
          deleteExistingSchedule: false,
        },
        idempotency,
      ),
    ours: {
      method: 'POST',
      path: 'report-schedules',
      body: JSON.stringify({
        reportType: SETTLEMENT,
        scheduleFrequency: 'P1D',
        nextReportCreationTime: '20240116T000000Z',
        deleteExistingSchedule: false,
      }),
      idempotencyKey: IDEMPOTENCY_KEY,
    },
  },
  {
    name: 'create schedule: unicode in an object body, legacy key live, region uk',
    account: account('uk', LEGACY_KEY, 'live'),
    sdk: (c) =>
      c.createReportSchedule(
        { reportType: SETTLEMENT, scheduleFrequency: 'P7D', label: 'Überweisung ✓ 精算' },
        idempotency,
      ),
    ours: {
      method: 'POST',
      path: 'report-schedules',
      body: JSON.stringify({ reportType: SETTLEMENT, scheduleFrequency: 'P7D', label: 'Überweisung ✓ 精算' }),
      idempotencyKey: IDEMPOTENCY_KEY,
    },
  },
  {
    name: "get disbursements (through the SDK's generic apiCall): window + page size, LIVE- key, region us",
    account: account('us', LIVE_KEY, 'live'),
    sdk: (c) =>
      c.apiCall({
        method: 'GET',
        urlFragment: 'disbursements',
        queryParams: { startTime: '20240101T000000Z', endTime: '20240115T000000Z', pageSize: 30 },
      }),
    ours: {
      method: 'GET',
      path: 'disbursements',
      params: { startTime: '20240101T000000Z', endTime: '20240115T000000Z', pageSize: 30 },
    },
  },
  {
    name: 'get disbursements next page: the token alone, legacy key live, region jp',
    account: account('jp', LEGACY_KEY, 'live'),
    sdk: (c) =>
      c.apiCall({ method: 'GET', urlFragment: 'disbursements', queryParams: { nextToken: 'eyJxIjoiYWJjIn0=' } }),
    ours: { method: 'GET', path: 'disbursements', params: { nextToken: 'eyJxIjoiYWJjIn0=' } },
  },
  {
    name: 'cancel schedule: SANDBOX- key, region us',
    account: account('us', SANDBOX_KEY, 'sandbox'),
    sdk: (c) => c.cancelReportSchedule('68973459224'),
    ours: { method: 'DELETE', path: 'report-schedules/68973459224' },
  },
  {
    name: 'cancel schedule: legacy key sandbox, region eu, V1 algorithm',
    account: account('eu', LEGACY_KEY, 'sandbox', V1),
    sdk: (c) => c.cancelReportSchedule('68973459224'),
    ours: { method: 'DELETE', path: 'report-schedules/68973459224' },
  },
];

/** The SDK's canonical request with its two documented differences undone, and nothing else touched. */
function withoutSdkDifferences(sdkCanonical: string): string {
  const lines = sdkCanonical.split('\n');
  const blank = lines.indexOf('', 3);
  const headerLines = lines.slice(3, blank);
  expect(headerLines.filter((line) => line.startsWith('user-agent:'))).toHaveLength(1);
  expect(headerLines).toContain(`x-amz-pay-date:${SDK_DATE}`);
  const normalisedHeaders = headerLines
    .filter((line) => !line.startsWith('user-agent:'))
    .map((line) => (line === `x-amz-pay-date:${SDK_DATE}` ? `x-amz-pay-date:${COMPACT_DATE}` : line));
  const signedHeaders = (lines[blank + 1] ?? '')
    .split(';')
    .filter((name) => name !== 'user-agent')
    .join(';');
  return [...lines.slice(0, 3), ...normalisedHeaders, '', signedHeaders, ...lines.slice(blank + 2)].join('\n');
}

describe.each(rows)('same request as the official SDK: $name', (row) => {
  const sdkConfig = {
    publicKeyId: row.account.publicKeyId,
    privateKey: readKey('test_private_pkcs8.pem'),
    region: row.account.region,
    sandbox: row.account.environment === 'sandbox',
    ...(row.account.algorithm === V2 ? { algorithm: V2 } : {}),
  };
  const url = buildUrl(baseUrl(row.account), row.ours.path, row.ours.params);
  const signatureInput = {
    method: row.ours.method,
    url,
    body: row.ours.body,
    publicKeyId: row.account.publicKeyId,
    algorithm: row.account.algorithm,
    date: FIXED_CLOCK,
    idempotencyKey: row.ours.idempotencyKey,
  };

  it('sends the same URL and body', async () => {
    const { sent } = await captureSdkRequest(sdkConfig, FIXED_CLOCK, row.sdk);
    expect(url).toBe(sent.url);
    expect(row.ours.body).toBe(sent.data);
  });

  it('builds the same canonical request, apart from the extended date and signed user-agent', async () => {
    const { hashed } = await captureSdkRequest(sdkConfig, FIXED_CLOCK, row.sdk);
    const sdkCanonical = hashed[1] ?? '';
    const plan = prepareSignature(signatureInput);
    expect(plan.canonicalRequest).toBe(withoutSdkDifferences(sdkCanonical));
  });

  it('reproduces the SDK bytes and string to sign when given its extra header and date', async () => {
    const { hashed, signed, sent } = await captureSdkRequest(sdkConfig, FIXED_CLOCK, row.sdk);
    const plan = prepareSignature(signatureInput);
    const sdkExtras = {
      'user-agent': sent.headers['user-agent'] ?? '',
      'x-amz-pay-date': sent.headers['x-amz-pay-date'] ?? '',
    };
    const ours = canonicalRequest({
      method: row.ours.method,
      url,
      headers: { ...plan.headers, ...sdkExtras },
      payloadHash: await sha256Hex(row.ours.body ?? ''),
    });
    expect(ours).toBe(hashed[1]);
    expect(await stringToSign(row.account.algorithm, ours)).toBe(signed[0]);
  });

  it('sends the same headers, and both signatures verify with the documented salt', async () => {
    const { signed, sent } = await captureSdkRequest(sdkConfig, FIXED_CLOCK, row.sdk);
    const { authorization, ...ours } = await signRequest({
      ...signatureInput,
      privateKey: await importTestPrivateKey(),
    });
    const { authorization: sdkAuthorization = '', 'user-agent': _userAgent, ...sdkHeaders } = sent.headers;
    expect(sdkHeaders['x-amz-pay-date']).toBe(SDK_DATE);
    expect(ours).toEqual({ ...sdkHeaders, 'x-amz-pay-date': COMPACT_DATE });

    const salt = row.account.algorithm === V2 ? 32 : 20;
    const plan = prepareSignature(signatureInput);
    expect(authorization).toBe(
      `${row.account.algorithm} PublicKeyId=${row.account.publicKeyId}, SignedHeaders=${plan.signedHeaders}, Signature=${signatureOf(authorization ?? '')}`,
    );
    expect(sdkAuthorization.replace('user-agent;', '').replace(/Signature=.*$/, '')).toBe(
      (authorization ?? '').replace(/Signature=.*$/, ''),
    );
    expect(verifiesWithTestKey(plan.stringToSign, signatureOf(authorization ?? ''), salt)).toBe(true);
    expect(verifiesWithTestKey(signed[0] ?? '', signatureOf(sdkAuthorization), salt)).toBe(true);
  });
});
