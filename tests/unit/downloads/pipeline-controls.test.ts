import { beforeEach, describe, expect, it, vi } from 'vitest';
import { inProgress, interrupt } from '../fakes/downloads';
import { searchHistory } from '@/utils/downloads/history';
import { createRig, freshIndexedDb, jobsByReport, reports } from './harness';

const ACCOUNT = 'acct-1';
const LABEL = 'Müller GmbH';

beforeEach(freshIndexedDb);

describe('download pipeline: cancel, pause, events, cleanup', () => {
  it('cancels queued and running jobs of a batch, including the browser download', async () => {
    const rig = createRig({ concurrency: 1, fakeOptions: { defaultOutcome: inProgress() } });
    const { batchId } = await rig.pipeline.enqueue(ACCOUNT, reports(3), { accountLabel: LABEL });
    await rig.drain();
    expect(await rig.pipeline.cancelJobs({ batchId: batchId! })).toBe(3);
    await rig.drain();
    expect(rig.fake.cancelled).toEqual([rig.fake.calls[0]!.id]);
    expect(rig.fake.calls).toHaveLength(1);
    const { jobs, batches } = await rig.pipeline.snapshot();
    expect(jobs.map((j) => j.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(batches[0]!.counts.cancelled).toBe(3);
  });

  it('drops the URL of a job cancelled while it was being fetched', async () => {
    let release: (() => void) | undefined;
    const rig = createRig({
      fetchDocument: (job) =>
        new Promise((resolve) => {
          release = () => resolve({ reportDocumentId: job.reportDocumentId, url: 'https://tortuga.s3.example/late' });
        }),
    });
    const { queued } = await rig.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
    await vi.waitFor(() => expect(release).toBeDefined());
    await rig.pipeline.cancelJobs([queued[0]!.id]);
    release!();
    await rig.drain();
    expect(rig.fake.calls).toHaveLength(0);
    expect((await jobsByReport(rig)).get('R001')!.state).toBe('cancelled');
  });

  it('holds a paused batch and continues it on resume', async () => {
    const rig = createRig({ concurrency: 1, fakeOptions: { defaultOutcome: inProgress() } });
    const { batchId } = await rig.pipeline.enqueue(ACCOUNT, reports(3), { accountLabel: LABEL });
    await rig.drain();
    await rig.pipeline.pause(batchId!);
    rig.fake.finish(rig.fake.calls[0]!.id!);
    await rig.drain();
    expect(rig.fake.calls).toHaveLength(1);
    expect((await rig.pipeline.snapshot()).batches[0]).toMatchObject({ paused: true, counts: { done: 1, queued: 2 } });

    await rig.pipeline.resume(batchId!);
    await rig.drain();
    expect(rig.fake.calls).toHaveLength(2);
  });

  it('reports every change as an event, and never stores or publishes a document URL', async () => {
    const rig = createRig();
    rig.fake.scriptCalls(interrupt('SERVER_FORBIDDEN'));
    await rig.pipeline.enqueue(ACCOUNT, reports(2), { accountLabel: LABEL });
    await rig.drain();

    const states = rig.events.flatMap((e) => (e.type === 'job' && e.job.reportId === 'R002' ? [e.job.state] : []));
    expect(states).toEqual(['queued', 'requesting-url', 'downloading', 'done']);
    const lastBatch = rig.events.filter((e) => e.type === 'batch').at(-1);
    expect(lastBatch).toMatchObject({ batch: { counts: { done: 2 } } });
    const stored = JSON.stringify(await rig.pipeline.snapshot()) + JSON.stringify(rig.events);
    for (const { url } of rig.issued) expect(stored).not.toContain(url);
    expect(stored).not.toContain('X-Amz-Signature');
  });

  it('prunes finished batches beyond what it keeps, and keeps the history', async () => {
    const rig = createRig({ keepFinished: { jobs: 2, ageMs: 60_000 } });
    const first = await rig.pipeline.enqueue(ACCOUNT, reports(2, 'A'), { accountLabel: LABEL });
    await rig.drain();
    rig.clock.time += 1_000;
    const second = await rig.pipeline.enqueue(ACCOUNT, reports(1, 'B'), { accountLabel: LABEL });
    await rig.drain();
    // The newer batch ended: the older one no longer fits in two kept jobs.
    expect((await rig.pipeline.snapshot()).batches.map((b) => b.id)).toEqual([second.batchId]);
    expect(rig.events).toContainEqual({
      type: 'removed',
      jobIds: expect.arrayContaining(first.queued.map((j) => j.id)),
      batchIds: [first.batchId],
    });
    expect((await rig.pipeline.enqueue(ACCOUNT, reports(2, 'A'), { accountLabel: LABEL })).skipped).toHaveLength(2);

    rig.clock.time += 61_000;
    // At the next worker start everything finished is older than a minute.
    const next = rig.restart({ keepFinished: { jobs: 2, ageMs: 60_000 } });
    await next.pipeline.recover();
    expect(await next.pipeline.snapshot()).toEqual({ jobs: [], batches: [] });
    expect(await searchHistory(rig.db)).toHaveLength(3);
  });
});
