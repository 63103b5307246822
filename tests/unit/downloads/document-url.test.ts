/** Only https document URLs reach downloads.download; anything else fails the job with `bad-response`. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '@/tests/emulator';
import { HOSTILE_DOCUMENT_SCHEMES, HOSTILE_REPORTS } from '@/tests/emulator/hostile';
import { BadResponseError } from '@/utils/amazon-pay/errors';
import { requireHttpsDocument } from '@/utils/amazon-pay/document-url';
import { demoKey, liveAccount, recordingClient } from '../client/emulator-setup';
import { createRig, freshIndexedDb, jobsByReport, reports } from './harness';

beforeEach(freshIndexedDb);

const UNSAFE = [
  'http://tortuga.s3.example/doc?X-Amz-Signature=secret',
  'data:text/csv,a%2Cb',
  'javascript:alert(document.cookie)',
  'not a url secret',
];

describe('document URLs', () => {
  it.each(UNSAFE)('refuses %s with a typed bad-response error that does not quote it', (url) => {
    const refuse = () => requireHttpsDocument({ reportDocumentId: 'd1', url });
    expect(refuse).toThrow(BadResponseError);
    expect(refuse).toThrow(expect.objectContaining({ code: 'bad-response' }));
    expect(
      JSON.stringify(
        (() => {
          try {
            refuse();
          } catch (e) {
            return e;
          }
        })(),
      ),
    ).not.toContain('secret');
  });

  it.each(UNSAFE)('fails the job on %s and never downloads it', async (url) => {
    const rig = createRig({ fetchDocument: async (job) => ({ reportDocumentId: job.reportDocumentId, url }) });
    await rig.pipeline.enqueue('acct-1', reports(1), { accountLabel: 'Shop' });
    await rig.runAll();
    const job = (await jobsByReport(rig)).get('R001')!;
    expect(job).toMatchObject({ state: 'failed', attempts: 1, error: { code: 'bad-response' } });
    expect(JSON.stringify(job)).not.toContain(url);
    expect(rig.fake.calls).toEqual([]);
  });

  it('downloads an https URL', async () => {
    const rig = createRig();
    await rig.pipeline.enqueue('acct-1', reports(1), { accountLabel: 'Shop' });
    await rig.runAll();
    expect(rig.fake.calls.map((c) => new URL(c.url).protocol)).toEqual(['https:']);
  });
});

describe('a hostile emulator document', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, seed: 'document-url-tests', hostileReports: true });
  });
  afterAll(() => emu.close());

  it('fails every job whose document answer is not https, and downloads the ordinary report', async () => {
    const { client } = recordingClient(emu.port, { key: await demoKey() });
    const listed = await client.listReports();
    const wanted = new Set(HOSTILE_DOCUMENT_SCHEMES.map(([id]) => id));
    const otherHostile = new Set(HOSTILE_REPORTS.map(([id]) => id));
    const hostile = listed.filter((r) => wanted.has(r.reportId));
    const ordinary = listed.find(
      (r) => r.reportDocumentId && !wanted.has(r.reportId) && !otherHostile.has(r.reportId),
    )!;
    expect(hostile).toHaveLength(HOSTILE_DOCUMENT_SCHEMES.length);
    const rig = createRig({ fetchDocument: (job) => client.getReportDocument(job.reportDocumentId) });
    const queued = [...hostile, ordinary].map((r) => ({ ...r, reportDocumentId: r.reportDocumentId! }));
    await rig.pipeline.enqueue(liveAccount.id, queued, { accountLabel: 'Shop' });
    await rig.runAll();

    const jobs = await jobsByReport(rig);
    for (const [reportId] of HOSTILE_DOCUMENT_SCHEMES) {
      expect(jobs.get(reportId), reportId).toMatchObject({ state: 'failed', error: { code: 'bad-response' } });
    }
    expect(rig.fake.calls.map((c) => c.url)).toEqual([expect.stringMatching(/^https:\/\//)]);
    expect(jobs.get(ordinary.reportId)!.state).not.toBe('failed');
  });
});
