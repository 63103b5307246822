import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DownloadsApi } from '@/utils/browser-api';
import { downloadPathPattern } from '@/utils/downloads/recovery';
import type { JobState } from '@/utils/downloads/types';
import { complete, FakeDownloads, inProgress, interrupt } from '../fakes/downloads';
import {
  Clock,
  completedPerReport,
  countsAndTallies,
  createRig,
  freshIndexedDb,
  jobsByReport,
  reports,
  type Rig,
} from './harness';

/**
 * Each test leaves the queue in one state, kills the worker (its listener and memory go), and starts a new
 * pipeline over the same IndexedDB with the fake downloads in the matching state. Every report must end with
 * exactly one downloaded file.
 */

const ACCOUNT = 'acct-1';
const LABEL = 'Müller GmbH 株式会社';

beforeEach(freshIndexedDb);

const never = () => new Promise<never>(() => undefined);

async function untilState(rig: Rig, state: JobState, count: number): Promise<void> {
  await vi.waitFor(async () => {
    const { jobs } = await rig.pipeline.snapshot();
    expect(jobs.filter((j) => j.state === state)).toHaveLength(count);
  });
}

/** The browser starts the download, but the worker dies before download()'s id reaches the pipeline. */
function diesAfterDownloadStarts(fake: FakeDownloads): DownloadsApi {
  return {
    download: (options) => {
      void fake.download(options);
      return never();
    },
    search: (query) => fake.search(query),
    cancel: (id) => fake.cancel(id),
    erase: (query) => fake.erase(query),
    show: (id) => fake.show(id),
    onChanged: fake.onChanged,
  };
}

async function expectOneFileEach(rig: Rig, reportIds: string[]): Promise<void> {
  expect(Object.fromEntries(completedPerReport(rig))).toEqual(Object.fromEntries(reportIds.map((id) => [id, 1])));
  const jobs = await jobsByReport(rig);
  expect(reportIds.map((id) => jobs.get(id)!.state)).toEqual(reportIds.map(() => 'done'));
  const { stored, tallied } = await countsAndTallies(rig);
  expect(stored).toEqual(tallied);
}

describe('recovery after the worker was killed', () => {
  it('queued: the new worker downloads them, once, even if recover() runs twice at once', async () => {
    const before = createRig({ concurrency: 0 });
    await before.pipeline.enqueue(ACCOUNT, reports(4), { accountLabel: LABEL });
    await before.drain();
    expect(before.fake.calls).toHaveLength(0);

    const after = before.restart();
    await Promise.all([after.pipeline.recover(), after.pipeline.recover()]);
    await after.drain();
    expect(after.fake.calls).toHaveLength(4);
    await expectOneFileEach(after, ['R001', 'R002', 'R003', 'R004']);
  });

  it('requesting-url, no download started: queued again without spending an attempt', async () => {
    const before = createRig({ fetchDocument: never });
    await before.pipeline.enqueue(ACCOUNT, reports(2), { accountLabel: LABEL });
    await untilState(before, 'requesting-url', 2);

    const after = before.restart();
    await after.pipeline.recover();
    await after.drain();
    expect(after.fake.calls).toHaveLength(2);
    expect([...(await jobsByReport(after)).values()].map((j) => j.attempts)).toEqual([1, 1]);
    await expectOneFileEach(after, ['R001', 'R002']);
  });

  it.each([
    ['complete', complete(4096), 0],
    ['still in progress', inProgress(), 0],
    ['interrupted', interrupt('NETWORK_FAILED'), 1],
  ])(
    'requesting-url with a download already started (%s): adopts it instead of starting a duplicate',
    async (_c, outcome, extra) => {
      const clock = new Clock();
      const fake = new FakeDownloads({ wallClock: clock.now });
      const dying = createRig({ fake, clock, downloads: diesAfterDownloadStarts(fake) });
      fake.scriptCalls(outcome);
      await dying.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
      await vi.waitFor(() => expect(fake.calls).toHaveLength(1));
      await fake.idle();
      expect((await jobsByReport(dying)).get('R001')!.state).toBe('requesting-url');
      const started = fake.calls[0]!.id!;

      const after = dying.restart();
      await after.pipeline.recover();
      await after.runAll();
      if (outcome.kind === 'in-progress') {
        expect((await jobsByReport(after)).get('R001')).toMatchObject({ state: 'downloading', downloadId: started });
        after.fake.finish(started, 4096);
        await after.drain();
      }
      expect(after.fake.calls.slice(1)).toHaveLength(extra);
      expect(after.fake.items.has(started)).toBe(extra === 0);
      await expectOneFileEach(after, ['R001']);
    },
  );

  it('requesting-url: adopts a download renamed by uniquify', async () => {
    const before = createRig({ fetchDocument: never });
    const { queued } = await before.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
    await untilState(before, 'requesting-url', 1);
    before.clock.time += 50;
    const seeded = before.fake.seed({
      filename: queued[0]!.filename.replace(/\.csv$/, ' (1).csv'),
      state: 'complete',
      fileSize: 10,
    });

    const after = before.restart();
    await after.pipeline.recover();
    await after.drain();
    expect(after.fake.calls).toHaveLength(0);
    expect((await jobsByReport(after)).get('R001')).toMatchObject({
      state: 'done',
      downloadId: seeded.id,
      finalPath: seeded.filename,
      bytes: 10,
    });
  });

  it('requesting-url: waits for a started download the browser has not named yet, and adopts it', async () => {
    const before = createRig({ fetchDocument: never });
    const { queued } = await before.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
    await untilState(before, 'requesting-url', 1);
    before.clock.time += 50;
    const seeded = before.fake.seed({ filename: queued[0]!.filename, state: 'in_progress' });
    // Chromium reports an empty path until it has decided where the file goes.
    const path = seeded.filename;
    before.fake.items.get(seeded.id)!.filename = '';
    setTimeout(() => {
      before.fake.items.get(seeded.id)!.filename = path;
    }, 150);

    const after = before.restart();
    await after.pipeline.recover();
    await after.drain();
    expect(after.fake.calls).toHaveLength(0);
    expect((await jobsByReport(after)).get('R001')).toMatchObject({ state: 'downloading', downloadId: seeded.id });
  });

  it('requesting-url: does not adopt an older download of the same file', async () => {
    const before = createRig({ fetchDocument: never });
    const { queued } = await before.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
    await untilState(before, 'requesting-url', 1);
    const old = before.fake.seed({
      filename: queued[0]!.filename,
      state: 'complete',
      startTime: new Date(before.clock.time - 60_000).toISOString(),
    });

    const after = before.restart();
    await after.pipeline.recover();
    await after.drain();
    expect(after.fake.calls).toHaveLength(1);
    expect((await jobsByReport(after)).get('R001')).toMatchObject({ state: 'done' });
    expect((await jobsByReport(after)).get('R001')!.downloadId).not.toBe(old.id);
  });

  describe('downloading', () => {
    async function leaveDownloading(): Promise<{ before: Rig; id: number }> {
      const before = createRig({ fakeOptions: { defaultOutcome: inProgress() } });
      await before.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
      await before.drain();
      const job = (await jobsByReport(before)).get('R001')!;
      expect(job.state).toBe('downloading');
      before.kill();
      return { before, id: job.downloadId! };
    }

    it('completed while no worker listened: done, no new download', async () => {
      const { before, id } = await leaveDownloading();
      before.fake.finish(id, 321);
      await before.fake.idle();
      const after = before.restart();
      await after.pipeline.recover();
      await after.drain();
      expect(after.fake.calls.slice(1)).toHaveLength(0);
      expect((await jobsByReport(after)).get('R001')).toMatchObject({ state: 'done', bytes: 321 });
      await expectOneFileEach(after, ['R001']);
    });

    it('interrupted meanwhile: a fresh URL and one new download', async () => {
      const { before, id } = await leaveDownloading();
      before.fake.interruptNow(id, 'SERVER_FORBIDDEN');
      const after = before.restart();
      after.fake.scriptCalls(complete());
      await after.pipeline.recover();
      await after.runAll();
      expect(after.fake.calls.slice(1)).toHaveLength(1);
      expect(after.issued).toHaveLength(1);
      expect(after.fake.items.has(id)).toBe(false);
      await expectOneFileEach(after, ['R001']);
    });

    it('still in progress: followed until its onChanged event', async () => {
      const { before, id } = await leaveDownloading();
      const after = before.restart();
      await after.pipeline.recover();
      await after.drain();
      expect((await jobsByReport(after)).get('R001')!.state).toBe('downloading');
      after.fake.finish(id);
      await after.drain();
      expect(after.fake.calls.slice(1)).toHaveLength(0);
      await expectOneFileEach(after, ['R001']);
    });

    it('missing from the browser: queued again and downloaded once', async () => {
      const { before, id } = await leaveDownloading();
      await before.fake.erase({ id });
      const after = before.restart();
      after.fake.scriptCalls(complete());
      await after.pipeline.recover();
      await after.drain();
      expect(after.fake.calls.slice(1)).toHaveLength(1);
      await expectOneFileEach(after, ['R001']);
    });
  });

  it('done, failed and cancelled jobs stay as they are', async () => {
    const before = createRig();
    await before.pipeline.enqueue(ACCOUNT, reports(1, 'D'), { accountLabel: LABEL });
    await before.drain();
    before.fake.scriptCalls(interrupt('FILE_VIRUS_INFECTED'));
    await before.pipeline.enqueue(ACCOUNT, reports(1, 'F'), { accountLabel: LABEL });
    await before.drain();
    before.fake.scriptCalls(inProgress());
    const { batchId } = await before.pipeline.enqueue(ACCOUNT, reports(1, 'C'), { accountLabel: LABEL });
    await before.drain();
    await before.pipeline.cancelJobs({ batchId: batchId! });
    await before.drain();
    const snapshotBefore = await before.pipeline.snapshot();
    const callsBefore = before.fake.calls.length;

    const after = before.restart();
    await after.pipeline.recover();
    await after.drain();
    expect(after.fake.calls).toHaveLength(callsBefore);
    expect(await after.pipeline.snapshot()).toEqual(snapshotBefore);
    expect([...(await jobsByReport(after)).values()].map((j) => `${j.reportId}:${j.state}`).sort()).toEqual([
      'C001:cancelled',
      'D001:done',
      'F001:failed',
    ]);
    expect(Object.fromEntries(completedPerReport(after))).toEqual({ D001: 1 });
  });

  it('a backed-off job gets its wake-up scheduled again by the new worker', async () => {
    const before = createRig({
      fetchDocument: async () => {
        throw Object.assign(new Error('busy'), { code: 'rate-limited', userMessage: 'Busy.' });
      },
    });
    await before.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
    await before.drain();
    const { nextAttemptAt } = (await jobsByReport(before)).get('R001')!;

    const after = before.restart();
    await after.pipeline.recover();
    await after.drain();
    expect(after.scheduler.wakes.map((w) => w.at)).toEqual([nextAttemptAt]);
    await after.runAll();
    await expectOneFileEach(after, ['R001']);
  });
});

describe('downloadPathPattern', () => {
  const pattern = new RegExp(downloadPathPattern('AmazonPay/Müller GmbH (EU)/Settlement/2026-11-01_2026-11-02_R1.csv'));

  it.each([
    ['/home/m/Downloads/AmazonPay/Müller GmbH (EU)/Settlement/2026-11-01_2026-11-02_R1.csv', true],
    ['C:\\Users\\m\\Downloads\\AmazonPay\\Müller GmbH (EU)\\Settlement\\2026-11-01_2026-11-02_R1.csv', true],
    ['/d/AmazonPay/Müller GmbH (EU)/Settlement/2026-11-01_2026-11-02_R1 (3).csv', true],
    ['/d/AmazonPay/Müller GmbH (EU)/Settlement/2026-11-01_2026-11-02_R1.csv.gz', true],
    ['/d/AmazonPay/Müller GmbH (EU)/Settlement/2026-11-01_2026-11-02_R11.csv', false],
    ['/d/AmazonPay/Other/Settlement/2026-11-01_2026-11-02_R1.csv', false],
    ['/d/XAmazonPay/Müller GmbH (EU)/Settlement/2026-11-01_2026-11-02_R1.csv', false],
    ['/d/AmazonPay/Müller GmbH (EU)/Settlement/2026-11-01_2026-11-02_R1.csv.crdownload', false],
  ])('%s → %s', (path, matches) => {
    expect(pattern.test(path)).toBe(matches);
  });
});
