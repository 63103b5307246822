import { beforeEach, describe, expect, it, vi } from 'vitest';
import { complete, failStart, inProgress } from '../fakes/downloads';
import { completedPerReport, createRig, freshIndexedDb, jobsByReport, reports, T0 } from './harness';

/** What a stopping worker or a quitting browser does to running jobs, and how each comes out of it. */

const ACCOUNT = 'acct-1';
const LABEL = 'Müller GmbH';

beforeEach(freshIndexedDb);

describe('download() refused by a worker or browser on its way out', () => {
  it('adopts the download the browser started anyway, instead of starting a duplicate', async () => {
    const rig = createRig({ concurrency: 1 });
    rig.fake.scriptCalls(failStart('No SW', true));
    await rig.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
    await rig.runAll();
    expect(rig.fake.calls).toHaveLength(1);
    expect((await jobsByReport(rig)).get('R001')).toMatchObject({
      state: 'done',
      attempts: 1,
      downloadId: rig.fake.calls[0]!.id,
    });
  });

  it('tries again later when nothing started, spending an attempt', async () => {
    const rig = createRig({ concurrency: 1, maxAttempts: 3 });
    rig.fake.scriptCalls(failStart('The browser is shutting down.'), failStart('No SW'), complete());
    await rig.pipeline.enqueue(ACCOUNT, reports(2), { accountLabel: LABEL });
    await rig.drain();
    expect((await jobsByReport(rig)).get('R001')).toMatchObject({
      state: 'queued',
      attempts: 1,
      nextAttemptAt: T0 + 5_000,
    });
    await rig.runAll();
    expect([...completedPerReport(rig).values()]).toEqual([1, 1]);
  });

  it('fails clearly once the attempts are spent', async () => {
    const stubborn = createRig({ concurrency: 1, maxAttempts: 2 });
    stubborn.fake.scriptCalls(failStart('No SW'), failStart('No SW'));
    await stubborn.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
    await stubborn.runAll();
    expect((await jobsByReport(stubborn)).get('R001')).toMatchObject({
      state: 'failed',
      error: {
        code: 'attempts-exhausted',
        userMessage: expect.stringContaining('after 2 attempts'),
        details: { reason: 'DOWNLOAD_NOT_STARTED', attempts: 2 },
      },
    });
  });

  it('a start that failed with a disk reason fails the job at once', async () => {
    const rig = createRig({ concurrency: 1 });
    rig.fake.scriptCalls(failStart('FILE_NO_SPACE'));
    await rig.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
    await rig.runAll();
    expect((await jobsByReport(rig)).get('R001')).toMatchObject({ state: 'failed', error: { code: 'FILE_NO_SPACE' } });
  });
});

describe('cancels seen in the browser', () => {
  it('a cancel stands only once the worker has outlived it by the grace period', async () => {
    const rig = createRig({ concurrency: 1, cancelGraceMs: 200, fakeOptions: { defaultOutcome: inProgress() } });
    await rig.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
    await rig.drain();
    await rig.fake.cancel(rig.fake.calls[0]!.id!);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await jobsByReport(rig)).get('R001')!.state).toBe('downloading');
    await vi.waitFor(async () => expect((await jobsByReport(rig)).get('R001')!.state).toBe('cancelled'));
  });

  it('a cancel found at start-up without its event came from quitting the browser: the job starts again', async () => {
    const quitting = createRig({ concurrency: 1, fakeOptions: { defaultOutcome: inProgress() } });
    await quitting.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
    await quitting.drain();
    const first = quitting.fake.calls[0]!.id!;
    quitting.kill();
    await quitting.fake.cancel(first);

    const relaunched = quitting.restart({ fakeOptions: { defaultOutcome: complete() } });
    quitting.fake.scriptCalls(complete());
    await relaunched.pipeline.recover();
    await relaunched.runAll();
    expect((await jobsByReport(relaunched)).get('R001')).toMatchObject({ state: 'done', attempts: 2 });
    expect(relaunched.fake.calls).toHaveLength(2);
  });

  it('a cancel made while the worker slept, whose event wakes it, still stands', async () => {
    const sleeping = createRig({ concurrency: 1, fakeOptions: { defaultOutcome: inProgress() } });
    await sleeping.pipeline.enqueue(ACCOUNT, reports(1), { accountLabel: LABEL });
    await sleeping.drain();
    sleeping.kill();

    const woken = sleeping.restart();
    const recovered = woken.pipeline.recover();
    await woken.fake.cancel(woken.fake.calls[0]!.id!);
    await recovered;
    await woken.runAll();
    expect((await jobsByReport(woken)).get('R001')!.state).toBe('cancelled');
    expect(woken.fake.calls).toHaveLength(1);
  });
});
