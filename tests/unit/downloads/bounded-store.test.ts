import { createStore, promisifyRequest } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { searchHistory } from '@/utils/downloads/history';
import { openJobsDb } from '@/utils/downloads/jobs-store';
import { RECENT_FOR_VIEWS } from '@/utils/downloads/pipeline';
import { emptyCounts } from '@/utils/downloads/types';
import { inProgress } from '../fakes/downloads';
import { createRig, freshIndexedDb, reports, T0 } from './harness';
import { countStoreReads, seedFinished } from './store-reads';

const ACCOUNT = 'acct-1';
const LABEL = 'Müller GmbH';

beforeEach(freshIndexedDb);
afterEach(() => vi.restoreAllMocks());

describe('a queue with a long past', () => {
  it('reads O(live) records per pump, per byte sample and per download event with 20 000 finished jobs stored', async () => {
    // Everything kept, so pruning (a one-off deletion, tested below) does not blur the per-pump figures.
    const rig = createRig({ fakeOptions: { defaultOutcome: inProgress() }, keepFinished: { jobs: 1e6, ageMs: 1e12 } });
    await seedFinished(rig.db, 20, 1_000, T0);
    const store = countStoreReads();

    await rig.pipeline.enqueue(ACCOUNT, reports(10), { accountLabel: LABEL });
    await rig.drain();
    expect((await rig.pipeline.downloading()).map((j) => j.reportId)).toHaveLength(8);
    while (rig.fake.completed().length < 10) {
      const running = [...rig.fake.items.values()].find((i) => i.state === 'in_progress')!;
      rig.fake.finish(running.id, 100);
      await rig.drain();
    }
    expect((await searchHistory(rig.db, { accountId: ACCOUNT })).map((h) => h.reportId).sort()).toEqual(
      reports(10).map((r) => r.reportId),
    );

    // Every request read at most the live jobs, or the 21 batch records a prune looks at when a batch ends; all
    // of them together, a few per job step (reading the store once would be 20 000).
    expect(Math.max(...store.reads)).toBeLessThanOrEqual(21);
    expect(store.total()).toBeLessThan(1_000);
  });

  it('sends views every job of a running batch plus a bounded set of recent results', async () => {
    const rig = createRig({ fakeOptions: { defaultOutcome: inProgress() } });
    await seedFinished(rig.db, 20, 1_000, T0);
    const { batchId } = await rig.pipeline.enqueue(ACCOUNT, reports(10), { accountLabel: LABEL });
    await rig.drain();
    const running = [...rig.fake.items.values()].filter((i) => i.state === 'in_progress');
    for (const item of running.slice(0, 3)) rig.fake.finish(item.id, 100);
    await rig.drain();

    const store = countStoreReads();
    const { jobs, batches } = await rig.pipeline.snapshot();
    const mine = jobs.filter((j) => j.batchId === batchId);
    expect(mine.map((j) => j.state).sort()).toEqual([...Array(3).fill('done'), ...Array(7).fill('downloading')]);
    expect(batches[0]).toMatchObject({ id: batchId, total: 10, counts: { done: 3, downloading: 7, queued: 0 } });
    // The recent set counts this batch's three done jobs, which are the newest results.
    expect(jobs).toHaveLength(10 + RECENT_FOR_VIEWS.jobs - 3);
    expect(batches).toHaveLength(1 + 20);
    // The newest results first: the most recently finished batch's jobs are among them.
    expect(jobs.filter((j) => j.batchId === 'old-batch-19')).toHaveLength(RECENT_FOR_VIEWS.jobs - 3);
    expect(store.total()).toBeLessThan(3 * RECENT_FOR_VIEWS.jobs + 200);
  });

  it('prunes finished batches at worker start, newest kept, history untouched', async () => {
    const rig = createRig();
    await seedFinished(rig.db, 20, 1_000, T0);
    await rig.pipeline.recover();
    await rig.drain();
    const { batches } = await rig.pipeline.snapshot();
    // 2 000 jobs kept: the two newest batches.
    expect(batches.map((b) => b.id).sort()).toEqual(['old-batch-18', 'old-batch-19']);
    const left = await rig.db('readonly', (s) => promisifyRequest(s.count(IDBKeyRange.bound(['job'], ['job', []]))));
    expect(left).toBe(2_000);
  });

  it('upgrades a queue written before the indexes existed, and carries on with it', async () => {
    const old = createStore('report-courier-jobs', 'jobs');
    const batch = {
      id: 'b1',
      accountId: ACCOUNT,
      createdAt: T0,
      updatedAt: T0,
      total: 2,
      counts: { ...emptyCounts(), queued: 1, done: 1 },
      paused: false,
    };
    const [first, second] = reports(2);
    const job = (r: typeof first, state: string, id: string, position: number) => ({
      id,
      accountId: ACCOUNT,
      reportId: r!.reportId,
      reportDocumentId: r!.reportDocumentId,
      reportType: r!.reportType,
      startTime: (r!.startTime as Date).toISOString(),
      endTime: (r!.endTime as Date).toISOString(),
      accountLabel: LABEL,
      batchId: 'b1',
      position,
      state,
      attempts: state === 'done' ? 1 : 0,
      nextAttemptAt: T0,
      filename: `AmazonPay/${LABEL}/Settlement/${r!.reportId}.csv`,
      createdAt: T0,
      updatedAt: T0,
    });
    await old('readwrite', (s) => {
      s.put(batch, ['batch', 'b1']);
      s.put(job(first, 'done', 'j1', 0), ['job', 'j1']);
      s.put(job(second, 'queued', 'j2', 1), ['job', 'j2']);
      s.put(
        {
          accountId: ACCOUNT,
          reportId: first!.reportId,
          reportType: 'X',
          filename: 'f',
          finalPath: '/f',
          bytes: 1,
          downloadedAt: T0,
        },
        ['history', ACCOUNT, first!.reportId],
      );
      return promisifyRequest(s.transaction);
    });
    (await old('readonly', (s) => Promise.resolve(s.transaction.db))).close();

    const rig = createRig({ db: openJobsDb() });
    await rig.pipeline.recover();
    await rig.drain();
    expect(rig.fake.calls.map((c) => c.filename)).toEqual([expect.stringContaining(second!.reportId)]);
    const { batches } = await rig.pipeline.snapshot();
    expect(batches[0]).toMatchObject({ id: 'b1', counts: { queued: 0, done: 2 } });
    expect((await searchHistory(rig.db)).map((h) => h.reportId).sort()).toEqual([first!.reportId, second!.reportId]);
  });
});
