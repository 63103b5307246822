import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportDocument } from '@/utils/amazon-pay/types';
import type { DownloadJob } from '@/utils/downloads/types';
import { complete, FakeDownloads, folderRefused, inProgress, interrupt, reject } from '../fakes/downloads';
import { completedPerReport, createRig, freshIndexedDb, jobsByReport, reports, T0 } from './harness';

const ACCOUNT = 'acct-1';
const LABEL = 'Müller GmbH';

beforeEach(freshIndexedDb);
afterEach(() => vi.restoreAllMocks());

describe('download pipeline', () => {
  it('downloads every report once, never more than `concurrency` at a time, and records the history', async () => {
    const rig = createRig({ concurrency: 3, fakeOptions: { defaultOutcome: inProgress() } });
    const { batchId, queued, skipped } = await rig.pipeline.enqueue(ACCOUNT, reports(8), { accountLabel: LABEL });
    expect(queued).toHaveLength(8);
    expect(skipped).toEqual([]);
    await rig.drain();
    expect(rig.fake.calls).toHaveLength(3);

    while (rig.fake.completed().length < 8) {
      const running = [...rig.fake.items.values()].filter((i) => i.state === 'in_progress');
      expect(running.length).toBeGreaterThan(0);
      rig.fake.finish(running[0]!.id, 500);
      await rig.drain();
    }

    expect(rig.fake.calls).toHaveLength(8);
    expect(Math.max(...rig.fake.calls.map((c) => c.activeAtCall))).toBe(2);
    expect(rig.fake.calls.map((c) => c.conflictAction)).toEqual(Array(8).fill('uniquify'));
    expect(rig.fake.calls[0]!.filename).toBe('AmazonPay/Müller GmbH/Settlement/2026-11-01_2026-11-02_R001.csv');
    const { jobs, batches } = await rig.pipeline.snapshot();
    expect(jobs.every((j) => j.state === 'done' && j.bytes === 500 && j.finalPath?.endsWith(`${j.reportId}.csv`))).toBe(
      true,
    );
    expect(batches).toEqual([expect.objectContaining({ id: batchId, total: 8, paused: false })]);
    expect(batches[0]!.counts).toEqual({
      queued: 0,
      'requesting-url': 0,
      downloading: 0,
      done: 8,
      failed: 0,
      cancelled: 0,
    });
    expect([...completedPerReport(rig).values()]).toEqual(Array(8).fill(1));
  });
  it('starts jobs in the order they were asked for', async () => {
    const rig = createRig({ concurrency: 1 });
    await rig.pipeline.enqueue(ACCOUNT, reports(4), { accountLabel: LABEL });
    await rig.drain();
    expect(rig.fake.calls.map((c) => /_(R\d+)\.csv$/.exec(c.filename)?.[1])).toEqual(['R001', 'R002', 'R003', 'R004']);
  });
  it('hands the URL to download() in the same task it arrived in, with no storage write in between', async () => {
    const log: string[] = [];
    const expired = new Set<string>();
    const put = globalThis.IDBObjectStore.prototype.put;
    vi.spyOn(globalThis.IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      log.push('write');
      return put.apply(this, args);
    });
    let n = 0;
    const fetchDocument = async (job: DownloadJob): Promise<ReportDocument> => {
      await new Promise((resolve) => setTimeout(resolve, n % 2));
      const url = `https://tortuga.s3.example/${job.reportDocumentId}?sig=${++n}`;
      log.push(`url ${url}`);
      // Any macrotask (an IndexedDB request completing, a timer) between here and download() marks the URL stale.
      setImmediate(() => expired.add(url));
      return { reportDocumentId: job.reportDocumentId, url };
    };
    const fake = new FakeDownloads({
      onCall: (call) => log.push(expired.has(call.url) ? `late download ${call.url}` : `download ${call.url}`),
    });
    const rig = createRig({ fake, fetchDocument, concurrency: 3 });
    fake.scriptCalls(interrupt('SERVER_FORBIDDEN'));
    await rig.pipeline.enqueue(ACCOUNT, reports(6), { accountLabel: LABEL });
    await rig.drain();

    const urls = log.filter((l) => l.startsWith('url ')).map((l) => l.slice(4));
    expect(urls).toHaveLength(7);
    for (const url of urls) {
      const at = log.indexOf(`url ${url}`);
      expect(log[at + 1]).toBe(`download ${url}`);
    }
    expect(log.some((l) => l.startsWith('late'))).toBe(false);
    expect(log.filter((l) => l === 'write').length).toBeGreaterThan(0);
  });
  it('gets a fresh URL when the first one expired (SERVER_FORBIDDEN) and never reuses a URL', async () => {
    const rig = createRig();
    rig.fake.scriptCalls(interrupt('SERVER_FORBIDDEN'));
    await rig.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
    await rig.drain();

    expect(rig.issued).toHaveLength(2);
    expect(rig.fake.calls.map((c) => c.url)).toEqual(rig.issued.map((i) => i.url));
    expect(new Set(rig.fake.calls.map((c) => c.url)).size).toBe(2);
    const job = (await jobsByReport(rig)).get('R001')!;
    expect(job).toMatchObject({ state: 'done', attempts: 2 });
    // The interrupted download is cancelled and erased: the list keeps one entry, under the intended name.
    expect([...rig.fake.items.values()]).toEqual([
      expect.objectContaining({ state: 'complete', filename: expect.stringMatching(/_R001\.csv$/) }),
    ]);
  });
  it('backs off on network interruptions and fails after the last attempt with a clear message', async () => {
    const rig = createRig({ maxAttempts: 3 });
    rig.fake.scriptUrl('tortuga', interrupt('NETWORK_FAILED'));
    await rig.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
    await rig.drain();
    expect((await jobsByReport(rig)).get('R001')).toMatchObject({ state: 'queued', nextAttemptAt: T0 + 5_000 });
    expect(rig.scheduler.wakes.map((w) => w.at)).toEqual([T0 + 5_000]);

    await rig.runAll();
    const job = (await jobsByReport(rig)).get('R001')!;
    expect(rig.fake.calls).toHaveLength(3);
    expect(rig.clock.time).toBe(T0 + 5_000 + 20_000);
    expect(job.state).toBe('failed');
    expect(job.error).toEqual({
      code: 'attempts-exhausted',
      userMessage: expect.stringContaining('after 3 attempts'),
      details: { reason: 'NETWORK_FAILED', attempts: 3 },
    });
  });
  it('fails the job on a full disk, stops the batch, keeps the rest queued, and Retry failed resumes', async () => {
    const rig = createRig({ concurrency: 1 });
    rig.fake.scriptCalls(complete(), interrupt('FILE_NO_SPACE'));
    const { batchId } = await rig.pipeline.enqueue(ACCOUNT, reports(5), { accountLabel: LABEL });
    await rig.runAll();

    const jobs = await jobsByReport(rig);
    expect(jobs.get('R001')!.state).toBe('done');
    expect(jobs.get('R002')).toMatchObject({
      state: 'failed',
      error: { code: 'FILE_NO_SPACE', userMessage: 'Your disk is full: free some space, then Retry failed.' },
    });
    expect(['R003', 'R004', 'R005'].map((id) => jobs.get(id)!.state)).toEqual(['queued', 'queued', 'queued']);
    expect(rig.fake.calls).toHaveLength(2);
    const [batch] = (await rig.pipeline.snapshot()).batches;
    expect(batch).toMatchObject({ paused: true, stopped: { code: 'FILE_NO_SPACE' } });
    expect(batch!.counts).toMatchObject({ done: 1, failed: 1, queued: 3 });

    expect(await rig.pipeline.retryFailed(batchId!)).toBe(1);
    await rig.runAll();
    expect([...(await jobsByReport(rig)).values()].map((j) => j.state)).toEqual(Array(5).fill('done'));
    expect((await rig.pipeline.snapshot()).batches[0]).toMatchObject({ paused: false, stopped: undefined });
  });
  it('stops the batch when the browser cannot write to the download folder, marking nothing done', async () => {
    const rig = createRig({ concurrency: 2 });
    rig.fake.scriptUrl(/./, folderRefused());
    const { batchId } = await rig.pipeline.enqueue(ACCOUNT, reports(5), { accountLabel: LABEL });
    await rig.runAll();

    const { jobs, batches } = await rig.pipeline.snapshot();
    expect(jobs.filter((j) => j.state === 'failed').map((j) => j.error)).toEqual([
      { code: 'DOWNLOAD_FOLDER_REFUSED', userMessage: expect.stringMatching(/^Cannot write to the download folder/) },
      { code: 'DOWNLOAD_FOLDER_REFUSED', userMessage: expect.stringMatching(/^Cannot write to the download folder/) },
    ]);
    expect(batches[0]).toMatchObject({ id: batchId, paused: true, stopped: { code: 'DOWNLOAD_FOLDER_REFUSED' } });
    expect(batches[0]!.counts).toMatchObject({ done: 0, failed: 2, queued: 3, cancelled: 0 });
    expect(rig.fake.calls).toHaveLength(2);
  });
  it('keeps at most `maxRequests` URL requests open while up to `concurrency` files download', async () => {
    const waiting: Array<() => void> = [];
    let open = 0;
    let mostOpen = 0;
    const fetchDocument = async (job: DownloadJob): Promise<ReportDocument> => {
      mostOpen = Math.max(mostOpen, ++open);
      await new Promise<void>((resolve) => waiting.push(resolve));
      open -= 1;
      return { reportDocumentId: job.reportDocumentId, url: `https://tortuga.s3.example/${job.reportDocumentId}` };
    };
    const rig = createRig({
      concurrency: 4,
      maxRequests: 2,
      fetchDocument,
      fakeOptions: { defaultOutcome: inProgress() },
    });
    // drain() would wait for the held requests, so this waits on the pipeline's visible state instead.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
    await rig.pipeline.enqueue(ACCOUNT, reports(6), { accountLabel: LABEL });
    // Release held requests until the pipeline has settled on four downloads with none held, however slow the
    // machine: a fixed number of rounds let drain() wait on a request nobody would release.
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      await settle();
      if (waiting.length === 0 && rig.fake.calls.length === 4) break;
      waiting.splice(0).forEach((resolve) => resolve());
    }
    await rig.drain();
    expect(mostOpen).toBe(2);
    expect(rig.fake.calls).toHaveLength(4);
    const { batches } = await rig.pipeline.snapshot();
    expect(batches[0]!.counts).toMatchObject({ downloading: 4, queued: 2, 'requesting-url': 0 });
  });
  it('cancels the job when the user cancels its download in the browser, and goes on with the others', async () => {
    const rig = createRig({ concurrency: 1 });
    rig.fake.scriptCalls(interrupt('USER_CANCELED'));
    await rig.pipeline.enqueue(ACCOUNT, reports(2), { accountLabel: LABEL });
    await rig.drain();
    const jobs = await jobsByReport(rig);
    expect(jobs.get('R001')).toMatchObject({ state: 'cancelled', error: { code: 'USER_CANCELED' } });
    expect(jobs.get('R002')!.state).toBe('done');
    expect(rig.issued).toHaveLength(2);
    expect((await rig.pipeline.snapshot()).batches[0]!.paused).toBe(false);
  });
  it('retries a retryable fetchDocument error (429) later, with backoff', async () => {
    let calls = 0;
    const rig = createRig({
      fetchDocument: async (job) => {
        calls += 1;
        if (calls === 1)
          throw Object.assign(new Error('429'), {
            code: 'rate-limited',
            userMessage: 'Amazon Pay is busy.',
            details: { status: 429 },
          });
        return { reportDocumentId: job.reportDocumentId, url: `https://tortuga.s3.example/${calls}` };
      },
    });
    await rig.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
    await rig.drain();
    expect(rig.fake.calls).toHaveLength(0);
    expect((await jobsByReport(rig)).get('R001')).toMatchObject({ state: 'queued', nextAttemptAt: T0 + 5_000 });

    await rig.runAll();
    expect(calls).toBe(2);
    expect(rig.fake.calls.map((c) => c.url)).toEqual(['https://tortuga.s3.example/2']);
    expect((await jobsByReport(rig)).get('R001')!.state).toBe('done');
  });
  it('fails at once on a final fetchDocument error (400), with its user message', async () => {
    const rig = createRig({
      fetchDocument: async () => {
        throw Object.assign(new Error('400'), {
          code: 'invalid-request',
          userMessage: 'Amazon Pay says this report document does not exist.',
          details: { status: 400, reasonCode: 'InvalidParameterValue' },
        });
      },
    });
    await rig.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
    await rig.runAll();
    expect((await jobsByReport(rig)).get('R001')).toMatchObject({
      state: 'failed',
      attempts: 1,
      error: {
        code: 'invalid-request',
        userMessage: 'Amazon Pay says this report document does not exist.',
        details: { status: 400, reasonCode: 'InvalidParameterValue' },
      },
    });
    expect(rig.fake.calls).toHaveLength(0);
  });
  it('fails the job, without quoting the browser, when download() itself is refused', async () => {
    const rig = createRig();
    rig.fake.scriptCalls(reject('Invalid URL https://tortuga.s3.example/secret'));
    await rig.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
    await rig.drain();
    const job = (await jobsByReport(rig)).get('R001')!;
    expect(job).toMatchObject({ state: 'failed', error: { code: 'DOWNLOAD_REFUSED' } });
    expect(JSON.stringify(job)).not.toContain('secret');
  });
  it('skips a report that is already queued or downloading, and one without a document', async () => {
    const rig = createRig({ fakeOptions: { defaultOutcome: inProgress() } });
    const first = await rig.pipeline.enqueue(ACCOUNT, reports(2), { accountLabel: LABEL });
    await rig.drain();
    const notReady = { ...reports(1, 'X')[0]!, reportDocumentId: undefined };
    const again = await rig.pipeline.enqueue(ACCOUNT, [...reports(3), notReady], { accountLabel: LABEL, force: true });
    expect(again.queued.map((j) => j.reportId)).toEqual(['R003']);
    expect(again.skipped).toEqual([
      { reportId: 'R001', reason: 'live' },
      { reportId: 'R002', reason: 'live' },
      { reportId: 'X001', reason: 'not-ready' },
    ]);
    expect(again.batchId).not.toBe(first.batchId);
    const none = await rig.pipeline.enqueue(ACCOUNT, reports(2), { accountLabel: LABEL });
    expect(none).toEqual({
      queued: [],
      skipped: [
        { reportId: 'R001', reason: 'live' },
        { reportId: 'R002', reason: 'live' },
      ],
    });
    expect((await rig.pipeline.snapshot()).batches).toHaveLength(2);
  });
  it('skips an already downloaded report unless forced', async () => {
    const rig = createRig();
    await rig.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
    await rig.drain();
    const skipped = await rig.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
    expect(skipped.skipped).toEqual([{ reportId: 'R001', reason: 'downloaded' }]);
    const other = await rig.pipeline.enqueue('acct-2', reports(1), { accountLabel: 'Other' });
    expect(other.queued).toHaveLength(1);

    const forced = await rig.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL, force: true });
    expect(forced.queued).toHaveLength(1);
    await rig.drain();
    expect(rig.fake.calls).toHaveLength(3);
    expect(rig.fake.completed().map((i) => i.filename.replace(/.*\//, ''))).toContain(
      '2026-11-01_2026-11-02_R001 (1).csv',
    );
  });
});
