/** The hostile-reports option: listed and downloadable like any report, only for live accounts that ask for it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_DOCUMENT_SCHEMES, HOSTILE_REPORTS } from './hostile';
import { startEmulator, type RunningEmulator } from './index';
import { call, seeded } from './helpers/amazon-client';
import { download } from './helpers/http-client';

let hostile: RunningEmulator;
let plain: RunningEmulator;
const LIVE = seeded('eu', 'live').publicKeyId;

beforeAll(async () => {
  [hostile, plain] = await Promise.all([
    startEmulator({ seed: 'hostile', hostileReports: true }),
    startEmulator({ seed: 'hostile' }),
  ]);
});
afterAll(() => Promise.all([hostile.close(), plain.close()]));

describe('hostile reports', () => {
  it('lists every hostile id and type verbatim, newest first, COMPLETED', async () => {
    const res = await call(hostile, {
      publicKeyId: LIVE,
      region: 'eu',
      path: '/v2/reports',
      query: [['pageSize', '100']],
    });
    const reports = res.json().reports as Array<Record<string, string>>;
    const first = reports.slice(0, HOSTILE_REPORTS.length);
    expect(first.map((r) => [r.reportId, r.reportType])).toEqual(HOSTILE_REPORTS.map(([id, type]) => [id, type]));
    expect(new Set(first.map((r) => r.processingStatus))).toEqual(new Set(['COMPLETED']));
  });

  it('serves their documents like any other', async () => {
    const report = hostile.admin.reports(LIVE).find((r) => r.reportId === HOSTILE_REPORTS[5]![0])!;
    const url = (
      await call(hostile, { publicKeyId: LIVE, region: 'eu', path: `/v2/report-documents/${report.reportDocumentId}` })
    ).json().url;
    const file = await download(hostile, url);
    expect(file.status).toBe(200);
    expect(file.body.length).toBe(hostile.admin.document(report.reportDocumentId!)!.size);
  });

  it('stays out of emulators that did not ask, and out of sandbox accounts', () => {
    const ids = new Set(HOSTILE_REPORTS.map(([id]) => id));
    expect(plain.admin.reports(LIVE).filter((r) => ids.has(r.reportId!))).toEqual([]);
    expect(hostile.admin.reports(seeded('eu', 'sandbox').publicKeyId).filter((r) => ids.has(r.reportId!))).toEqual([]);
  });
});

describe('hostile documents', () => {
  it.each(HOSTILE_DOCUMENT_SCHEMES)('answers %s with a %s: URL', async (reportId, scheme) => {
    const report = hostile.admin.reports(LIVE).find((r) => r.reportId === reportId)!;
    const res = await call(hostile, {
      publicKeyId: LIVE,
      region: 'eu',
      path: `/v2/report-documents/${report.reportDocumentId}`,
    });
    expect(new URL(res.json().url).protocol).toBe(`${scheme}:`);
  });
});
