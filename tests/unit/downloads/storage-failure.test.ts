import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { searchHistory } from '@/utils/downloads/history';
import { REPAIR_AFTER_MS } from '@/utils/downloads/storage-fault';
import type { DownloadJob, JobState } from '@/utils/downloads/types';
import { inProgress } from '../fakes/downloads';
import { completedPerReport, createRig, freshIndexedDb, jobsByReport, reports, type Rig } from './harness';

const ACCOUNT = 'acct-1';
const LABEL = 'Müller GmbH';

beforeEach(freshIndexedDb);
afterEach(() => vi.restoreAllMocks());

/**
 * Makes the store refuse every write of a job in `state` (every write at all with `'any'`), as IndexedDB does when
 * the disk is full, until healed.
 */
function refuseWrites(state: JobState | 'any', name: string): { heal(): void } {
  let refusing = true;
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value, key) {
    const refused = state === 'any' || (value as Partial<DownloadJob>)?.state === state;
    if (refusing && refused) throw new DOMException('The store refused the write', name);
    return put.call(this, value, key);
  });
  return { heal: () => void (refusing = false) };
}

/** Every file the browser completed has its history entry, and its job is done. */
async function everyFileRecorded(rig: Rig): Promise<void> {
  const history = new Map((await searchHistory(rig.db)).map((h) => [h.finalPath, h]));
  for (const item of rig.fake.completed()) expect(history.get(item.filename), item.filename).toBeDefined();
  const jobs = await jobsByReport(rig);
  for (const entry of history.values()) expect(jobs.get(entry.reportId)?.state).toBe('done');
}

describe('a write to the queue that fails', () => {
  it('on `done` (QuotaExceededError): stops the batch with storage-full, then records the finished file once writing works', async () => {
    const rig = createRig({ concurrency: 1 });
    const store = refuseWrites('done', 'QuotaExceededError');
    const { batchId } = await rig.pipeline.enqueue(ACCOUNT, reports(3), { accountLabel: LABEL });
    await rig.drain();

    // One file landed; its job could not be recorded as done, and nothing else started.
    expect(rig.fake.completed()).toHaveLength(1);
    expect(rig.fake.calls).toHaveLength(1);
    const shown = (await rig.pipeline.snapshot()).batches.find((b) => b.id === batchId);
    expect(shown).toMatchObject({
      paused: true,
      stopped: { code: 'storage-full', userMessage: expect.stringMatching(/no room left.*Resume/) },
    });
    expect(rig.events.filter((e) => e.type === 'batch').at(-1)).toMatchObject({
      batch: { stopped: { code: 'storage-full' } },
    });
    expect((await jobsByReport(rig)).get('R001')?.state).toBe('downloading');

    // Still refused at the first repair: nothing changes, and another repair is scheduled.
    expect(rig.scheduler.wakes.map((w) => w.at)).toEqual([rig.clock.time + REPAIR_AFTER_MS]);
    rig.scheduler.fireNext(rig.clock);
    await rig.drain();
    expect((await jobsByReport(rig)).get('R001')?.state).toBe('downloading');
    expect(rig.scheduler.wakes).toHaveLength(1);

    store.heal();
    rig.scheduler.fireNext(rig.clock);
    await rig.drain();
    expect((await jobsByReport(rig)).get('R001')?.state).toBe('done');
    await everyFileRecorded(rig);
    // The batch stays stopped, with its reason, until the user resumes it.
    expect(rig.fake.calls).toHaveLength(1);
    expect((await rig.pipeline.snapshot()).batches[0]).toMatchObject({
      paused: true,
      stopped: { code: 'storage-full' },
    });

    await rig.pipeline.resume(batchId!);
    await rig.drain();
    expect([...completedPerReport(rig).values()]).toEqual([1, 1, 1]);
    await everyFileRecorded(rig);
    expect((await rig.pipeline.snapshot()).batches[0]).toMatchObject({
      paused: false,
      stopped: undefined,
      counts: { done: 3 },
    });
  });

  it('on `downloading` (any other error): stops the batch with storage-failed and adopts the started downloads later', async () => {
    const rig = createRig();
    const store = refuseWrites('downloading', 'UnknownError');
    const { batchId } = await rig.pipeline.enqueue(ACCOUNT, reports(6), { accountLabel: LABEL });
    await rig.drain();

    // The first URL requests went out together; their downloads started and finished, unrecorded.
    const started = rig.fake.calls.length;
    expect(started).toBeGreaterThan(0);
    expect(started).toBeLessThan(6);
    const stoppedBatch = (await rig.pipeline.snapshot()).batches[0];
    expect(stoppedBatch).toMatchObject({
      id: batchId,
      paused: true,
      stopped: { code: 'storage-failed', userMessage: expect.stringContaining('could not record') },
    });
    const states = [...(await jobsByReport(rig)).values()].map((j) => j.state);
    expect(states.filter((s) => s === 'requesting-url')).toHaveLength(started);

    store.heal();
    await rig.runAll();
    await everyFileRecorded(rig);
    expect(rig.fake.calls).toHaveLength(started);
    const repaired = [...(await jobsByReport(rig)).values()];
    expect(repaired.filter((j) => j.state === 'done')).toHaveLength(started);
    expect(repaired.every((j) => j.state === 'done' || j.state === 'queued')).toBe(true);

    await rig.pipeline.resume(batchId!);
    await rig.drain();
    expect([...completedPerReport(rig).values()]).toEqual(Array(6).fill(1));
    await everyFileRecorded(rig);
  });

  it('a Resume once writing works repairs at once; while a download runs its progress is never lost', async () => {
    const rig = createRig({ concurrency: 1, fakeOptions: { defaultOutcome: inProgress() } });
    const store = refuseWrites('done', 'QuotaExceededError');
    const { batchId } = await rig.pipeline.enqueue(ACCOUNT, reports(2), { accountLabel: LABEL });
    await rig.drain();
    const [item] = [...rig.fake.items.values()];
    rig.fake.finish(item!.id, 100);
    await rig.drain();
    expect((await rig.pipeline.snapshot()).batches[0]).toMatchObject({ stopped: { code: 'storage-full' } });

    store.heal();
    await rig.pipeline.resume(batchId!);
    await rig.drain();
    expect((await jobsByReport(rig)).get('R001')).toMatchObject({ state: 'done', bytes: 100 });
    expect((await jobsByReport(rig)).get('R002')?.state).toBe('downloading');
  });

  it('when no write succeeds at all, views still see the stop (held in memory), and the repair stores it', async () => {
    const rig = createRig({ concurrency: 1 });
    const { batchId } = await rig.pipeline.enqueue(ACCOUNT, reports(2), { accountLabel: LABEL });
    const store = refuseWrites('any', 'QuotaExceededError');
    await rig.drain();
    const stop = { paused: true, stopped: { code: 'storage-full' } };
    expect((await rig.pipeline.snapshot()).batches[0]).toMatchObject(stop);
    expect(rig.events.filter((e) => e.type === 'batch').at(-1)).toMatchObject({ batch: stop });

    store.heal();
    await rig.runAll();
    await everyFileRecorded(rig);
    const next = rig.restart();
    expect((await next.pipeline.snapshot()).batches[0]).toMatchObject({ id: batchId, ...stop });
  });
});
